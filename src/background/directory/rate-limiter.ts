/**
 * Adaptive pacing for portal API calls: a token bucket (rate + burst) and a concurrency cap, tuned by what AWS
 * says. The portal's limit is undocumented (aws-protocol.md §3.3), and a server-side token bucket hides its
 * rate behind its burst, so the limiter measures it instead of guessing:
 * - slow start: until the first 429, each success adds `slowStartGain` rps, so the rate grows ×e^gain per
 *   second (10 → 160 rps in about a second). An unthrottled sync must beat one request at a time sixfold, which
 *   a fixed ceiling near 20 rps never could. Every success counts here, even those the concurrency cap rather
 *   than the rate held back: a rate inflated this way costs nothing, since the cut uses what AWS accepted;
 * - on a 429, everyone waits for `Retry-After`; then the rate becomes `decrease` × the rate the server really
 *   accepted since the previous 429 (pause included). For a token-bucket server whose burst covers the pause
 *   that is exactly its refill rate; halving blindly would run at half of it, and climbing back costs far more
 *   than one more 429 (the pause refills the server's bucket, so being slightly over is nearly free);
 * - then it climbs back quickly towards `decrease` × the rate that drew the 429 (closing `catchUp` of the gap
 *   per second, which repairs an estimate made low by a short window), then probes additively by
 *   `increasePerSecond` × rate (at least `minIncrease` rps) per second: about +1 rps/s near 20 rps;
 * - a 429 met within a handful of successes after starting or resuming means our burst, not our rate, was too
 *   much: the burst halves and the rate only loses 10%.
 * A 429 for a request sent before the last decrease belongs to the same episode: it extends the pause only.
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
  /** Epoch ms until which every caller waits (AWS said `Retry-After`); 0 when not paused. */
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
  /** AWS answered 429: pause everyone for `retryAfterMs`, and slow down once per episode. */
  onThrottled(retryAfterMs: number, sentAt?: number): void;
  stats(): LimiterStats;
  now(): number;
}

type Start = (sentAt: number, rateBound: boolean) => void;

/** Fewer successes than this since the last 429 measure nothing but our burst. */
const MIN_SAMPLES = 5;
/** Quiet this long, the server's bucket has refilled: acceptance is measured afresh. */
const IDLE_MS = 1000;

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const clock = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxConcurrency = options.maxConcurrency ?? 8;
  const minRate = options.minRate ?? 0.5;
  const maxRate = options.maxRate ?? 200;
  const slowStartGain = options.slowStartGain ?? 3;
  const decrease = options.decrease ?? 0.9;
  const catchUp = options.catchUp ?? 0.3;
  const increasePerSecond = options.increasePerSecond ?? 0.05;
  const minIncrease = options.minIncrease ?? 0.25;

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
      pausedUntil = Math.max(pausedUntil, now + Math.max(0, retryAfterMs));
      if (sentAt === undefined ? wasPaused : sentAt < lastDecreaseAt) return;
      const seconds = (now - windowStart) / 1000;
      const measured = windowSuccesses >= MIN_SAMPLES && seconds > 0;
      if (!measured) burst = Math.max(1, Math.floor(burst / 2));
      const accepted = measured ? windowSuccesses / seconds : rate;
      target = rate * decrease;
      refill(now);
      rate = Math.max(minRate, Math.min(rate, accepted) * decrease);
      slowStart = false;
      throttleEvents += 1;
      lastDecreaseAt = now;
      windowStart = now;
      windowSuccesses = 0;
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
