import { describe, expect, it } from 'vitest';
import {
  afterPollError,
  isExpired,
  MESSAGES,
  SLOW_DOWN_STEP_MS,
  TRANSIENT_RETRY_MS,
} from './poll-transition';

const flow = { intervalMs: 1_000 };

describe('afterPollError: the device-code polling state machine', () => {
  it.each([
    ['AuthorizationPendingException', { kind: 'wait', intervalMs: 1_000, delayMs: 1_000 }],
    [
      'SlowDownException',
      { kind: 'wait', intervalMs: 1_000 + SLOW_DOWN_STEP_MS, delayMs: 1_000 + SLOW_DOWN_STEP_MS },
    ],
    ['ExpiredTokenException', { kind: 'fail', reason: 'expired', message: MESSAGES.expired }],
    ['AccessDeniedException', { kind: 'fail', reason: 'denied', message: MESSAGES.denied }],
    ['InvalidGrantException', { kind: 'fail', reason: 'error', message: MESSAGES.invalidGrant }],
    ['InvalidClientException', { kind: 'restart' }],
    ['InternalServerException', { kind: 'wait', intervalMs: 1_000, delayMs: TRANSIENT_RETRY_MS }],
    ['TypeError', { kind: 'wait', intervalMs: 1_000, delayMs: TRANSIENT_RETRY_MS }],
    ['TooManyRequestsException', { kind: 'wait', intervalMs: 1_000, delayMs: TRANSIENT_RETRY_MS }],
  ])('%s → %o', (name, step) => {
    expect(afterPollError(flow, name)).toEqual(step);
  });

  it('slows down for good: every slow_down adds five more seconds', () => {
    const first = afterPollError({ intervalMs: 1_000 }, 'SlowDownException');
    const second = afterPollError(
      { intervalMs: first.kind === 'wait' ? first.intervalMs : 0 },
      'SlowDownException',
    );
    expect(second).toMatchObject({ kind: 'wait', intervalMs: 11_000 });
    // …and a later pending keeps the slower interval.
    expect(afterPollError({ intervalMs: 11_000 }, 'AuthorizationPendingException')).toMatchObject({
      delayMs: 11_000,
    });
  });

  it('registers again only once: a second invalid_client fails the sign-in', () => {
    expect(afterPollError({ intervalMs: 1_000, reRegistered: true }, 'InvalidClientException')).toEqual({
      kind: 'fail',
      reason: 'error',
      message: MESSAGES.rejectedTwice,
    });
  });

  it('keeps a slow interval when the network fails', () => {
    expect(afterPollError({ intervalMs: 6_000 }, 'TypeError')).toMatchObject({ delayMs: 6_000 });
  });
});

describe('isExpired', () => {
  it('is expired at and after expiresAt', () => {
    expect(isExpired({ expiresAt: 1_000 }, 999)).toBe(false);
    expect(isExpired({ expiresAt: 1_000 }, 1_000)).toBe(true);
  });
});
