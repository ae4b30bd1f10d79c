import { portalShortcutLink } from '../../shared/aws/shortcut-link';
import { awsStartUrl, type Portal } from '../../shared/portals/portal';
import type { Actions } from '../../ui/actions';
import { closeIfPopup } from '../../ui/close-if-popup';
import type { AccountRow, RowHandlers } from './row-views';
import type { CredentialCopy } from './use-credential-copy';

export interface RowActionsDeps {
  readonly actions: Actions;
  readonly portals: readonly Portal[];
  readonly credentials: CredentialCopy;
  /** Says what a key or button just did in the footer's live region (null: nothing). */
  announce(text: string | null): void;
  /** Shows an error above the list, or clears it (null). */
  showNotice(text: string | null): void;
  editAccount(row: AccountRow): void;
}

/** What a row's buttons and keys do: open, copy a link or credentials, star, edit. */
export function rowActions({
  actions,
  portals,
  credentials,
  announce,
  showNotice,
  editAccount,
}: RowActionsDeps): RowHandlers {
  const report = (error: unknown) => showNotice(error instanceof Error ? error.message : String(error));
  return {
    onOpen: (row, newTab) => {
      showNotice(null);
      actions.openConsole(row.entry, { newTab }).then(closeIfPopup, report);
    },
    onCopyLink: (row) => {
      const portal = portals.find((p) => p.id === row.entry.portalId);
      if (!portal) return;
      const link = portalShortcutLink(awsStartUrl(portal), row.entry.accountId, row.entry.roleName);
      navigator.clipboard
        .writeText(link)
        .then(() => announce(`Link to ${row.entry.roleName} copied.`), report);
    },
    onCopyCredentials: (row) => {
      showNotice(null);
      announce(`Getting credentials for ${row.entry.roleName}…`);
      credentials.copy(row.entry).then(announce, (error: unknown) => {
        announce(null);
        report(error);
      });
    },
    onToggleRoleFavorite: (row) => {
      const current = row.prefs.favoriteRoles ?? [];
      const favoriteRoles = row.favorite
        ? current.filter((r) => r !== row.entry.roleName)
        : [...current, row.entry.roleName];
      const account = row.entry.alias || row.entry.accountName;
      actions
        .updateAccountPrefs(row.entry.accountId, { favoriteRoles })
        .then(
          () => announce(`${row.favorite ? 'Unstarred' : 'Starred'} ${row.entry.roleName} in ${account}.`),
          report,
        );
    },
    onToggleAccountFavorite: (row) => {
      const title = row.prefs.alias || row.account.accountName;
      actions
        .updateAccountPrefs(row.account.accountId, { favorite: !row.prefs.favorite })
        .then(() => announce(`${row.prefs.favorite ? 'Unstarred' : 'Starred'} account ${title}.`), report);
    },
    onEditAccount: editAccount,
  };
}
