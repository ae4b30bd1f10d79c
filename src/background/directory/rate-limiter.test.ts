import { describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from './fake-clock';
import { createRateLimiter, type RateLimiter, type RateLimiterOptions } from './rate-limiter';

function setup(options: RateLimiterOptions = {}) {
  const clock = createFakeClock(0);
  const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep, ...options });
  return { clock, limiter };
}

/** Runs `count` tasks of `latencyMs` each through the limiter; returns when each one started. */
async function runMany(clock: FakeClock, limiter: RateLimiter, count: number, latencyMs = 0) {
  const starts: number[] = [];
  const tasks = Array.from({ length: count }, () =>
    limiter.run(async ({ sentAt }) => {
      starts.push(sentAt);
      await clock.sleep(latencyMs);
    }),
  );
  await clock.settle(Promise.all(tasks));
  return starts;
}

class Throttled extends Error {
  constructor(readonly retryAfterMs: number) {
    super('Too many requests');
  }
}

/**
 * A portal that throttles like the emulator: a token bucket, 429 with a whole-second Retry-After. Sends `count`
 * requests (8 workers, retrying 429s), returns the virtual seconds it took.
 */
async function againstBucket(server: { rate: number; burst: number }, count: number, latencyMs = 50) {
  const { clock, limiter } = setup();
  let tokens = server.burst;
  let refilledAt = 0;
  const request = async () => {
    await clock.sleep(latencyMs / 2);
    tokens = Math.min(server.burst, tokens + ((clock.now() - refilledAt) / 1000) * server.rate);
    refilledAt = clock.now();
    const ok = tokens >= 1;
    if (ok) tokens -= 1;
    await clock.sleep(latencyMs / 2);
    if (!ok) throw new Throttled(Math.max(1, Math.ceil((1 - tokens) / server.rate)) * 1000);
  };
  const call = async (): Promise<void> => {
    try {
      await limiter.run(({ sentAt }) =>
        request().catch((error: Throttled) => {
          limiter.onThrottled(error.retryAfterMs, sentAt);
          throw error;
        }),
      );
    } catch {
      return call();
    }
  };
  let left = count;
  const worker = async () => {
    while (left-- > 0) await call();
  };
  await clock.settle(Promise.all(Array.from({ length: 8 }, worker)));
  return { seconds: clock.now() / 1000, stats: limiter.stats() };
}

describe('rate limiter', () => {
  it('lets a burst through at once, then paces at the rate', async () => {
    const { clock, limiter } = setup({ initialRate: 10, burst: 10, maxConcurrency: 100, slowStartGain: 0 });
    const starts = await runMany(clock, limiter, 30);
    expect(starts.filter((t) => t === 0)).toHaveLength(10);
    // 20 more at 10 per second: the last one leaves at 2 s.
    expect(starts.at(-1)).toBeGreaterThanOrEqual(1990);
    expect(starts.at(-1)).toBeLessThanOrEqual(2010);
  });

  it('never runs more than maxConcurrency tasks at once', async () => {
    const { clock, limiter } = setup({ maxConcurrency: 3, initialRate: 1000, burst: 1000 });
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 20 }, () =>
      limiter.run(async () => {
        peak = Math.max(peak, ++running);
        await clock.sleep(100);
        running -= 1;
      }),
    );
    await clock.settle(Promise.all(tasks));
    expect(peak).toBe(3);
    expect(clock.now()).toBeGreaterThanOrEqual(700);
  });

  it('pauses every caller until Retry-After has passed', async () => {
    const { clock, limiter } = setup({ initialRate: 100, burst: 100 });
    limiter.onThrottled(2000);
    expect(limiter.stats().pausedUntil).toBe(2000);
    const starts = await runMany(clock, limiter, 5);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(2000);
  });

  it('slows down to just under the rate the server accepted, once per episode', async () => {
    const { clock, limiter } = setup({ initialRate: 40, burst: 1, maxConcurrency: 100, slowStartGain: 0 });
    await runMany(clock, limiter, 80); // 80 successes in about 2 s: the server took about 40 per second
    const now = clock.now();
    limiter.onThrottled(1000, now - 10);
    const after = limiter.stats().rate;
    expect(after).toBeGreaterThan(0.85 * 40);
    expect(after).toBeLessThanOrEqual(0.9 * 40);
    // Answers to requests sent before that decrease are the same episode: no second cut.
    limiter.onThrottled(1000, now - 5);
    expect(limiter.stats().rate).toBe(after);
    expect(limiter.stats().throttleEvents).toBe(1);
  });

  it('halves the burst and trims the rate when throttled before any measurement', async () => {
    const { limiter } = setup({ initialRate: 10, burst: 10 });
    limiter.onThrottled(1000, 0);
    expect(limiter.stats()).toMatchObject({ burst: 5, rate: 9, slowStart: false });
  });

  it('recovers gradually after a 429 (about +1 rps per second near 20 rps)', async () => {
    const { clock, limiter } = setup({ initialRate: 20, burst: 1, maxConcurrency: 100 });
    limiter.onThrottled(0, 0);
    await clock.settle(clock.sleep(1)); // let the (empty) pause pass
    const start = limiter.stats().rate;
    await runMany(clock, limiter, 100);
    const gained = limiter.stats().rate - start;
    const seconds = clock.now() / 1000;
    expect(gained / seconds).toBeGreaterThan(0.5);
    expect(gained / seconds).toBeLessThan(2.5);
  });

  it('grows fast before the first 429', async () => {
    const { clock, limiter } = setup();
    await runMany(clock, limiter, 300, 50);
    expect(limiter.stats().rate).toBe(200);
    expect(clock.now()).toBeLessThan(3000);
  });

  it('then grows only while the rate, not the concurrency cap, is what holds it back', async () => {
    // Two tasks at a time at 50 ms each is 40 per second, whatever the rate allows.
    const { clock, limiter } = setup({ initialRate: 35, maxConcurrency: 2, maxRate: 1000 });
    limiter.onThrottled(0);
    await runMany(clock, limiter, 600, 50);
    expect(limiter.stats().rate).toBeGreaterThan(38);
    expect(limiter.stats().rate).toBeLessThan(50); // 15 s of +5%/s would have reached 65
  });

  it('serves priority calls first', async () => {
    const { clock, limiter } = setup({ initialRate: 10, burst: 1, maxConcurrency: 1, slowStartGain: 0 });
    const order: string[] = [];
    const task = (name: string) => async () => {
      order.push(name);
    };
    const all = [
      limiter.run(task('a')),
      limiter.run(task('b')),
      limiter.run(task('c')),
      limiter.run(task('urgent'), { priority: true }),
    ];
    await clock.settle(Promise.all(all));
    expect(order).toEqual(['a', 'urgent', 'b', 'c']);
  });

  it('frees the slot of a task that throws synchronously', async () => {
    const { clock, limiter } = setup({ maxConcurrency: 1 });
    const failing = limiter.run(() => {
      throw new Error('boom');
    });
    await expect(clock.settle(failing)).rejects.toThrow('boom');
    await clock.settle(limiter.run(async () => 'next'));
    expect(limiter.stats().inFlight).toBe(0);
  });

  // The server cannot serve 200 requests faster than (200 - burst) / rate. Halving blindly and climbing back
  // by +1 rps/s takes 1.2× (burst 20) to 1.45× (burst 10). A burst below one Retry-After's worth of requests
  // loses capacity at every pause whatever we do, hence the looser bound.
  it.each([
    { rate: 20, burst: 40, within: 1.1 },
    { rate: 20, burst: 20, within: 1.1 },
    { rate: 20, burst: 10, within: 1.25 },
    { rate: 5, burst: 10, within: 1.1 },
  ])('converges close to a throttling server’s rate: $rate rps, burst $burst', async (server) => {
    const { seconds, stats } = await againstBucket(server, 200);
    expect(seconds).toBeLessThan((server.within * (200 - server.burst)) / server.rate);
    expect(stats.throttleEvents).toBeLessThan(10);
  });
});
