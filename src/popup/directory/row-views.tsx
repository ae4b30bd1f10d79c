// biome-ignore-all lint/a11y/useSemanticElements: a virtual grid of divs (docs/accessibility.md); a <table> cannot hold absolutely placed rows
// biome-ignore-all lint/a11y/useFocusableInteractive: the search box holds focus and names the active cell (aria-activedescendant)
import type { ComponentChildren } from 'preact';
import { portalLabel } from '../../shared/portals/portal';
import { Highlight } from './highlight';
import { keysOf, ROW_KEYS_DESCRIPTION_ID } from './row-keys';
import type { Row } from './rows';

export type AccountRow = Extract<Row, { kind: 'account' }>;
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

/*
 * The list is a grid (docs/accessibility.md): every line is a row, its text a cell and each of its buttons a cell
 * of its own. `index` is the row's place in the whole list, not among the few drawn (aria-rowindex).
 */

export function PortalHeader({ row, index }: { row: Extract<Row, { kind: 'portal' }>; index: number }) {
  return (
    <div class="row portal-row-header" role="row" aria-rowindex={index + 1}>
      <span class="row-cell" role="gridcell">
        {portalLabel(row.portal)} <span class="muted">· {row.accounts} accounts</span>
      </span>
    </div>
  );
}

export function AccountHeader({
  row,
  index,
  handlers,
}: {
  row: AccountRow;
  index: number;
  handlers: RowHandlers;
}) {
  const { account, prefs, matches } = row;
  const title = prefs.alias || account.accountName;
  const favorite = prefs.favorite ?? false;
  return (
    <div
      class="row account-row"
      role="row"
      aria-rowindex={index + 1}
      style={prefs.color ? { '--account-color': prefs.color } : undefined}
    >
      <div class="account-cell" role="gridcell">
        <span class="account-color" aria-hidden="true" />
        <div class="account-text">
          {/* The whole name on hover, where a long one ends in an ellipsis. */}
          <div class="account-title" title={prefs.alias ? `${title} (${account.accountName})` : title}>
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
      </div>
      <span role="gridcell">
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
      </span>
      <span role="gridcell">
        <button
          type="button"
          class="icon-button"
          tabIndex={-1}
          aria-label={`Edit account ${title}`}
          aria-keyshortcuts={keysOf('edit')}
          title={`Alias, colour, tier, hide (${keysOf('edit')} on one of its roles)`}
          onClick={() => handlers.onEditAccount(row)}
        >
          ✎
        </button>
      </span>
    </div>
  );
}

/** The id of a role's main cell, which the search box names as its active descendant. */
export function roleCellId(index: number): string {
  return `role-${index}`;
}

export function RoleLine({
  row,
  index,
  active,
  handlers,
}: {
  row: RoleRow;
  index: number;
  active: boolean;
  handlers: RowHandlers;
}) {
  const { entry } = row;
  const account = entry.alias || entry.accountName;
  const name = `${entry.roleName} in ${account}`;
  return (
    // Keyboard users drive the list from the search box (combobox + aria-activedescendant on the row's main
    // cell): Enter opens the active role, so the row itself needs no key handler or tab stop.
    // biome-ignore lint/a11y/useKeyWithClickEvents: see above
    <div
      class={`row role-row${active ? ' active' : ''}`}
      role="row"
      aria-rowindex={index + 1}
      onClick={(e) => handlers.onOpen(row, e.ctrlKey || e.metaKey || e.shiftKey)}
      onAuxClick={(e) => e.button === 1 && handlers.onOpen(row, true)}
    >
      {/* The role's name heads its row: a screen reader says it before any of the row's buttons. */}
      <span
        id={roleCellId(index)}
        class="role-name"
        role="rowheader"
        aria-selected={active}
        aria-label={`${name} (${formatAccountId(entry.accountId)})`}
        aria-describedby={ROW_KEYS_DESCRIPTION_ID}
      >
        <Highlight text={entry.roleName} field="roleName" matches={row.matches} />
        {row.isNew && <span class="badge-new">new</span>}
      </span>
      <RowButton
        label={`${row.favorite ? 'Unstar' : 'Star'} ${name}`}
        pressed={row.favorite}
        keys={keysOf('star')}
        title={row.favorite ? 'Remove from favourites' : 'Add to favourites'}
        onPress={() => handlers.onToggleRoleFavorite(row)}
      >
        {row.favorite ? '★' : '☆'}
      </RowButton>
      <RowButton
        label={`Copy a shareable link to ${name}`}
        keys={keysOf('link')}
        title="Copy the portal's shortcut link. It holds no secret."
        onPress={() => handlers.onCopyLink(row)}
      >
        <LinkIcon />
      </RowButton>
      <RowButton
        label={`Copy CLI credentials for ${name}`}
        keys={keysOf('credentials')}
        title="Copy temporary CLI credentials. The format is chosen below the list."
        onPress={() => handlers.onCopyCredentials(row)}
      >
        <TerminalIcon />
      </RowButton>
      <RowButton
        label={`Open ${name} in a new tab`}
        keys={keysOf('newTab')}
        title="Open in a new tab"
        onPress={() => handlers.onOpen(row, true)}
      >
        ↗
      </RowButton>
    </div>
  );
}

/**
 * One of a role's actions: a real button in a cell of its own (a button inside an option, as this list once
 * had, is a control no screen reader can reach). Out of the tab order: the search box drives the list, and the
 * button's key, announced through aria-keyshortcuts and shown in its tooltip, does the same from there.
 */
function RowButton({
  label,
  keys,
  title,
  pressed,
  onPress,
  children,
}: {
  label: string;
  keys: string;
  title: string;
  pressed?: boolean;
  onPress(): void;
  children: ComponentChildren;
}) {
  return (
    <span role="gridcell">
      <button
        type="button"
        class="icon-button"
        tabIndex={-1}
        aria-pressed={pressed}
        aria-label={label}
        aria-keyshortcuts={keys}
        title={`${title} (${keys})`}
        onClick={(e) => {
          e.stopPropagation();
          onPress();
        }}
      >
        {children}
      </button>
    </span>
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
