import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../../test/e2e/harness/launch.ts';
import type { LoggedRequest } from '../../test/emulator/index.ts';
import { type Figure, max } from '../figures.ts';
import type { Scenario } from '../scenario.ts';
import { Series } from '../stats.ts';
import type { ChromeGlobal } from '../support/chrome-api.ts';
import { inWorker, launchBench } from '../support/harness.ts';
import { logMark, since } from '../support/requests.ts';
import { signInAndSync } from '../support/session.ts';

const LATENCY_MS = 100;
const QUERY = 'prod identity admin';
const ROLE = /^AdministratorAccess in acme-prod-identity/;

/**
 * Figure 5: Enter on a role in the popup → the console's home page reaches DOMContentLoaded, at 100 ms per
 * request (navigation hops included). AWS calls are read from the emulator's log: those answered before the
 * first navigation request (the sign-in host's `/oauth?Action=logout`) are the ones the user waits for;
 * "serial" counts how many of them had to wait for the one before.
 */
export const clickToConsole: Scenario = {
  name: 'click-to-console',
  async run({ runs, dist, log, settle }) {
    const h = await launchBench(dist, { organization: 'demo' });
    try {
      const { popup } = await signInAndSync(h);
      h.emulator.configure({ latencyMs: LATENCY_MS });
      await popup.evaluate(() => {
        document.addEventListener(
          'keydown',
          (event) => {
            if (event.key !== 'Enter') return;
            (globalThis as unknown as { __benchEnterAt: number }).__benchEnterAt =
              performance.timeOrigin + event.timeStamp;
          },
          true,
        );
      });
      await popup.getByRole('combobox', { name: 'Search accounts and roles' }).fill(QUERY);
      await popup.getByRole('rowheader', { name: ROLE }).first().waitFor();

      const series = new Series();
      const paths: Record<string, string[]> = {};
      for (let run = 0; run < runs; run++) {
        for (const mode of ['fresh', 'reused'] as const) {
          if (mode === 'fresh') await forgetRoleCredentials(h);
          await settle();
          const result = await openConsoleOnce(h, popup);
          series.add(`${mode}.wall`, result.wallMs);
          series.add(`${mode}.before`, result.before.length);
          series.add(`${mode}.serial`, serialRoundTrips(result.before));
          // The emulator's own cookie hops (/_emulator/…) stand in for cookies AWS sets directly; it answers them
          // without the emulated latency, so they do not count towards the floor.
          series.add(
            `${mode}.hops`,
            result.navigation.filter((r) => !r.path.startsWith('/_emulator/')).length,
          );
          paths[mode] ??= [...result.before, ...result.navigation].map(
            (r) => `${r.method} ${r.host}${r.path}`,
          );
          log(
            `console ${mode}: ${result.wallMs.toFixed(0)} ms, before navigation: ${result.before.map((r) => r.path).join(' → ')}`,
          );
        }
      }
      const group = `Click to console at ${LATENCY_MS} ms per request (Enter → console DOMContentLoaded)`;
      const figure = (mode: 'fresh' | 'reused', budget: number): Figure[] => [
        {
          id: `console.${mode}.serial`,
          group,
          label: `${mode} credentials: serial AWS round trips before navigation`,
          unit: '',
          summary: series.summary(`${mode}.serial`),
          budget: max(budget, 'worst'),
          extra: { requestsBeforeNavigation: series.summary(`${mode}.before`), calls: paths[mode] },
        },
        {
          id: `console.${mode}.wall`,
          group,
          label: `${mode} credentials: wall time`,
          unit: 'ms',
          summary: series.summary(`${mode}.wall`),
          note: `floor ${(series.summary(`${mode}.serial`).median + series.summary(`${mode}.hops`).median) * LATENCY_MS} ms: round trips + ${series.summary(`${mode}.hops`).median} delayed navigation requests`,
        },
      ];
      return [...figure('fresh', 2), ...figure('reused', 1)];
    } finally {
      await h.close();
    }
  },
};

/** Role credentials are cached in storage.session (`creds:…`); without them the next open fetches new ones. */
async function forgetRoleCredentials(h: ExtensionHarness): Promise<void> {
  await inWorker(
    h,
    async () => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      const all = await chrome.storage.session.get(null);
      await chrome.storage.session.remove(Object.keys(all).filter((k) => k.startsWith('creds:')));
    },
    null,
  );
}

async function openConsoleOnce(h: ExtensionHarness, popup: Page) {
  await popup.bringToFront();
  await popup.getByRole('combobox', { name: 'Search accounts and roles' }).focus();
  const mark = logMark(h.emulator);
  const opened = h.context.waitForEvent('page', { timeout: 30_000 });
  await popup.keyboard.press('Enter');
  const tab = await opened;
  try {
    await tab.waitForURL(/console\.aws\.amazon\.com\/console\/home/, {
      waitUntil: 'domcontentloaded',
      timeout: 30_000,
    });
    const loadedAt = await tab.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return performance.timeOrigin + (nav?.domContentLoadedEventStart ?? performance.now());
    });
    const enterAt = await popup.evaluate(
      () => (globalThis as unknown as { __benchEnterAt: number }).__benchEnterAt,
    );
    const log = since(h.emulator, mark);
    const navigation = log.findIndex((r) => r.method === 'GET' && r.path === '/oauth');
    if (navigation < 0)
      throw new Error(`no navigation to the sign-in host: ${log.map((r) => r.path).join(', ')}`);
    return {
      wallMs: loadedAt - enterAt,
      before: log.slice(0, navigation),
      navigation: log.slice(navigation),
    };
  } finally {
    await tab.close();
  }
}

/**
 * Longest chain of requests each sent after the previous one was answered. A request reached the emulator at
 * least LATENCY_MS before its logged answer; 5 ms of slack covers timer jitter.
 */
function serialRoundTrips(requests: readonly LoggedRequest[]): number {
  let count = 0;
  let lastAnswer = Number.NEGATIVE_INFINITY;
  for (const r of [...requests].sort((a, b) => Date.parse(a.time) - Date.parse(b.time))) {
    const answered = Date.parse(r.time);
    if (answered - LATENCY_MS >= lastAnswer - 5) {
      count++;
      lastAnswer = answered;
    }
  }
  return count;
}
