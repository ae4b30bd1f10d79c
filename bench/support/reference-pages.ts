import type { ExtensionHarness } from '../../test/e2e/harness/launch.ts';
import { Series } from '../stats.ts';
import type { ChromeGlobal } from './chrome-api.ts';
import { cachedDirectory, SEEDED_PORTAL_ID } from './directory.ts';
import { BLANK_PAGE } from './dist.ts';
import { inWorker } from './harness.ts';

/** Reference timings next to the popup's first render: not the product, but what frames its numbers. */

/** The browser's own floor: an extension page with no script at all, opened the same way as the popup. */
export async function blankPageTimes(h: ExtensionHarness, runs: number): Promise<Series> {
  const series = new Series();
  for (let run = 0; run <= runs; run++) {
    const page = await h.context.newPage();
    try {
      await page.setViewportSize({ width: 420, height: 560 });
      await page.goto(`chrome-extension://${h.extensionId}/${BLANK_PAGE}`);
      const loaded = await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
            ?.domContentLoadedEventStart ?? Number.NaN,
      );
      if (run > 0) series.add('domContentLoaded', loaded);
    } finally {
      await page.close();
    }
  }
  return series;
}

/**
 * Not the product: how long the same cache takes to read when stored as nested objects (the layout before the
 * compact string of src/shared/directory/compact.ts), side by side with the stored string read and parsed, in a
 * bare extension page with no popup code running.
 */
export async function objectReadTimes(h: ExtensionHarness, accounts: number, runs: number): Promise<Series> {
  const key = `directory:${SEEDED_PORTAL_ID}`;
  const objects = cachedDirectory(accounts);
  await inWorker(
    h,
    async (objects) => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      await chrome.storage.local.set({ 'bench:as-objects': objects });
    },
    objects,
  );
  const page = await h.context.newPage();
  const series = new Series();
  try {
    await page.goto(`chrome-extension://${h.extensionId}/manifest.json`);
    for (let run = 0; run <= runs; run++) {
      const times = await page.evaluate(async (key) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        let started = performance.now();
        await chrome.storage.local.get('bench:as-objects');
        const objects = performance.now() - started;
        started = performance.now();
        const stored = (await chrome.storage.local.get(key))[key];
        if (typeof stored === 'string') JSON.parse(stored);
        return { objects, stored: performance.now() - started };
      }, key);
      if (run === 0) continue;
      series.add('objects', times.objects);
      series.add('stored', times.stored);
    }
  } finally {
    await page.close();
    await inWorker(
      h,
      async () => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        await chrome.storage.local.remove('bench:as-objects');
      },
      null,
    );
  }
  if (series.get('objects').length === 0) throw new Error(`no object read times at ${accounts} accounts`);
  return series;
}
