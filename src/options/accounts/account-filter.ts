import type { AccountPrefs } from '../../shared/directory/model';

/** One cached account as the settings page lists it: once, whatever the number of portals that list it. */
export interface AccountRecord {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  /** Labels of the portals that list it. */
  readonly portals: readonly string[];
  /** The settings in force (the administrator's over the user's). */
  readonly prefs: AccountPrefs;
}

/** `prod-*` or `*payments?`: a name pattern, matched against the whole name or alias. */
function globPattern(query: string): RegExp {
  const source = query
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 'i');
}

/**
 * The accounts a query matches. With `*` or `?` it is a name pattern over the name and the alias (for "select by
 * name"); otherwise words that must each appear in the name, alias, id (with or without dashes) or email.
 */
export function matchAccounts(accounts: readonly AccountRecord[], query: string): readonly AccountRecord[] {
  const text = query.trim();
  if (!text) return accounts;
  if (/[*?]/.test(text)) {
    const pattern = globPattern(text);
    return accounts.filter((a) => pattern.test(a.accountName) || pattern.test(a.prefs.alias ?? ''));
  }
  const words = text
    .toLowerCase()
    .replace(/(\d{4})-(?=\d)/g, '$1')
    .split(/\s+/);
  return accounts.filter((a) => {
    const haystack =
      `${a.accountName}\n${a.prefs.alias ?? ''}\n${a.accountId}\n${a.emailAddress}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Alias, else name: how the popup and the console tag name the account. */
export function accountTitle(account: AccountRecord): string {
  return account.prefs.alias || account.accountName;
}
