/**
 * Adaptive pacing for portal API calls: a token bucket (rate + burst) and a concurrency cap, tuned by what AWS
 * answers. The portal's limit is undocumented and its 429 carries no Retry-After (docs/aws-protocol.md §7), so
 * the limiter measures the limit instead of guessing it. Every 429 costs a round trip and, for the user, a
 * "slowed down" sync; the design keeps them rare (≤ 10% of requests at 5 requests/s, burst 10) without giving
 * up speed when AWS does not throttle at all.
 * - Concurrency cap 7: Chromium opens at most 6 HTTP/1.1 connections per host, and every portal call goes to
 *   one host. More would only queue inside the browser, where our priority cannot reach them; one more than 6
 *   keeps a request ready for the connection that frees while we are still reading the last answer (at 3 ms of
 *   such work per answer, 6 would leave each connection idle 6% of the time).
 * - Slow start: until the first 429 each success adds `slowStartGain` rps (×e^gain per second), so six lanes
 *   are busy within a second when nothing throttles, while a tight limit is met with few requests in flight.
 * - A server-side token bucket hides its rate behind its burst: what it accepted since the sync began is burst
 *   and rate together. So the first 429 only halves the rate, pauses a second (long enough for a few requests to
 *   refill) and remembers where it broke.
 * - Between two 429s the server's bucket goes from empty to empty: what it accepted in between is its refill
 *   rate, measured exactly, and we run just under it (`decrease`). No pause follows a measured 429: at a rate
 *   the server refills, the bucket paces us, and a pause would only let the server's bucket overflow unused.
 * - The measurement is low when we asked for less than the server allowed, or when the server's bucket filled
 *   up during a pause (its refill then overflowed). For the second, when the refill over the pause exceeds the
 *   bucket size seen at the start, we climb back quickly (`catchUp`) towards where the 429 came, to measure once
 *   more without a pause. Otherwise we only probe upwards slowly (`increasePerSecond`, at least `minIncrease`),
 *   so a limit that rose, or one measured low, is found at a 429 every several seconds. Catching up after an
 *   exact measurement as well kept an earlier version overshooting, 429 after 429.
 * - After any 429 our own burst shrinks to a tenth of a second's worth: a burst of ours on top of the server's
 *   refill only meets an empty bucket. A 429 within a handful of successes means our burst, not our rate, was
 *   too much: the burst halves and the rate loses only 10%.
 * - A 429 for a request sent before the last decrease belongs to the same episode: it changes nothing more.
 * - Retry-After, should AWS send it, is obeyed as a pause for everyone.
 */
export interface RateLimiterOptions {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly initialRate?: number;
  readonly burst?: number;
  readonly maxConcurrency?: number;
  readonly minRate?: number;
  readonly maxRate?: number;
  readonly slowStartGain?: number;
  readonly decrease?: number;
  readonly catchUp?: number;
  readonly increasePerSecond?: number;
  readonly minIncrease?: number;
}

export interface LimiterStats {
  /** Requests per second currently allowed. */
  readonly rate: number;
  readonly burst: number;
  readonly inFlight: number;
  readonly queued: number;
  /** Epoch ms until which every caller waits (`Retry-After`, or our own pause); 0 when not paused. */
  readonly pausedUntil: number;
  readonly throttleEvents: number;
  readonly slowStart: boolean;
}

export interface Dispatch {
  /** When the request left, on the limiter's clock: pass it back to `onThrottled`. */
  readonly sentAt: number;
}

export interface RateLimiter {
  /** `priority` jumps the queue: a call on a critical path (next account page) or a user waiting. */
  run<T>(task: (dispatch: Dispatch) => Promise<T>, options?: { priority?: boolean }): Promise<T>;
  /**
   * AWS answered 429: slow down once per episode, and pause everyone for `retryAfterMs` when AWS said how long
   * (it does not today: undefined).
   */
  onThrottled(retryAfterMs: number | undefined, sentAt?: number): void;
  stats(): LimiterStats;
  now(): number;
}

type Start = (sentAt: number, rateBound: boolean) => void;

/** Fewer successes than this since the last 429 measure nothing but our burst. */
const MIN_SAMPLES = 5;
/** Quiet this long, the server's bucket has refilled: acceptance is measured afresh. */
const IDLE_MS = 1000;
/** After a 429 our own burst is at most this much of the rate. */
const BURST_SECONDS = 0.1;
/** Without Retry-After and without a measured rate: long enough for the server to refill a few requests. */
const UNMEASURED_PAUSE_MS = 1000;

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxConcurrency = options.maxConcurrency ?? 7;
  const minRate = options.minRate ?? 0.5;
  const maxRate = options.maxRate ?? 200;
  const slowStartGain = options.slowStartGain ?? 3;
  const decrease = options.decrease ?? 0.9;
  const catchUp = options.catchUp ?? 0.5;
  const increasePerSecond = options.increasePerSecond ?? 0.02;
  const minIncrease = options.minIncrease ?? 0.1;

  let rate = options.initialRate ?? 10;
  let burst = options.burst ?? 10;
  let tokens = burst;
  let refilledAt = clock();
  let pausedUntil = 0;
  let inFlight = 0;
  let slowStart = true;
  let target = 0;
  let throttleEvents = 0;
  let lastDecreaseAt = Number.NEGATIVE_INFINITY;
  let windowStart = clock();
  let windowSuccesses = 0;
  // The window began at a 429, when the server's bucket was empty: what it accepted since is its refill rate.
  let windowFromEmpty = false;
  // Time paused within the window: the server's bucket may have filled up then, and wasted its refill.
  let windowPausedMs = 0;
  // The last window that began with the server's bucket full (slow start, after idling): its successes and
  // length, for an estimate of that bucket's size.
  let fullStart: { successes: number; seconds: number } | undefined;
  let lastActivityAt = clock();
  let timerArmed = false;
  const urgent: Start[] = [];
  const normal: Start[] = [];

  const refill = (now: number) => {
    if (now <= refilledAt) return;
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
  };

  const pump = (): void => {
    while (urgent.length + normal.length > 0 && inFlight < maxConcurrency) {
      const now = clock();
      refill(now);
      // Whole milliseconds, like real timers: a sub-millisecond wait could round to no progress at all.
      const wait = Math.ceil(Math.max(pausedUntil - now, tokens >= 1 ? 0 : ((1 - tokens) / rate) * 1000));
      if (wait > 0) {
        if (!timerArmed) {
          timerArmed = true;
          void sleep(wait).then(() => {
            timerArmed = false;
            pump();
          });
        }
        return;
      }
      tokens -= 1;
      inFlight += 1;
      lastActivityAt = now;
      // An empty bucket means the rate, not the concurrency cap or the demand, holds us back: only then does
      // a success say that a higher rate would work (after slow start).
      (urgent.shift() ?? (normal.shift() as Start))(now, tokens < 1);
    }
  };

  const settled = (success: boolean, rateBound: boolean) => {
    inFlight -= 1;
    lastActivityAt = clock();
    if (!success) return;
    windowSuccesses += 1;
    if (!rateBound && !slowStart) return;
    const perSecond = slowStart
      ? slowStartGain * rate
      : Math.max(minIncrease, increasePerSecond * rate, (target - rate) * catchUp);
    // Each success is 1/rate of a second's worth: +perSecond over a second of successes.
    refill(lastActivityAt);
    rate = Math.min(maxRate, rate + perSecond / rate);
  };

  return {
    run(task, runOptions = {}) {
      const now = clock();
      if (inFlight + urgent.length + normal.length === 0 && now - lastActivityAt > IDLE_MS) {
        windowStart = now;
        windowSuccesses = 0;
        windowFromEmpty = false;
        windowPausedMs = 0;
      }
      return new Promise((resolve, reject) => {
        const start: Start = (sentAt, rateBound) => {
          // Through a promise, so a task that throws synchronously still frees its slot.
          Promise.resolve({ sentAt })
            .then(task)
            .then(
              (value) => {
                settled(true, rateBound);
                resolve(value);
                pump();
              },
              (error: unknown) => {
                settled(false, rateBound);
                reject(error);
                pump();
              },
            );
        };
        (runOptions.priority ? urgent : normal).push(start);
        pump();
      });
    },

    onThrottled(retryAfterMs, sentAt) {
      const now = clock();
      const wasPaused = pausedUntil > now;
      if (retryAfterMs !== undefined) pausedUntil = Math.max(pausedUntil, now + Math.max(0, retryAfterMs));
      if (sentAt === undefined ? wasPaused : sentAt <= lastDecreaseAt) return;
      const seconds = (now - windowStart) / 1000;
      const accepted = windowSuccesses / Math.max(seconds, 0.001);
      const sampled = windowSuccesses >= MIN_SAMPLES;
      const measured = sampled && windowFromEmpty;
      const drewIt = rate;
      refill(now);
      if (measured) {
        // Empty at both ends: what the server accepted in between is its refill rate, unless its bucket filled
        // up during a pause (then it is more). Full means a refill beyond the size the server showed when it
        // started full; in that case climb back towards where this 429 came, to measure again without a pause.
        rate = accepted * decrease;
        const size = fullStart ? fullStart.successes - accepted * fullStart.seconds : 0;
        target = accepted * (windowPausedMs / 1000) > size ? drewIt * decrease : 0;
      } else if (sampled) {
        // The server's stored burst is in this count too: its rate lies somewhere below. Halve, and climb back
        // quickly towards where it broke unless the next 429, measured, says where it lies.
        fullStart = { successes: windowSuccesses, seconds };
        target = rate * decrease;
        rate = Math.min(rate, accepted) / 2;
      } else {
        burst = Math.max(1, Math.floor(burst / 2));
        rate *= decrease;
      }
      rate = Math.min(maxRate, Math.max(minRate, rate));
      // Resuming with a burst of ours would only meet the server's bucket empty.
      burst = Math.max(1, Math.min(burst, Math.ceil(rate * BURST_SECONDS)));
      tokens = 0;
      // Without Retry-After, wait for the server only while its rate is unknown; the bucket paces us after.
      const pauseMs = retryAfterMs ?? (measured ? 0 : UNMEASURED_PAUSE_MS);
      pausedUntil = Math.max(pausedUntil, now + pauseMs);
      windowPausedMs = pauseMs;
      slowStart = false;
      throttleEvents += 1;
      lastDecreaseAt = now;
      windowStart = now;
      windowSuccesses = 0;
      windowFromEmpty = true;
    },

    stats: () => ({
      rate,
      burst,
      inFlight,
      queued: urgent.length + normal.length,
      pausedUntil: pausedUntil > clock() ? pausedUntil : 0,
      throttleEvents,
      slowStart,
    }),
    now: clock,
  };
}

let shared: RateLimiter | undefined;

/**
 * The one limiter for every portal call in this worker. A module-level singleton breaks the "no state in memory"
 * rule knowingly: it caches pacing only, nothing that must survive. A new worker starts in slow start and
 * relearns the limit within a second or two.
 */
export function sharedPortalLimiter(): RateLimiter {
  shared ??= createRateLimiter();
  return shared;
}
