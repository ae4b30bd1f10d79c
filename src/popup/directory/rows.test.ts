import { describe, expect, it } from 'vitest';
import type { PortalDirectory } from '../../shared/directory/model';
import { buildSearchIndex, search } from '../../shared/directory/search';
import type { Portal } from '../../shared/portals/portal';
import { buildRows, lookupAccounts, nextRoleIndex, roleEntries } from './rows';

const portals: Portal[] = [
  { id: 'p1', startUrl: 'https://a.awsapps.com/start', region: 'us-east-1', name: 'Acme' },
  { id: 'p2', startUrl: 'https://b.awsapps.com/start', region: 'eu-west-1', name: 'Globex' },
];
const directory = (portalId: string, accounts: [string, string, string[], number?][]): PortalDirectory => ({
  portalId,
  syncedAt: 3_000,
  previousSyncedAt: 2_000,
  accounts: accounts.map(([accountId, accountName, roles, firstSeenAt = 1_000]) => ({
    accountId,
    accountName,
    emailAddress: `${accountName}@example.com`,
    firstSeenAt,
    roles: roles.map((roleName) => ({ roleName, firstSeenAt: roleName === 'NewRole' ? 2_500 : firstSeenAt })),
  })),
});

const directories = [
  directory('p1', [
    ['111111111111', 'acme-prod', ['Admin', 'ReadOnly']],
    ['222222222222', 'acme-dev', ['Admin', 'NewRole'], 2_500],
  ]),
  directory('p2', [['333333333333', 'globex-prod', ['Admin']]]),
];
const signals = {
  favoriteAccounts: new Set<string>(),
  favoriteRoles: new Set<string>(),
  usage: new Map(),
  now: 0,
};

function rowsFor(query: string, prefs = {}) {
  const entries = roleEntries(directories, prefs, false);
  return buildRows(
    search(buildSearchIndex(entries), query, signals, entries.length),
    lookupAccounts(directories),
    portals,
    prefs,
  );
}

describe('buildRows', () => {
  it('groups roles under their account and accounts under their portal, in the user’s portal order', () => {
    const rows = rowsFor('');
    expect(rows.map((r) => r.kind)).toEqual([
      'portal',
      'account',
      'role',
      'role',
      'account',
      'role',
      'role',
      'portal',
      'account',
      'role',
    ]);
    expect(rows[0]).toMatchObject({ kind: 'portal', accounts: 2 });
    expect(rows[7]).toMatchObject({ kind: 'portal', portal: { id: 'p2' } });
  });

  it('marks accounts and roles first seen after the previous sync as new', () => {
    const rows = rowsFor('acme-dev');
    expect(rows.find((r) => r.kind === 'account')).toMatchObject({ isNew: true });
    const newRole = rows.find((r) => r.kind === 'role' && r.entry.roleName === 'NewRole');
    expect(newRole).toMatchObject({ isNew: true });
    const old = rowsFor('acme-prod').filter((r) => r.kind === 'role');
    expect(old.every((r) => r.kind === 'role' && !r.isNew)).toBe(true);
  });

  it('leaves hidden accounts out unless asked', () => {
    const prefs = { '111111111111': { hidden: true } };
    expect(roleEntries(directories, prefs, false).some((e) => e.accountId === '111111111111')).toBe(false);
    expect(roleEntries(directories, prefs, true).some((e) => e.accountId === '111111111111')).toBe(true);
  });

  it('uses the alias and marks starred roles', () => {
    const prefs = { '111111111111': { alias: 'Production', favoriteRoles: ['ReadOnly'] } };
    const rows = rowsFor('production', prefs);
    const readOnly = rows.find((r) => r.kind === 'role' && r.entry.roleName === 'ReadOnly');
    expect(readOnly).toMatchObject({ favorite: true, entry: { alias: 'Production' } });
  });
});

describe('highlights of rows', () => {
  it('gives an account row its account fields and a role row its role name', () => {
    const rows = rowsFor('globex admin');
    const account = rows.find((r) => r.kind === 'account');
    const role = rows.find((r) => r.kind === 'role');
    expect(account?.kind === 'account' && account.matches).toEqual([
      { field: 'accountName', start: 0, end: 6 },
      { field: 'emailAddress', start: 0, end: 6 },
    ]);
    expect(role?.kind === 'role' && role.matches).toEqual([{ field: 'roleName', start: 0, end: 5 }]);
  });

  it('keeps every field but the highlights when copied, as the remembered first screen copies rows', () => {
    const [account, role] = rowsFor('globex').filter((r) => r.kind !== 'portal');
    expect(Object.keys({ ...account })).toEqual(['kind', 'key', 'portalId', 'account', 'prefs', 'isNew']);
    expect(Object.keys({ ...role })).toEqual(['kind', 'key', 'entry', 'prefs', 'favorite', 'isNew']);
  });
});

describe('nextRoleIndex', () => {
  it('skips headers and stops at either end', () => {
    const rows = rowsFor('');
    expect(nextRoleIndex(rows, -1, 1)).toBe(2);
    expect(nextRoleIndex(rows, 3, 1)).toBe(5);
    expect(nextRoleIndex(rows, 5, -1)).toBe(3);
    expect(nextRoleIndex(rows, 2, -1)).toBe(2);
    expect(nextRoleIndex(rows, 9, 1)).toBe(9);
  });
});
