import type { Page } from 'playwright-core';
import type { PortalDirectory } from '../../src/shared/directory/model.ts';
import type { Organization } from '../../test/emulator/index.ts';
import { type Figure, max } from '../figures.ts';
import type { Scenario } from '../scenario.ts';
import { Series } from '../stats.ts';
import { launchBench } from '../support/harness.ts';
import { isDirectoryCall, logMark, since } from '../support/requests.ts';
import {
  forgetDirectory,
  restartWorker,
  signInAndSync,
  storedDirectory,
  timedSync,
} from '../support/session.ts';

const ACCOUNTS = 100;
/** Issue #19: a throttle tight enough that the limiter must learn it, not outrun it with its own burst. */
const THROTTLE = { ratePerSecond: 5, burst: 10 };

/**
 * Figure 4: a full sync of 100 accounts while the portal allows 5 requests/s (burst 10; beyond, a 429 as the
 * emulator answers it, without Retry-After since AWS sends none). No client can beat (requests − burst) / rate;
 * the ratio to that bound is per run. The share of requests answered 429 says how well the limiter learned the
 * limit (each one is a wasted round trip and, without Retry-After, a pause). Nothing may be missing and the user
 * may see no error: neither the final progress message nor any alert in the open popup at any moment of the sync.
 */
export const syncThrottle: Scenario = {
  name: 'sync-throttle',
  async run({ runs, dist, log, settle }) {
    const h = await launchBench(dist, { organization: { seed: 9, accounts: ACCOUNTS } });
    try {
      const { popup, portalId } = await signInAndSync(h);
      const series = new Series();
      const messages: string[] = [];
      for (let run = 0; run < runs; run++) {
        h.emulator.configure({ throttle: null });
        await forgetDirectory(h, portalId);
        await restartWorker(h, popup);
        await watchErrors(popup);
        await settle();
        const mark = logMark(h.emulator);
        // A new token bucket, full: the bound assumes the sync starts with the whole burst available.
        h.emulator.configure({ throttle: THROTTLE });
        const sync = await timedSync(popup, portalId, 300_000);
        h.emulator.configure({ throttle: null });
        const calls = since(h.emulator, mark).filter(isDirectoryCall);
        const ok = calls.filter((r) => r.status === 200).length;
        const boundSeconds = (ok - THROTTLE.burst) / THROTTLE.ratePerSecond;
        const wallSeconds = (sync.doneAt - sync.startedAt) / 1000;
        const shown = await errorsShown(popup);
        // Which check tripped, and when: an alert first seen before the sync started is left from before.
        if (sync.progress.message || sync.progress.state !== 'done')
          messages.push(`run ${run}: final progress ${sync.progress.state}: ${sync.progress.message ?? ''}`);
        for (const { text, at } of shown.texts)
          messages.push(
            `run ${run}: shown ${((at - sync.startedAt) / 1000).toFixed(2)} s after the start: ${text}`,
          );
        const missing = missingAccounts(h.emulator.organization, await storedDirectory(h, portalId));

        series.add('wall', wallSeconds);
        series.add('bound', boundSeconds);
        series.add('ratio', wallSeconds / boundSeconds);
        series.add('missing', missing);
        series.add('errors', (sync.progress.message || sync.progress.state !== 'done' ? 1 : 0) + shown.most);
        const throttled = calls.filter((r) => r.status === 429).length;
        series.add('throttled', throttled);
        series.add('throttledShare', (100 * throttled) / calls.length);
        series.add('requests', ok);
        log(
          `throttled sync: ${wallSeconds.toFixed(2)} s vs bound ${boundSeconds.toFixed(2)} s, ` +
            `${throttled} of ${calls.length} answered 429, ${missing} missing`,
        );
        await popup.waitForTimeout(1_500);
      }
      const group = `Full sync of ${ACCOUNTS} accounts under a ${THROTTLE.ratePerSecond} requests/s throttle (burst ${THROTTLE.burst})`;
      const figures: Figure[] = [
        {
          id: 'syncThrottle.wall',
          group,
          label: 'ours: sync start → progress done',
          unit: 's',
          summary: series.summary('wall'),
        },
        {
          id: 'syncThrottle.bound',
          group,
          label: 'lower bound (requests − burst) ÷ rate',
          unit: 's',
          summary: series.summary('bound'),
          extra: { successfulRequests: series.summary('requests') },
        },
        {
          id: 'syncThrottle.ratio',
          group,
          label: 'ratio to the bound (per run)',
          unit: '×',
          summary: series.summary('ratio'),
          budget: max(1.2),
        },
        {
          id: 'syncThrottle.missing',
          group,
          label: 'accounts missing or with wrong roles',
          unit: '',
          summary: series.summary('missing'),
          budget: max(0, 'worst'),
        },
        {
          id: 'syncThrottle.errors',
          group,
          label: 'errors shown (progress message, alerts)',
          unit: '',
          summary: series.summary('errors'),
          budget: max(0, 'worst'),
          extra: { messages },
        },
        {
          id: 'syncThrottle.throttledShare',
          group,
          label: 'requests answered 429 (share of all sent)',
          unit: '%',
          summary: series.summary('throttledShare'),
          budget: max(10),
          extra: { throttled: series.summary('throttled') },
        },
      ];
      return figures;
    } finally {
      await h.close();
    }
  },
};

/** Accounts of the organisation not stored with exactly their roles (roles listed successfully). */
function missingAccounts(organization: Organization, stored: PortalDirectory | null): number {
  const byId = new Map((stored?.accounts ?? []).map((a) => [a.accountId, a]));
  return organization.accounts.filter((account) => {
    const got = byId.get(account.accountId);
    if (!got || got.rolesError || got.rolesSyncedAt === undefined) return true;
    const roles = got.roles.map((r) => r.roleName).sort();
    return roles.join('\n') !== [...account.roles].sort().join('\n');
  }).length;
}

const ERROR_SELECTOR = '[role="alert"], .sync-status .error';

/** Counts, from now on, the most error elements the popup shows at once, and what they said. */
async function watchErrors(popup: Page): Promise<void> {
  await popup.evaluate((selector) => {
    const seen = { most: 0, texts: [] as { text: string; at: number }[] };
    const state = globalThis as unknown as {
      __benchErrors: typeof seen;
      __benchErrorWatch?: MutationObserver;
    };
    state.__benchErrorWatch?.disconnect();
    state.__benchErrors = seen;
    const look = () => {
      const shown = [...document.querySelectorAll(selector)];
      seen.most = Math.max(seen.most, shown.length);
      for (const el of shown) {
        const text = el.textContent?.trim() ?? '';
        if (text && !seen.texts.some((t) => t.text === text)) seen.texts.push({ text, at: Date.now() });
      }
    };
    look();
    state.__benchErrorWatch = new MutationObserver(look);
    state.__benchErrorWatch.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }, ERROR_SELECTOR);
}

async function errorsShown(popup: Page): Promise<{ most: number; texts: { text: string; at: number }[] }> {
  // The last progress re-renders the popup after the storage write that ended the timing.
  await popup.waitForTimeout(300);
  return popup.evaluate(
    () =>
      (globalThis as unknown as { __benchErrors: { most: number; texts: { text: string; at: number }[] } })
        .__benchErrors,
  );
}
