import { readFileSync } from 'node:fs';

/** CPU time counters from /proc/stat: everything, and the idle part (idle + iowait). */
function cpuTimes(): { total: number; idle: number } | null {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return { total, idle: (fields[3] ?? 0) + (fields[4] ?? 0) };
  } catch {
    return null;
  }
}

/** Fraction of all CPUs busy over the next `ms` (0..1); null where /proc/stat is missing. */
export async function cpuBusy(ms = 1000): Promise<number | null> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return null;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}

/**
 * Other work on a shared machine (two cores here, and other test runs) skews every timing. Before a measured
 * run, wait until the CPUs were mostly idle for a second, at most `maxWaitMs`; returns how busy they were when
 * the run started, which results.json keeps next to the figure.
 */
export async function waitForQuietCpu(threshold = 0.35, maxWaitMs = 60_000): Promise<number | null> {
  const deadline = Date.now() + maxWaitMs;
  for (;;) {
    const busy = await cpuBusy();
    if (busy === null || busy <= threshold || Date.now() >= deadline) return busy;
  }
}
