import { describe, expect, it } from 'vitest';
import { checkDeviceAuthorization } from './device-authorization-checks';

const LINK = 'https://device.sso.us-east-1.amazonaws.com/?user_code=RHHX-BCTS';
const AWS_ANSWER = { verificationUriComplete: LINK, expiresIn: 600, interval: 1 };

describe('checkDeviceAuthorization', () => {
  it('takes what AWS sends today as it is', () => {
    expect(checkDeviceAuthorization(AWS_ANSWER, 'aws')).toEqual({
      ok: true,
      link: LINK,
      intervalSeconds: 1,
      expiresInSeconds: 600,
    });
  });

  it.each([
    [undefined, 5],
    [Number.NaN, 5],
    [0, 1],
    [-3, 1],
    [0.2, 1],
    [7, 7],
    [60, 60],
    [3600, 60],
  ])('polls every %s s → %s s', (interval, expected) => {
    const result = checkDeviceAuthorization({ ...AWS_ANSWER, interval }, 'aws');
    expect(result.ok && result.intervalSeconds).toBe(expected);
  });

  it.each([
    [600, 600],
    [2, 60],
    [59, 60],
    [3600, 3600],
    [86_400, 3600],
  ])('a code that lives %s s is polled for %s s', (expiresIn, expected) => {
    const result = checkDeviceAuthorization({ ...AWS_ANSWER, expiresIn }, 'aws');
    expect(result.ok && result.expiresInSeconds).toBe(expected);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a code that lives %s s', (expiresIn) => {
    expect(checkDeviceAuthorization({ ...AWS_ANSWER, expiresIn }, 'aws')).toEqual({
      ok: false,
      message: 'AWS sent a sign-in code that has already expired. Try signing in again.',
    });
  });

  it('refuses a link outside AWS, before looking at anything else', () => {
    const result = checkDeviceAuthorization(
      { ...AWS_ANSWER, verificationUriComplete: 'https://evil.example/?user_code=RHHX-BCTS', expiresIn: 0 },
      'aws',
    );
    expect(result).toEqual({ ok: false, message: expect.stringContaining('evil.example is not') });
  });
});
