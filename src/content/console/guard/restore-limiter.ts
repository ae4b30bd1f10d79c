/**
 * How often a tampered tag may be put back. A page that deletes the tag from its own MutationObserver would,
 * against a guard that restores at once, ping-pong inside one microtask checkpoint and freeze the tab. So a
 * few restores in a burst are immediate (the console re-rendering, a one-off script), then each further one
 * waits, doubling from `firstDelayMs` up to `maxDelayMs`: the page's event loop runs, and a page that keeps
 * deleting costs one small DOM write per `maxDelayMs`. A quiet `windowMs` restores the burst allowance.
 */
export interface RestorePolicy {
  /** Restores allowed at once within `windowMs`. */
  readonly burst: number;
  readonly windowMs: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const RESTORE_POLICY: RestorePolicy = {
  burst: 5,
  windowMs: 10_000,
  firstDelayMs: 250,
  maxDelayMs: 5_000,
};

export interface RestoreLimiter {
  /** 0: restore now. Otherwise the delay (ms) before the next restore may happen. Records the restore. */
  next(now: number): number;
}

export function restoreLimiter(policy: RestorePolicy = RESTORE_POLICY): RestoreLimiter {
  let recent: number[] = [];
  let delay = 0;
  let last = Number.NEGATIVE_INFINITY;
  return {
    next(now) {
      if (now - last >= policy.windowMs) {
        recent = [];
        delay = 0;
      }
      recent = recent.filter((at) => now - at < policy.windowMs);
      last = now;
      if (recent.length < policy.burst) {
        recent.push(now);
        return 0;
      }
      delay = delay === 0 ? policy.firstDelayMs : Math.min(delay * 2, policy.maxDelayMs);
      return delay;
    },
  };
}
