import { describe, expect, it } from 'vitest';
import type { PortalDirectory } from './model';
import { lastUsedRole } from './recent-role';

const directory: PortalDirectory = {
  portalId: 'p1',
  accounts: [
    {
      accountId: '111111111111',
      accountName: 'prod',
      emailAddress: 'prod@example.com',
      firstSeenAt: 0,
      roles: [
        { roleName: 'Admin', firstSeenAt: 0 },
        { roleName: 'ReadOnly', firstSeenAt: 0 },
      ],
    },
    {
      accountId: '222222222222',
      accountName: 'dev',
      emailAddress: 'dev@example.com',
      firstSeenAt: 0,
      roles: [{ roleName: 'Admin', firstSeenAt: 0 }],
    },
  ],
};

describe('the role opened last', () => {
  it('is the one with the latest use, however often others were used', () => {
    const usage = {
      'p1/111111111111/Admin': { count: 40, lastUsedAt: 1_000 },
      'p1/222222222222/Admin': { count: 1, lastUsedAt: 2_000 },
    };
    expect(lastUsedRole([directory], {}, usage)).toMatchObject({
      accountId: '222222222222',
      roleName: 'Admin',
    });
  });

  it('skips roles that can no longer be opened: other portals, removed roles, hidden accounts', () => {
    const usage = {
      'gone-portal/111111111111/Admin': { count: 1, lastUsedAt: 9_000 },
      'p1/111111111111/Removed': { count: 1, lastUsedAt: 8_000 },
      'p1/222222222222/Admin': { count: 1, lastUsedAt: 7_000 },
      'p1/111111111111/ReadOnly': { count: 1, lastUsedAt: 6_000 },
    };
    const prefs = { '222222222222': { hidden: true } };
    expect(lastUsedRole([directory], prefs, usage)).toMatchObject({
      accountId: '111111111111',
      roleName: 'ReadOnly',
    });
  });

  it('breaks a tie by use count, then by key, whatever the object order', () => {
    const a = {
      'p1/222222222222/Admin': { count: 2, lastUsedAt: 5 },
      'p1/111111111111/Admin': { count: 2, lastUsedAt: 5 },
    };
    const b = {
      'p1/111111111111/Admin': { count: 2, lastUsedAt: 5 },
      'p1/222222222222/Admin': { count: 2, lastUsedAt: 5 },
    };
    expect(lastUsedRole([directory], {}, a)).toEqual(lastUsedRole([directory], {}, b));
    expect(lastUsedRole([directory], {}, a)?.accountId).toBe('111111111111');
    const more = { ...a, 'p1/222222222222/Admin': { count: 3, lastUsedAt: 5 } };
    expect(lastUsedRole([directory], {}, more)?.accountId).toBe('222222222222');
  });

  it('is null with no usage, or none that qualifies', () => {
    expect(lastUsedRole([directory], {}, {})).toBeNull();
    expect(lastUsedRole([], {}, { 'p1/111111111111/Admin': { count: 1, lastUsedAt: 1 } })).toBeNull();
  });
});
