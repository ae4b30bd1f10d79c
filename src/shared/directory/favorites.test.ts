import { describe, expect, it } from 'vitest';
import { favoriteRoles, nextFavorite } from './favorites';
import type { AccountPrefs, PortalDirectory, RoleEntry } from './model';

type Account = [accountId: string, accountName: string, roles: string[]];
const directory = (portalId: string, accounts: Account[]): PortalDirectory => ({
  portalId,
  accounts: accounts.map(([accountId, accountName, roles]) => ({
    accountId,
    accountName,
    emailAddress: `${accountName}@example.com`,
    firstSeenAt: 0,
    roles: roles.map((roleName) => ({ roleName, firstSeenAt: 0 })),
  })),
});

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const D = '444444444444';
const directories = [
  directory('p1', [
    [A, 'zeta-prod', ['ReadOnly', 'Admin', 'billing']],
    [B, 'Alpha-dev', ['Admin']],
    [C, 'Émile-sandbox', ['Admin']],
  ]),
  directory('p2', [[D, 'beta', ['Admin', 'Gone']]]),
];
const names = (roles: readonly RoleEntry[]) => roles.map((r) => `${r.alias ?? r.accountName}/${r.roleName}`);

describe('favourite roles, numbered for the shortcuts', () => {
  it('orders by account label (case- and accent-insensitive), then role name', () => {
    const prefs: Record<string, AccountPrefs> = {
      [A]: { favoriteRoles: ['ReadOnly', 'billing', 'Admin'] },
      [B]: { favoriteRoles: ['Admin'] },
      [C]: { favoriteRoles: ['Admin'] },
      [D]: { favoriteRoles: ['Admin'] },
    };
    expect(names(favoriteRoles(directories, prefs))).toEqual([
      'Alpha-dev/Admin',
      'beta/Admin',
      'Émile-sandbox/Admin',
      'zeta-prod/Admin',
      'zeta-prod/billing',
      'zeta-prod/ReadOnly',
    ]);
  });

  it('sorts an aliased account by its alias, as the popup shows it', () => {
    const prefs: Record<string, AccountPrefs> = {
      [A]: { alias: 'aaa main', favoriteRoles: ['Admin'] },
      [B]: { alias: '   ', favoriteRoles: ['Admin'] },
    };
    expect(names(favoriteRoles(directories, prefs))).toEqual(['aaa main/Admin', '   /Admin']);
    // A blank alias is no alias: "Alpha-dev" decides the order, after "aaa main".
    expect(favoriteRoles(directories, prefs).map((r) => r.accountId)).toEqual([A, B]);
  });

  it('breaks a tie between two accounts of one name by account id', () => {
    const twins = [
      directory('p1', [
        [B, 'same', ['Admin']],
        [A, 'same', ['Admin']],
      ]),
    ];
    const prefs = { [A]: { favoriteRoles: ['Admin'] }, [B]: { favoriteRoles: ['Admin'] } };
    expect(favoriteRoles(twins, prefs).map((r) => r.accountId)).toEqual([A, B]);
  });

  it('leaves out hidden accounts, roles no longer listed and starred whole accounts', () => {
    const prefs: Record<string, AccountPrefs> = {
      [A]: { favorite: true },
      [B]: { hidden: true, favoriteRoles: ['Admin'] },
      [D]: { favoriteRoles: ['Admin', 'Removed'] },
    };
    expect(names(favoriteRoles(directories, prefs))).toEqual(['beta/Admin']);
  });

  it('counts an account listed by two portals once, through the first portal', () => {
    const both = [directory('p1', [[A, 'shared', ['Admin']]]), directory('p2', [[A, 'shared', ['Admin']]])];
    const favorites = favoriteRoles(both, { [A]: { favoriteRoles: ['Admin'] } });
    expect(favorites.map((r) => r.portalId)).toEqual(['p1']);
  });

  it('does not depend on the order favourites were starred in', () => {
    const one = favoriteRoles(directories, { [A]: { favoriteRoles: ['Admin', 'ReadOnly'] } });
    const other = favoriteRoles(directories, { [A]: { favoriteRoles: ['ReadOnly', 'Admin'] } });
    expect(one).toEqual(other);
  });
});

describe('the next favourite for a console tab', () => {
  const prefs: Record<string, AccountPrefs> = {
    [A]: { favoriteRoles: ['Admin'] },
    [B]: { favoriteRoles: ['Admin'] },
    [D]: { favoriteRoles: ['Admin'] },
  };
  const favorites = favoriteRoles(directories, prefs); // Alpha-dev, beta, zeta-prod
  const entry = (accountId: string, accountName: string, roleName: string): RoleEntry => ({
    portalId: 'p1',
    accountId,
    accountName,
    emailAddress: '',
    roleName,
  });

  it('moves to the one after the favourite the tab holds, wrapping around', () => {
    expect(nextFavorite(favorites, entry(B, 'Alpha-dev', 'Admin'))?.accountId).toBe(D);
    expect(nextFavorite(favorites, entry(A, 'zeta-prod', 'Admin'))?.accountId).toBe(B);
  });

  it('from a role that is no favourite, moves to the first favourite sorting after it', () => {
    expect(nextFavorite(favorites, entry(C, 'Émile-sandbox', 'Admin'))?.accountId).toBe(A);
    expect(nextFavorite(favorites, entry(A, 'zeta-prod', 'ReadOnly'))?.accountId).toBe(B);
  });

  it('starts at favourite 1 for a tab we did not open, and has nothing without favourites', () => {
    expect(nextFavorite(favorites, null)?.accountId).toBe(B);
    expect(nextFavorite([], entry(A, 'zeta-prod', 'Admin'))).toBeNull();
  });

  it('gives back the only favourite when the tab already holds it (the caller says so)', () => {
    const only = favorites.slice(0, 1);
    expect(nextFavorite(only, entry(B, 'Alpha-dev', 'Admin'))).toBe(only[0]);
  });
});
