import { describe, expect, it } from 'vitest';
import { type RestorePolicy, restoreLimiter } from './restore-limiter';

const policy: RestorePolicy = { burst: 3, windowMs: 1_000, firstDelayMs: 100, maxDelayMs: 400 };

describe('restore limiter', () => {
  it('restores a few times at once, then waits longer each time, up to a ceiling', () => {
    const limiter = restoreLimiter(policy);
    expect([0, 1, 2].map((t) => limiter.next(t))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((t) => limiter.next(t))).toEqual([100, 200, 400, 400]);
  });

  it('a page that keeps deleting gets a bounded number of restores per window, not a busy loop', () => {
    const limiter = restoreLimiter(policy);
    let at = 0;
    let restores = 0;
    // A hostile page deletes the tag as soon as it is back, for 10 s of fake time.
    while (at < 10_000) {
      const wait = limiter.next(at);
      restores += 1;
      at += Math.max(wait, 1);
    }
    // 3 at once per window, plus one every 400 ms at most: far from a loop.
    expect(restores).toBeLessThanOrEqual(3 * 10 + 10_000 / 400 + 3);
  });

  it('a quiet window restores the burst allowance and the short delay', () => {
    const limiter = restoreLimiter(policy);
    for (const t of [0, 1, 2, 3, 4]) limiter.next(t);
    expect(limiter.next(4 + 1_000)).toBe(0);
    expect(limiter.next(1_005)).toBe(0);
  });
});
