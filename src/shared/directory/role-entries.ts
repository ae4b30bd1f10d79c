import type { AccountPrefs, PortalDirectory, RoleEntry } from './model';

/**
 * Every role of every visible account, accounts' roles kept together (the search index stores them compactly
 * so). Shared by the popup's list and the background's keyboard features (omnibox, favourites), so both see
 * the same roles: hidden accounts are left out unless `showHidden`.
 */
export function roleEntries(
  directories: readonly PortalDirectory[],
  prefs: Readonly<Record<string, AccountPrefs>>,
  showHidden: boolean,
): RoleEntry[] {
  const entries: RoleEntry[] = [];
  for (const directory of directories) {
    for (const account of directory.accounts) {
      const accountPrefs = prefs[account.accountId] ?? {};
      if (accountPrefs.hidden && !showHidden) continue;
      for (const role of account.roles) {
        entries.push({
          portalId: directory.portalId,
          accountId: account.accountId,
          accountName: account.accountName,
          emailAddress: account.emailAddress,
          roleName: role.roleName,
          ...(accountPrefs.alias ? { alias: accountPrefs.alias } : {}),
        });
      }
    }
  }
  return entries;
}
