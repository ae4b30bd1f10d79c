import type { AccountPrefs, PortalDirectory, RoleEntry } from './model';
import { roleEntries } from './role-entries';
import { fold } from './search-normalise';

/**
 * "Favourite N" of the keyboard shortcuts: the starred roles (`accountPrefs[accountId].favoriteRoles`) of
 * the cached directories, numbered from 1 in a fixed order that usage never changes, so a number keeps
 * opening the same role:
 * 1. by account label, the alias when there is one, else the account name — compared accent- and
 *    case-insensitively, like the popup's alphabetical order (then exactly, so the order is total);
 * 2. then by account id (two accounts with one label);
 * 3. then by role name, the same way as labels.
 * Hidden accounts are left out, as from the popup's list. A role starred but no longer in the cache is left
 * out. An account reachable through two portals counts once, through the first portal in the user's order.
 * Starred whole accounts (`favorite`) rank first in the popup but are not numbered: a shortcut opens a role.
 */
export function favoriteRoles(
  directories: readonly PortalDirectory[],
  prefs: Readonly<Record<string, AccountPrefs>>,
): RoleEntry[] {
  const seen = new Set<string>();
  const favorites: RoleEntry[] = [];
  for (const entry of roleEntries(directories, prefs, false)) {
    if (!prefs[entry.accountId]?.favoriteRoles?.includes(entry.roleName)) continue;
    const key = `${entry.accountId}/${entry.roleName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    favorites.push(entry);
  }
  return favorites.sort(compareRoles);
}

/** The name the user sees for an account: its alias when set (and not blank), else the account name. */
export function accountLabel(entry: Pick<RoleEntry, 'alias' | 'accountName'>): string {
  return entry.alias && entry.alias.trim() !== '' ? entry.alias : entry.accountName;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Folded first (accent- and case-insensitive), then exact: the popup's tie-break order (search-index.ts). */
const byText = (a: string, b: string): number => byCodeUnit(fold(a), fold(b)) || byCodeUnit(a, b);

/** The order of favourites: account label, account id, role name. */
export function compareRoles(a: RoleEntry, b: RoleEntry): number {
  return (
    byText(accountLabel(a), accountLabel(b)) ||
    byCodeUnit(a.accountId, b.accountId) ||
    byText(a.roleName, b.roleName)
  );
}

/**
 * The favourite after `current` in that order, wrapping around: the next one when `current` is a favourite,
 * else the first favourite that sorts after it (so a tab on any role moves to "the next favourite"), else
 * the first. Null when there are no favourites.
 */
export function nextFavorite(favorites: readonly RoleEntry[], current: RoleEntry | null): RoleEntry | null {
  if (favorites.length === 0) return null;
  if (current === null) return favorites[0] ?? null;
  const at = favorites.findIndex((f) => f.accountId === current.accountId && f.roleName === current.roleName);
  if (at !== -1) return favorites[(at + 1) % favorites.length] ?? null;
  return favorites.find((f) => compareRoles(f, current) > 0) ?? favorites[0] ?? null;
}
