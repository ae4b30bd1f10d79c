import { type AccountPrefs, accountKey, type PortalDirectory, type RoleUsage, roleKey } from './model';
import type { RankingSignals } from './search';

/**
 * The search's ranking signals from what the user set and did: starred accounts and roles, and usage. Settings
 * are per account id; the search ranks per portal and account, so they are mapped onto each portal's copy.
 * Shared by the popup and the omnibox so that both rank alike.
 */
export function rankingSignals(
  directories: readonly PortalDirectory[],
  prefs: Readonly<Record<string, AccountPrefs>>,
  usage: Readonly<Record<string, RoleUsage>>,
  now: number,
): RankingSignals {
  const favoriteAccounts = new Set<string>();
  const favoriteRoles = new Set<string>();
  for (const directory of directories) {
    for (const { accountId } of directory.accounts) {
      const accountPrefs = prefs[accountId];
      if (!accountPrefs) continue;
      if (accountPrefs.favorite) favoriteAccounts.add(accountKey(directory.portalId, accountId));
      for (const roleName of accountPrefs.favoriteRoles ?? []) {
        favoriteRoles.add(roleKey({ portalId: directory.portalId, accountId, roleName }));
      }
    }
  }
  return { favoriteAccounts, favoriteRoles, usage: new Map(Object.entries(usage)), now };
}
