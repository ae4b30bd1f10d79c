import { portalLabel } from '../../shared/portals/portal';
import { Highlight } from './highlight';
import type { Row } from './rows';

type AccountRow = Extract<Row, { kind: 'account' }>;
type RoleRow = Extract<Row, { kind: 'role' }>;

export interface RowHandlers {
  onOpen(row: RoleRow, newTab: boolean): void;
  onCopyLink(row: RoleRow): void;
  onCopyCredentials(row: RoleRow): void;
  onToggleRoleFavorite(row: RoleRow): void;
  onToggleAccountFavorite(row: AccountRow): void;
  onEditAccount(row: AccountRow): void;
}

/** Account id as the console shows it: 1234-5678-9012. */
export function formatAccountId(id: string): string {
  return /^\d{12}$/.test(id) ? `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}` : id;
}

export function PortalHeader({ row }: { row: Extract<Row, { kind: 'portal' }> }) {
  return (
    <div class="row portal-row-header" role="presentation">
      {portalLabel(row.portal)} <span class="muted">· {row.accounts} accounts</span>
    </div>
  );
}

export function AccountHeader({ row, handlers }: { row: AccountRow; handlers: RowHandlers }) {
  const { account, prefs, matches } = row;
  const title = prefs.alias || account.accountName;
  const favorite = prefs.favorite ?? false;
  return (
    <div
      class="row account-row"
      role="presentation"
      style={prefs.color ? { '--account-color': prefs.color } : undefined}
    >
      <span class="account-color" aria-hidden="true" />
      <div class="account-text">
        <div class="account-title">
          <Highlight text={title} field={prefs.alias ? 'alias' : 'accountName'} matches={matches} />
          {prefs.alias && (
            <span class="muted account-real-name">
              {' '}
              <Highlight text={account.accountName} field="accountName" matches={matches} />
            </span>
          )}
          {row.isNew && <span class="badge-new">new</span>}
        </div>
        <div class="account-meta muted">
          <Highlight text={formatAccountId(account.accountId)} field="accountId" matches={[]} /> ·{' '}
          <Highlight text={account.emailAddress} field="emailAddress" matches={matches} />
        </div>
      </div>
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-pressed={favorite}
        aria-label={`${favorite ? 'Unstar' : 'Star'} account ${title}`}
        title={favorite ? 'Remove from favourites' : 'Add to favourites'}
        onClick={() => handlers.onToggleAccountFavorite(row)}
      >
        {favorite ? '★' : '☆'}
      </button>
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-label={`Edit account ${title}`}
        title="Alias, colour, hide"
        onClick={() => handlers.onEditAccount(row)}
      >
        ✎
      </button>
    </div>
  );
}

export function RoleLine({
  row,
  id,
  active,
  handlers,
}: {
  row: RoleRow;
  id: string;
  active: boolean;
  handlers: RowHandlers;
}) {
  const { entry } = row;
  const account = entry.alias || entry.accountName;
  return (
    // Keyboard users drive the list from the search box (combobox + aria-activedescendant): Enter opens the
    // active option, so the option itself needs no key handler or tab stop.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    <div
      id={id}
      tabIndex={-1}
      class={`row role-row${active ? ' active' : ''}`}
      role="option"
      aria-selected={active}
      aria-label={`${entry.roleName} in ${account} (${formatAccountId(entry.accountId)})`}
      onClick={(e) => handlers.onOpen(row, e.ctrlKey || e.metaKey || e.shiftKey)}
      onAuxClick={(e) => e.button === 1 && handlers.onOpen(row, true)}
    >
      <span class="role-name">
        <Highlight text={entry.roleName} field="roleName" matches={row.matches} />
        {row.isNew && <span class="badge-new">new</span>}
      </span>
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-pressed={row.favorite}
        aria-label={`${row.favorite ? 'Unstar' : 'Star'} ${entry.roleName} in ${account}`}
        onClick={(e) => {
          e.stopPropagation();
          handlers.onToggleRoleFavorite(row);
        }}
      >
        {row.favorite ? '★' : '☆'}
      </button>
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-label={`Copy a shareable link to ${entry.roleName} in ${account}`}
        title="Copy the portal's shortcut link (Alt+C). It holds no secret."
        onClick={(e) => {
          e.stopPropagation();
          handlers.onCopyLink(row);
        }}
      >
        <LinkIcon />
      </button>
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-label={`Copy CLI credentials for ${entry.roleName} in ${account}`}
        title="Copy temporary CLI credentials (Alt+K). The format is chosen below the list."
        onClick={(e) => {
          e.stopPropagation();
          handlers.onCopyCredentials(row);
        }}
      >
        <TerminalIcon />
      </button>
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-label={`Open ${entry.roleName} in ${account} in a new tab`}
        title="Open in a new tab (Shift+Enter)"
        onClick={(e) => {
          e.stopPropagation();
          handlers.onOpen(row, true);
        }}
      >
        ↗
      </button>
    </div>
  );
}

/** A terminal prompt, for copying CLI credentials. */
function TerminalIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d="M3 4.5l3.5 3.5L3 11.5" />
      <path d="M8.5 12h4.5" />
    </svg>
  );
}

/** A chain link, drawn rather than an emoji: emoji fonts are missing on many Linux desktops. */
function LinkIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 16 16"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="1.6"
      stroke-linecap="round"
    >
      <path d="M6.5 9.5l3-3" />
      <path d="M7 4.5l1.3-1.3a2.8 2.8 0 014 4L11 8.5" />
      <path d="M9 11.5l-1.3 1.3a2.8 2.8 0 01-4-4L5 7.5" />
    </svg>
  );
}
