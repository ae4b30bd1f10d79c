import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Actions } from '../../ui/actions';
import { isListKey, playKeys, type QueuedKey, queuedKey } from '../first-paint/hand-over';
import { rememberFirstPaint } from '../first-paint/remember-first-paint';
import { firstScreenOf, rememberFirstScreen } from './first-screen';
import { rowActions } from './row-actions';
import { altAction } from './row-keys';
import type { AccountRow, RowHandlers } from './row-views';
import { nextRoleIndex, type Row } from './rows';
import { type CredentialCopy, useCredentialCopy } from './use-credential-copy';
import type { DirectoryData } from './use-directory';
import { type DirectoryRows, useDirectoryRows } from './use-directory-rows';
import { useSearchedQuery } from './use-searched-query';

/** Everything DirectoryView shows and every way to change it; the view itself holds no state. */
export interface DirectoryStore extends DirectoryRows {
  /** The search box: focused from the start, and again when a dialog closes. */
  readonly input: RefObject<HTMLInputElement | null>;
  readonly query: string;
  setQuery(query: string): void;
  /** The active role's row, or -1 when the list has no role. */
  readonly activeIndex: number;
  onKeyDown(event: KeyboardEvent): void;
  readonly handlers: RowHandlers;
  /** An error to show above the list. */
  readonly notice: string | null;
  /** What a key or button just did, said in the footer's live region. */
  readonly announcement: string | null;
  readonly credentials: CredentialCopy;
  readonly hiddenCount: number;
  readonly showHidden: boolean;
  toggleHidden(): void;
  readonly showKeys: boolean;
  setShowKeys(show: boolean): void;
  /** The account whose settings are being edited. */
  readonly editing: AccountRow | null;
  closeEditor(): void;
}

/** The popup's list: search, the active row, dialogs, notices, and what is remembered for the next popup. */
export function useDirectoryStore(
  actions: Actions,
  data: DirectoryData,
  initialQuery: string,
): DirectoryStore {
  const [query, setQueryState] = useState(initialQuery);
  const [active, setActive] = useState(-1);
  const [editing, setEditing] = useState<AccountRow | null>(null);
  const [notice, showNotice] = useState<string | null>(null);
  const [showHidden, setShowHidden] = useState(false);
  const [announcement, announce] = useState<string | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const credentials = useCredentialCopy(actions);
  const input = useRef<HTMLInputElement>(null);
  // Typing is the first thing people do in the popup: the search box has focus from the start.
  useEffect(() => input.current?.focus(), []);

  const list = useDirectoryRows(data, useSearchedQuery(query), showHidden);
  const { rows } = list;
  useRememberedScreen(data, list, !query.trim() && !showHidden, editing === null);
  const activeIndex = rows[active]?.kind === 'role' ? active : nextRoleIndex(rows, -1, 1);

  const handlers = rowActions({
    actions,
    portals: data.portals,
    credentials,
    announce,
    showNotice,
    editAccount: setEditing,
  });

  // Keys that act on search results, pressed before the full list is read (a few hundred ms at 10,000
  // accounts): held back and played once it is, so "prod admin⏎" typed at once opens what it would a second later.
  const waitingKeys = useRef<QueuedKey[]>([]);
  useEffect(() => {
    if (!data.complete || waitingKeys.current.length === 0 || !input.current) return;
    playKeys(input.current, waitingKeys.current.splice(0));
  }, [data.complete]);

  const setQuery = (next: string) => {
    setQueryState(next);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!data.complete && query.trim() && isListKey(event)) {
      event.preventDefault();
      waitingKeys.current.push(queuedKey(event));
      return;
    }
    const row = rows[activeIndex];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(nextRoleIndex(rows, activeIndex, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter' && row?.kind === 'role') {
      event.preventDefault();
      handlers.onOpen(row, event.shiftKey || event.ctrlKey || event.metaKey);
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      setQuery('');
    } else if (row?.kind === 'role') {
      const action = altAction(event);
      if (!action) return;
      event.preventDefault();
      if (action === 'star') handlers.onToggleRoleFavorite(row);
      else if (action === 'link') handlers.onCopyLink(row);
      else if (action === 'credentials') handlers.onCopyCredentials(row);
      else if (action === 'edit') {
        const account = accountRowOf(rows, activeIndex);
        if (account) handlers.onEditAccount(account);
      }
    }
  };

  return {
    ...list,
    input,
    query,
    setQuery,
    activeIndex,
    onKeyDown,
    handlers,
    notice,
    announcement,
    credentials,
    hiddenCount: Object.values(data.prefs).filter((p) => p.hidden).length,
    showHidden,
    toggleHidden: () => setShowHidden(!showHidden),
    showKeys,
    setShowKeys: (show) => {
      setShowKeys(show);
      if (!show) input.current?.focus();
    },
    editing,
    closeEditor: () => {
      setEditing(null);
      input.current?.focus();
    },
  };
}

/**
 * What the unsearched list shows now is what the next popup shows first. Compared with what this popup last
 * wrote, not with what it read at start, so a sync's reloads do not rewrite the same screen again and again.
 */
function useRememberedScreen(data: DirectoryData, list: DirectoryRows, unsearched: boolean, atRest: boolean) {
  const remembered = useRef(data.firstScreen);
  useEffect(() => {
    if (!data.complete || !unsearched) return;
    const next = firstScreenOf(list.rows, list.totalAccounts, list.syncedAt);
    const previous = remembered.current;
    remembered.current = next;
    rememberFirstScreen(next, previous).catch(() => undefined);
    // The list at rest is also what the next popup draws before its app has loaded (first-paint.ts).
    if (atRest) rememberFirstPaint();
  }, [list.rows]);
}

/** The account a role row belongs to: the nearest account row above it. */
function accountRowOf(rows: readonly Row[], index: number): AccountRow | undefined {
  for (let i = index; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === 'account') return row;
  }
  return undefined;
}
