import { type Figure, max } from '../figures.ts';
import type { Scenario } from '../scenario.ts';
import { Series } from '../stats.ts';
import { sequentialBaseline } from '../support/baseline.ts';
import { launchBench } from '../support/harness.ts';
import { isDirectoryCall, logMark, peakInFlight, since } from '../support/requests.ts';
import {
  forgetDirectory,
  restartWorker,
  signInAndSync,
  storedDirectory,
  timedSync,
} from '../support/session.ts';

const ACCOUNTS = 500;
const LATENCY_MS = 50;

/** Chromium opens at most this many connections per host over HTTP/1.1, and every portal call goes to one host. */
const CONNECTIONS_PER_HOST = 6;

/**
 * Figure 3: a full sync of 500 accounts with 50 ms per request, against the physical bound: no client in
 * Chromium can finish sooner than requests × latency ÷ 6 (six connections, each busy all the time); the ratio
 * is taken per run. One request at a time (the real SDK from Node) is measured once in the same bench, for
 * scale. Our sync starts from an empty cache in a freshly started worker (as after idling out), triggered from
 * the open popup; it ends when the worker stores the final progress 'done'.
 */
export const syncSpeedup: Scenario = {
  name: 'sync-speedup',
  async run({ runs, dist, log, settle }) {
    const h = await launchBench(dist, { organization: { seed: 5, accounts: ACCOUNTS } });
    const baseline = await sequentialBaseline(h.emulator);
    try {
      const { popup, portalId } = await signInAndSync(h);
      h.emulator.configure({ latencyMs: LATENCY_MS });
      const series = new Series();
      // For scale only now that the budget is the physical bound: once, not each run (27 s at 50 ms).
      await settle();
      const base = await baseline.sync();
      for (let run = 0; run < runs; run++) {
        await forgetDirectory(h, portalId);
        await restartWorker(h, popup);
        await settle();
        const mark = logMark(h.emulator);
        const ours = await timedSync(popup, portalId, 300_000);
        const calls = since(h.emulator, mark).filter(isDirectoryCall);
        const stored = await storedDirectory(h, portalId);
        if (ours.progress.state !== 'done' || ours.progress.message)
          throw new Error(`sync ended ${ours.progress.state}: ${ours.progress.message ?? ''}`);
        if (stored?.accounts.length !== ACCOUNTS)
          throw new Error(`stored ${stored?.accounts.length} accounts`);
        const oursMs = ours.doneAt - ours.startedAt;

        await restartWorker(h, popup);
        const warm = await timedSync(popup, portalId, 300_000);

        const boundMs = (calls.length * LATENCY_MS) / CONNECTIONS_PER_HOST;
        series.add('ours', oursMs / 1000);
        series.add('bound', boundMs / 1000);
        series.add('ratio', oursMs / boundMs);
        series.add('baseline', base.ms / 1000);
        series.add('speedup', base.ms / oursMs);
        series.add('requests', calls.length);
        series.add('baselineRequests', base.requests);
        series.add('peak', peakInFlight(calls, LATENCY_MS));
        series.add('warm', (warm.doneAt - warm.startedAt) / 1000);
        // Where our time goes: before the first request, requests in flight on average, after the last answer.
        const answers = calls.map((r) => Date.parse(r.time));
        const first = Math.min(...answers) - LATENCY_MS;
        const last = Math.max(...answers);
        series.add('startDelayMs', first - ours.startedAt);
        series.add('averageInFlight', (calls.length * LATENCY_MS) / (last - first));
        series.add('tailMs', ours.doneAt - last);
        // The ramp (first second, slow start) apart from the rest: lanes lost to pacing or to per-request work.
        const rampEnd = first + 1000;
        const early = answers.filter((t) => t <= rampEnd).length;
        series.add('firstSecondInFlight', (early * LATENCY_MS) / 1000);
        series.add('afterInFlight', ((calls.length - early) * LATENCY_MS) / Math.max(1, last - rampEnd));
        log(
          `sync ${ACCOUNTS}: ours ${(oursMs / 1000).toFixed(2)} s, bound ${(boundMs / 1000).toFixed(2)} s, ` +
            `one at a time ${(base.ms / 1000).toFixed(2)} s`,
        );
      }
      const group = `Full sync of ${ACCOUNTS} accounts, ${LATENCY_MS} ms per request`;
      const figures: Figure[] = [
        {
          id: 'syncSpeedup.ours',
          group,
          label: 'ours: sync start → progress done',
          unit: 's',
          summary: series.summary('ours'),
          note: 'empty cache, fresh worker',
        },
        {
          id: 'syncSpeedup.bound',
          group,
          label: `lower bound: requests × ${LATENCY_MS} ms ÷ ${CONNECTIONS_PER_HOST}`,
          unit: 's',
          summary: series.summary('bound'),
          note: `Chromium: ${CONNECTIONS_PER_HOST} HTTP/1.1 connections per host`,
        },
        {
          id: 'syncSpeedup.ratio',
          group,
          label: 'ratio to the bound (ours ÷ bound, per run)',
          unit: '×',
          summary: series.summary('ratio'),
          budget: max(1.15),
        },
        {
          id: 'syncSpeedup.baseline',
          group,
          label: '  baseline: one request at a time',
          unit: 's',
          summary: series.summary('baseline'),
        },
        {
          id: 'syncSpeedup.speedup',
          group,
          label: '  speed-up (baseline ÷ ours)',
          unit: '×',
          summary: series.summary('speedup'),
        },
        {
          id: 'syncSpeedup.requests',
          group,
          label: '  requests per sync (ours)',
          unit: '',
          summary: series.summary('requests'),
          extra: {
            baselineRequests: series.summary('baselineRequests'),
            startDelayMs: series.summary('startDelayMs'),
            averageInFlight: series.summary('averageInFlight'),
            tailMs: series.summary('tailMs'),
            firstSecondInFlight: series.summary('firstSecondInFlight'),
            afterInFlight: series.summary('afterInFlight'),
          },
        },
        {
          id: 'syncSpeedup.peakInFlight',
          group,
          label: '  peak requests in flight at the emulator',
          unit: '',
          summary: series.summary('peak'),
        },
        {
          id: 'syncSpeedup.warm',
          group,
          label: '  re-sync with the cache present',
          unit: 's',
          summary: series.summary('warm'),
        },
      ];
      return figures;
    } finally {
      baseline.close();
      await h.close();
    }
  },
};
