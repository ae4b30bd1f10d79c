/**
 * A virtual clock for tests of time-driven code: `sleep` resolves when `settle` advances time to it, so a
 * minute of pacing runs in milliseconds and always the same way. Test-only; nothing in production imports it.
 */
export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Runs timers in time order until `promise` settles; throws if it waits on nothing. */
  settle<T>(promise: Promise<T>): Promise<T>;
}

export function createFakeClock(start = 1_000_000): FakeClock {
  let now = start;
  let seq = 0;
  const timers: { at: number; seq: number; fire: () => void }[] = [];
  // One macrotask turn drains every queued microtask, however long the await chains.
  const drain = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((fire) => {
        timers.push({ at: now + Math.max(0, ms), seq: seq++, fire });
      }),
    async settle(promise) {
      let done = false;
      const mark = () => {
        done = true;
      };
      promise.then(mark, mark);
      for (;;) {
        await drain();
        if (done) return promise;
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers.shift();
        if (!next) throw new Error('Deadlock: the promise waits on no timer');
        now = Math.max(now, next.at);
        next.fire();
      }
    },
  };
}
