import { type Figure, max } from '../figures.ts';
import type { Scenario } from '../scenario.ts';
import { Series, type Summary, summarise } from '../stats.ts';
import { bundleSizes } from '../support/bundle.ts';
import type { ChromeGlobal } from '../support/chrome-api.ts';
import { inWorker, launchBench, type WorkerCdp, workerCdp } from '../support/harness.ts';
import { isDirectoryCall } from '../support/requests.ts';
import { signIn, waitForSync } from '../support/session.ts';

const ACCOUNTS = 10_000;
const KB = 1000;
const MB = 1000 * 1000;

interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize: number;
}

/**
 * Figure 6: what the extension costs. Bundle bytes per context, read from the build; then a real sync of
 * 10,000 accounts (no emulated latency) and, after it, the service worker's JS heap (CDP `Runtime.getHeapUsage`
 * after `HeapProfiler.collectGarbage`, on the worker target) and what storage holds (`getBytesInUse`).
 */
export const footprint: Scenario = {
  name: 'footprint',
  async run({ runs, dist, log, settle }) {
    const once = (value: number): Summary => summarise([value]);
    const figures: Figure[] = bundleSizes(dist).flatMap((bundle) => [
      {
        id: `bundle.${bundle.context.replace(/[^a-z0-9/.]+/gi, '-')}`,
        group: 'Bundle size per context (dist/chrome, deterministic)',
        label: `${bundle.context}: gzip (raw ${(bundle.rawBytes / KB).toFixed(1)} kB)`,
        unit: 'kB',
        summary: once(bundle.gzipBytes / KB),
        ...(bundle.context.startsWith('content') ? { budget: max(10) } : {}),
        extra: { files: bundle.files, rawBytes: bundle.rawBytes, gzipBytes: bundle.gzipBytes },
      },
    ]);

    const h = await launchBench(dist, { organization: { seed: 13, accounts: ACCOUNTS } });
    try {
      const idle = await heapAfterGc(h, runs);
      await settle();
      const since = Date.now();
      const { popup, portalId } = await signIn(h);
      // The popup would re-read 10,000 accounts on every saved progress; a user who clicks away closes it.
      await popup.close();
      const cdp = await workerCdp(h);
      let peak = 0;
      const sampler = setInterval(() => {
        cdp
          .send<HeapUsage>('Runtime.getHeapUsage')
          .then((u) => {
            peak = Math.max(peak, u.usedSize);
          })
          .catch(() => undefined);
      }, 500);
      const progress = await waitForSync(h, portalId, since, 600_000).finally(() => clearInterval(sampler));
      if (progress.state !== 'done')
        throw new Error(`10,000-account sync ended ${progress.state}: ${progress.message}`);
      const firstCall = h.emulator.requests().find(isDirectoryCall);
      const syncSeconds = ((progress.updatedAt ?? Date.now()) - Date.parse(firstCall?.time ?? '')) / 1000;
      log(`synced ${ACCOUNTS} accounts in ${syncSeconds.toFixed(1)} s`);
      const after = await sampleHeap(cdp, runs);
      await cdp.detach();
      const bytes = await inWorker(
        h,
        async (key) => {
          const { chrome } = globalThis as unknown as ChromeGlobal;
          return {
            local: await chrome.storage.local.getBytesInUse(null),
            directory: await chrome.storage.local.getBytesInUse(key),
            session: await chrome.storage.session.getBytesInUse(null),
          };
        },
        `directory:${portalId}`,
      );

      const group = `After syncing ${ACCOUNTS.toLocaleString('en')} accounts (service worker, storage)`;
      figures.push(
        {
          id: 'memory.workerHeap',
          group,
          label: 'service-worker JS heap used, after GC',
          unit: 'MB',
          summary: after.summary('used'),
          note: 'CDP Runtime.getHeapUsage on the worker target',
          extra: { embedderHeapMB: after.summary('embedder') },
        },
        {
          id: 'memory.workerHeapIdle',
          group,
          label: '  same, idle worker before sign-in',
          unit: 'MB',
          summary: idle,
        },
        {
          id: 'memory.workerHeapPeak',
          group,
          label: '  peak during the sync (sampled every 0.5 s)',
          unit: 'MB',
          summary: once(peak / MB),
        },
        {
          id: 'storage.local',
          group,
          label: 'storage.local bytes in use',
          unit: 'MB',
          summary: once(bytes.local / MB),
        },
        {
          id: 'storage.directory',
          group,
          label: '  of which directory:<portalId>',
          unit: 'MB',
          summary: once(bytes.directory / MB),
        },
        {
          id: 'storage.session',
          group,
          label: 'storage.session bytes in use',
          unit: 'kB',
          summary: once(bytes.session / KB),
        },
        {
          id: 'sync.10000',
          group,
          label: 'full sync, first portal request → done (0 ms latency)',
          unit: 's',
          summary: once(syncSeconds),
        },
      );
      return figures;
    } finally {
      await h.close();
    }
  },
};

async function sampleHeap(cdp: WorkerCdp, runs: number): Promise<Series> {
  const series = new Series();
  for (let i = 0; i < runs; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send<HeapUsage>('Runtime.getHeapUsage');
    series.add('used', usage.usedSize / MB);
    series.add('embedder', usage.embedderHeapUsedSize / MB);
  }
  return series;
}

async function heapAfterGc(h: Parameters<typeof workerCdp>[0], runs: number): Promise<Summary> {
  const cdp = await workerCdp(h);
  try {
    return (await sampleHeap(cdp, runs)).summary('used');
  } finally {
    await cdp.detach();
  }
}
