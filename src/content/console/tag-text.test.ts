import { describe, expect, it } from 'vitest';
import { mismatchText } from './mismatch-text';
import { formatId, timeLeft } from './tag-format';
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

describe('mismatch warning text', () => {
  const opened = {
    accountId: '111122223333',
    label: 'acme-prod',
    roleName: 'AdministratorAccess',
    color: '#d13212',
    danger: true,
    parts: { strip: true, pill: true, title: true, favicon: true },
  };

  it('none while the page agrees', () => {
    expect(mismatchText(opened)).toBeNull();
  });

  it('another account: names both, and says what to do if the user switched role and if not', () => {
    const text = mismatchText({
      ...opened,
      mismatch: { accountId: '444455556666', label: 'acme-sandbox', roleName: 'ReadOnly' },
    });
    expect(text?.title).toBe('Account mismatch');
    expect(text?.what).toContain('opened this tab as acme-prod · AdministratorAccess (1111-2222-3333)');
    expect(text?.what).toContain('the page now says acme-sandbox · ReadOnly (4444-5555-6666)');
    expect(text?.todo).toContain('Switched role in the console, or opened another role in another tab?');
    expect(text?.todo).toContain('open the role you want from AWS SSO Switcher to tag it again');
    expect(text?.todo).toContain('If not, close this tab');
  });

  it('another role of the same account: a role mismatch', () => {
    const text = mismatchText({
      ...opened,
      mismatch: { accountId: '111122223333', label: 'acme-prod', roleName: null },
    });
    expect(text?.title).toBe('Role mismatch');
    expect(text?.what).toContain('the page now says acme-prod (1111-2222-3333)');
  });
});
