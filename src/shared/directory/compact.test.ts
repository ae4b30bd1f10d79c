import { describe, expect, it } from 'vitest';
import { decodeDirectory, encodeDirectory } from './compact';
import type { PortalDirectory } from './model';

const directory: PortalDirectory = {
  portalId: 'p1',
  syncedAt: 3_000,
  previousSyncedAt: 2_000,
  accounts: [
    {
      accountId: '111111111111',
      accountName: '<img src=x onerror=alert(1)> "quoted" 账户',
      emailAddress: 'a@example.com',
      firstSeenAt: 1_000,
      rolesSyncedAt: 2_500,
      roles: [
        { roleName: 'AdministratorAccess', firstSeenAt: 1_000 },
        { roleName: 'ReadOnlyAccess', firstSeenAt: 2_900 },
      ],
    },
    {
      accountId: '222222222222',
      accountName: 'b',
      emailAddress: '',
      firstSeenAt: 1_000,
      rolesError: 'Throttled',
      roles: [],
    },
  ],
};

describe('compact directory encoding', () => {
  it('round-trips every field, optional ones included', () => {
    expect(decodeDirectory(encodeDirectory(directory))).toEqual(directory);
  });

  it('round-trips a directory that never finished a sync', () => {
    const partial: PortalDirectory = { portalId: 'p2', accounts: [] };
    expect(decodeDirectory(encodeDirectory(partial))).toEqual(partial);
  });

  it('is much smaller than the objects it stands for', () => {
    const big: PortalDirectory = {
      portalId: 'p',
      accounts: Array.from({ length: 1000 }, (_, i) => ({
        accountId: String(100000000000 + i),
        accountName: `acme-prod-${i}`,
        emailAddress: `aws+${i}@acme.example`,
        firstSeenAt: 1_700_000_000_000,
        rolesSyncedAt: 1_700_000_000_000,
        roles: ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess'].map((roleName) => ({
          roleName,
          firstSeenAt: 1_700_000_000_000,
        })),
      })),
    };
    expect(encodeDirectory(big).length).toBeLessThan(JSON.stringify(big).length / 2);
  });

  it.each([
    ['not JSON', '{'],
    ['another version', '[2,"p",null,null,[],[]]'],
    ['wrong shapes', '[1,"p",null,null,"x",{}]'],
    ['an account id of the wrong type', '[1,"p",null,null,[],[[1,"a","b",1,null,null,[]]]]'],
    ['an object', '{"portalId":"p","accounts":[]}'],
  ])('reads %s as no cache', (_name, text) => {
    expect(decodeDirectory(text)).toBeNull();
  });
});
