import { describe, expect, it } from 'vitest';
import { formatId, timeLeft } from './tag';
import { titlePrefix } from './title-prefix';

describe('tag text', () => {
  it.each([
    ['acme-prod-identity', 'AdministratorAccess', '[acme-prod-identity · AdministratorAccess] '],
    ['prod', null, '[prod] '],
    [
      'a-very-long-account-alias-that-goes-on',
      'ReadOnlyAccess',
      '[a-very-long-account-ali… · ReadOnlyAccess] ',
    ],
    ['x', 'AWSReservedSSO_SomethingVeryLong', '[x · AWSReservedSSO_Some…] '],
  ])('title prefix for %s / %s', (label, role, expected) => {
    expect(titlePrefix(label, role)).toBe(expected);
  });

  it.each([
    [0, 'session expired'],
    [-5, 'session expired'],
    [59_999, '0 min left'],
    [42 * 60_000, '42 min left'],
    [(3 * 60 + 5) * 60_000, '3 h 5 min left'],
  ])('time left %i ms → %s', (ms, text) => {
    expect(timeLeft(ms)).toBe(text);
  });

  it('formats account ids the way the console does', () => {
    expect(formatId('123456789012')).toBe('1234-5678-9012');
    expect(formatId('not-an-id')).toBe('not-an-id');
  });
});
