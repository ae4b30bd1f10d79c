import {
  type AccountPrefs,
  accountKey,
  type DirectoryAccount,
  type PortalDirectory,
  type RoleEntry,
} from '../../shared/directory/model';
import type { SearchHit, SearchMatch } from '../../shared/directory/search';
import type { Portal } from '../../shared/portals/portal';

export type Row =
  | { kind: 'portal'; key: string; portal: Portal; accounts: number }
  | {
      kind: 'account';
      key: string;
      portalId: string;
      account: DirectoryAccount;
      prefs: AccountPrefs;
      isNew: boolean;
      matches: SearchMatch[];
    }
  | {
      kind: 'role';
      key: string;
      entry: RoleEntry;
      prefs: AccountPrefs;
      favorite: boolean;
      isNew: boolean;
      matches: SearchMatch[];
    };

export const ROW_HEIGHT = { portal: 28, account: 44, role: 30 } as const;

/** Moved to src/shared/directory so the background's omnibox and shortcuts list the same roles. */
export { roleEntries } from '../../shared/directory/role-entries';

interface Group {
  account: DirectoryAccount;
  portalId: string;
  roles: SearchHit[];
}

/** Accounts by `<portalId>/<accountId>` and each portal's previous sync: built once per directory change. */
export interface AccountLookup {
  readonly accounts: ReadonlyMap<string, DirectoryAccount>;
  readonly previousSync: ReadonlyMap<string, number>;
}

export function lookupAccounts(directories: readonly PortalDirectory[]): AccountLookup {
  const accounts = new Map<string, DirectoryAccount>();
  const previousSync = new Map<string, number>();
  for (const directory of directories) {
    previousSync.set(directory.portalId, directory.previousSyncedAt ?? Number.POSITIVE_INFINITY);
    for (const account of directory.accounts)
      accounts.set(accountKey(directory.portalId, account.accountId), account);
  }
  return { accounts, previousSync };
}

/**
 * Turns ranked hits into list rows: accounts in the order of their best hit, each followed by its matching roles
 * in rank order; with several portals, a header per portal (portals in the user's order). Runs on every
 * keystroke, so it touches only the hits, never every account.
 */
export function buildRows(
  hits: readonly SearchHit[],
  { accounts, previousSync }: AccountLookup,
  portals: readonly Portal[],
  prefs: Readonly<Record<string, AccountPrefs>>,
): Row[] {
  const groupsByPortal = new Map<string, Map<string, Group>>();
  for (const hit of hits) {
    const key = accountKey(hit.entry.portalId, hit.entry.accountId);
    const account = accounts.get(key);
    if (!account) continue;
    const groups = groupsByPortal.get(hit.entry.portalId) ?? new Map<string, Group>();
    groupsByPortal.set(hit.entry.portalId, groups);
    const group = groups.get(key) ?? { account, portalId: hit.entry.portalId, roles: [] };
    groups.set(key, group);
    group.roles.push(hit);
  }

  const rows: Row[] = [];
  const several = portals.length > 1;
  for (const portal of portals) {
    const groups = groupsByPortal.get(portal.id);
    if (!groups) continue;
    if (several) rows.push({ kind: 'portal', key: `p:${portal.id}`, portal, accounts: groups.size });
    const since = previousSync.get(portal.id) ?? Number.POSITIVE_INFINITY;
    for (const [key, group] of groups) {
      const accountPrefs = prefs[group.account.accountId] ?? {};
      const best = group.roles[0];
      rows.push(
        new AccountRow(
          `a:${key}`,
          portal.id,
          group.account,
          accountPrefs,
          group.account.firstSeenAt > since,
          best,
        ),
      );
      for (const hit of group.roles) {
        const role = group.account.roles.find((r) => r.roleName === hit.entry.roleName);
        rows.push(
          new RoleRow(
            `r:${key}/${hit.entry.roleName}`,
            accountPrefs,
            accountPrefs.favoriteRoles?.includes(hit.entry.roleName) ?? false,
            (role?.firstSeenAt ?? 0) > since,
            hit,
          ),
        );
      }
    }
  }
  return rows;
}

/*
 * Rows made by buildRows. Highlights are worked out only for rows that are drawn (search.ts computes them on
 * demand), hence the getters; classes rather than object literals with getters, which V8 builds ~30 times
 * slower (a runtime call per object), and a keystroke makes ~700 rows. Own fields are declared and set in the
 * order of the stored first screen's schema: first-screen.ts compares screens as JSON.
 */
class AccountRow {
  readonly kind: 'account';
  readonly key: string;
  readonly portalId: string;
  readonly account: DirectoryAccount;
  readonly prefs: AccountPrefs;
  readonly isNew: boolean;
  readonly #best: SearchHit | undefined;

  constructor(
    key: string,
    portalId: string,
    account: DirectoryAccount,
    prefs: AccountPrefs,
    isNew: boolean,
    best: SearchHit | undefined,
  ) {
    this.kind = 'account';
    this.key = key;
    this.portalId = portalId;
    this.account = account;
    this.prefs = prefs;
    this.isNew = isNew;
    this.#best = best;
  }

  get matches(): SearchMatch[] {
    return this.#best?.matches.filter((m) => m.field !== 'roleName') ?? [];
  }
}

class RoleRow {
  readonly kind: 'role';
  readonly key: string;
  readonly entry: RoleEntry;
  readonly prefs: AccountPrefs;
  readonly favorite: boolean;
  readonly isNew: boolean;
  readonly #hit: SearchHit;

  constructor(key: string, prefs: AccountPrefs, favorite: boolean, isNew: boolean, hit: SearchHit) {
    this.kind = 'role';
    this.key = key;
    this.entry = hit.entry;
    this.prefs = prefs;
    this.favorite = favorite;
    this.isNew = isNew;
    this.#hit = hit;
  }

  get matches(): SearchMatch[] {
    return this.#hit.matches.filter((m) => m.field === 'roleName');
  }
}

export function rowHeight(row: Row): number {
  return ROW_HEIGHT[row.kind];
}

/** The next role row from `index` in `direction`, skipping headers; stays put at either end. */
export function nextRoleIndex(rows: readonly Row[], index: number, direction: 1 | -1): number {
  for (let i = index + direction; i >= 0 && i < rows.length; i += direction) {
    if (rows[i]?.kind === 'role') return i;
  }
  return index;
}
