import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../messaging/user-facing-error';
import { classify, describeFailure, retryAfterMs, withRetry } from './retry';

function sdkError(name: string, status?: number, headers?: Record<string, string>) {
  const error = new Error('request for token SECRET failed') as Error & Record<string, unknown>;
  error.name = name;
  if (status !== undefined) error.$metadata = { httpStatusCode: status };
  // The SDK sets the raw response as a hidden property.
  if (headers) Object.defineProperty(error, '$response', { value: { statusCode: status, headers } });
  return error;
}

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    [{ 'retry-after': '2' }, 2000],
    [{ 'Retry-After': '0.5' }, 500],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }, 3000],
    [{ 'x-amz-retry-after': '1500' }, 1500],
    [{ 'retry-after': '3600' }, 60_000],
    [{ 'retry-after': 'soon' }, undefined],
    [{}, undefined],
  ])('reads %j as %s ms', (headers, expected) => {
    expect(retryAfterMs(sdkError('TooManyRequestsException', 429, headers), now)).toBe(expected);
  });

  // AWS's 429 has none today (docs/aws-protocol.md §7): the limiter then decides how long to wait.
  it('says nothing when the error has no raw response', () => {
    expect(retryAfterMs(sdkError('TooManyRequestsException', 429))).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
});

describe('classify and describeFailure', () => {
  it.each([
    [sdkError('UnauthorizedException', 401), 'auth'],
    [Object.assign(new Error('x'), { name: 'SignedOutError' }), 'auth'],
    [sdkError('TooManyRequestsException', 429), 'throttled'],
    [sdkError('InternalServerException', 500), 'transient'],
    [sdkError('SyntaxError', 502), 'transient'],
    [new TypeError('Failed to fetch'), 'transient'],
    [sdkError('ForbiddenException', 403), 'permanent'],
    [sdkError('ResourceNotFoundException', 404), 'permanent'],
  ])('%s is %s', (error, kind) => {
    expect(classify(error)).toBe(kind);
    expect(describeFailure(error)).not.toMatch(/SECRET/);
  });

  it('says an answer with a success status that failed to parse could not be read, not that AWS refused', () => {
    // What the SDK throws for junk JSON or an HTML page sent with 200 (test/emulator/malformed.test.ts).
    const junk = sdkError('SyntaxError', 200);
    expect(classify(junk)).toBe('permanent');
    expect(describeFailure(junk)).toBe('AWS sent an answer the extension could not read.');
    expect(describeFailure(sdkError('ForbiddenException', 403))).toBe(
      'AWS refused the request (ForbiddenException).',
    );
  });

  it('passes our own user-facing words through', () => {
    expect(describeFailure(new UserFacingError('Could not reach AWS to renew your session.'))).toBe(
      'Could not reach AWS to renew your session.',
    );
  });
});

describe('withRetry', () => {
  const policy = (sleeps: number[]) => ({
    attempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    maxThrottles: 3,
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    random: () => 1,
  });
  const failing = (errors: unknown[]) => async () => {
    const error = errors.shift();
    if (error) throw error;
    return 'ok';
  };

  it('backs off exponentially on transient failures, then succeeds', async () => {
    const sleeps: number[] = [];
    const errors = [sdkError('InternalServerException', 503), new TypeError('Failed to fetch')];
    await expect(withRetry(failing(errors), policy(sleeps))).resolves.toBe('ok');
    expect(sleeps).toEqual([200, 400]);
  });

  it('gives up after the attempts, and at once on a permanent failure', async () => {
    const sleeps: number[] = [];
    const errors = Array.from({ length: 5 }, () => sdkError('InternalServerException', 500));
    await expect(withRetry(failing(errors), policy(sleeps))).rejects.toThrow();
    expect(sleeps).toEqual([200, 400, 800]);
    await expect(withRetry(failing([sdkError('ForbiddenException', 403)]), policy([]))).rejects.toThrow();
  });

  it('retries throttling without sleeping (the limiter paces), up to a bound', async () => {
    const sleeps: number[] = [];
    const answers: boolean[] = [];
    const throttles = () => [
      sdkError('TooManyRequestsException', 429),
      sdkError('TooManyRequestsException', 429),
    ];
    const withHint = { ...policy(sleeps), onAnswer: (throttled: boolean) => void answers.push(throttled) };
    await expect(withRetry(failing(throttles()), withHint)).resolves.toBe('ok');
    expect(sleeps).toEqual([]);
    expect(answers).toEqual([true, true, false]);
    const endless = [...throttles(), ...throttles()];
    await expect(withRetry(failing(endless), policy(sleeps))).rejects.toThrow();
  });
});
