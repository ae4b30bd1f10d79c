import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { portalShortcutLink } from '../../shared/aws/shortcut-link';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../../shared/credentials/formats';
import { rankingSignals } from '../../shared/directory/ranking-signals';
import { buildSearchIndex, type RankingSignals, search } from '../../shared/directory/search';
import { awsStartUrl } from '../../shared/portals/portal';
import type { Actions } from '../../ui/actions';
import { closeIfPopup } from '../../ui/close-if-popup';
import { VirtualList } from '../../ui/virtual-list';
import { isListKey, playKeys, type QueuedKey, queuedKey } from '../first-paint/hand-over';
import { rememberFirstPaint } from '../first-paint/remember-first-paint';
import { AccountEditor } from './account-editor';
import { firstScreenOf, rememberFirstScreen } from './first-screen';
import { KeyList } from './key-list';
import { altAction, ROW_KEYS_DESCRIPTION, ROW_KEYS_DESCRIPTION_ID } from './row-keys';
import { AccountHeader, PortalHeader, RoleLine, type RowHandlers, roleCellId } from './row-views';
import { buildRows, lookupAccounts, nextRoleIndex, type Row, roleEntries, rowHeight } from './rows';
import { SyncStatus } from './sync-status';
import { useCredentialCopy } from './use-credential-copy';
import type { DirectoryData } from './use-directory';
import { useSearchedQuery } from './use-searched-query';

// Leaves room for the two footer lines within the ~560 px Chrome gives the popup.
const LIST_HEIGHT = 372;
const SEARCH_LIMIT = 500;

type AccountRow = Extract<Row, { kind: 'account' }>;

/** The searchable list of every account and role: the popup's main view. Keyboard first. */
export function DirectoryView({
  actions,
  data,
  initialQuery = '',
}: {
  actions: Actions;
  data: DirectoryData;
  initialQuery?: string;
}) {
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(-1);
  const [editing, setEditing] = useState<AccountRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const report = (error: unknown) => setNotice(error instanceof Error ? error.message : String(error));
  const [showHidden, setShowHidden] = useState(false);
  // What a key or button just did ("Link copied", "Starred"), said in the footer's live region.
  const [announcement, announce] = useState<string | null>(null);
  const [showKeys, setShowKeys] = useState(false);
  const credentials = useCredentialCopy(actions);
  const hiddenCount = Object.values(data.prefs).filter((p) => p.hidden).length;
  const input = useRef<HTMLInputElement>(null);
  // Typing is the first thing people do in the popup: the search box has focus from the start.
  useEffect(() => input.current?.focus(), []);

  const entries = useMemo(() => roleEntries(data.directories, data.prefs, showHidden), [data, showHidden]);
  const index = useMemo(() => buildSearchIndex(entries), [entries]);
  const signals = useMemo<RankingSignals>(() => favoritesAndUsage(data), [data]);
  const lookup = useMemo(() => lookupAccounts(data.directories), [data]);
  // The unsearched list (every role: ~40,000 rows at 10,000 accounts) is the same each time the box is
  // cleared: built when first shown, then reused until the directory changes, not rebuilt on every Escape.
  const unsearched = useMemo(() => {
    let built: Row[] | undefined;
    return () => {
      built ??= buildRows(search(index, '', signals, entries.length), lookup, data.portals, data.prefs);
      return built;
    };
  }, [index, signals, entries.length, lookup, data]);
  const searched = useSearchedQuery(query);
  const rows = useMemo(() => {
    // Until the full list is read, the remembered first screen stands in for the unsearched list.
    if (!data.complete) return searched.trim() ? [] : ((data.firstScreen?.rows ?? []) as Row[]);
    if (!searched.trim()) return unsearched();
    return buildRows(search(index, searched, signals, SEARCH_LIMIT), lookup, data.portals, data.prefs);
  }, [index, searched, signals, unsearched, lookup, data]);
  const totalAccounts = data.complete
    ? data.directories.reduce((sum, d) => sum + d.accounts.length, 0)
    : (data.firstScreen?.totalAccounts ?? 0);
  const syncedAt = data.complete
    ? Math.min(...data.directories.map((d) => d.syncedAt ?? 0))
    : (data.firstScreen?.syncedAt ?? 0);
  // What the unsearched list shows now is what the next popup shows first. Compared with what this popup last
  // wrote, not with what it read at start, so a sync's reloads do not rewrite the same screen again and again.
  const remembered = useRef(data.firstScreen);
  useEffect(() => {
    if (!data.complete || query.trim() || showHidden) return;
    const next = firstScreenOf(rows, totalAccounts, syncedAt);
    const previous = remembered.current;
    remembered.current = next;
    rememberFirstScreen(next, previous).catch(() => undefined);
    // The list at rest is also what the next popup draws before its app has loaded (first-paint.ts).
    if (!editing) rememberFirstPaint();
  }, [rows]);
  const activeIndex = rows[active]?.kind === 'role' ? active : nextRoleIndex(rows, -1, 1);
  const shownAccounts = data.complete ? rows.filter((r) => r.kind === 'account').length : totalAccounts;

  const handlers: RowHandlers = {
    onOpen: (row, newTab) => {
      setNotice(null);
      actions.openConsole(row.entry, { newTab }).then(closeIfPopup, report);
    },
    onCopyLink: (row) => {
      const portal = data.portals.find((p) => p.id === row.entry.portalId);
      if (!portal) return;
      const link = portalShortcutLink(awsStartUrl(portal), row.entry.accountId, row.entry.roleName);
      navigator.clipboard
        .writeText(link)
        .then(() => announce(`Link to ${row.entry.roleName} copied.`), report);
    },
    onCopyCredentials: (row) => {
      setNotice(null);
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
    onEditAccount: setEditing,
  };

  // Keys that act on search results, pressed before the full list is read (a few hundred ms at 10,000
  // accounts): held back and played once it is, so "prod admin⏎" typed at once opens what it would a second later.
  const waitingKeys = useRef<QueuedKey[]>([]);
  useEffect(() => {
    if (!data.complete || waitingKeys.current.length === 0 || !input.current) return;
    playKeys(input.current, waitingKeys.current.splice(0));
  }, [data.complete]);

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
      setActive(-1);
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

  return (
    <div class="directory">
      <div class="search">
        <input
          ref={input}
          type="search"
          // biome-ignore lint/a11y/noRedundantRoles: without it a search input is a searchbox; the grid popup pattern needs a combobox (docs/accessibility.md)
          role="combobox"
          list={undefined}
          aria-label="Search accounts and roles"
          aria-haspopup="grid"
          aria-controls="directory-list"
          aria-expanded="true"
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? roleCellId(activeIndex) : undefined}
          placeholder="Search accounts and roles"
          spellcheck={false}
          autoComplete="off"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      {notice && (
        <p class="notice error" role="alert">
          {notice}
        </p>
      )}
      <SyncStatus
        totalAccounts={totalAccounts}
        syncedAt={syncedAt}
        progress={data.progress}
        shownAccounts={shownAccounts}
        now={Date.now()}
      />
      {rows.length === 0 ? (
        <p class="empty muted" role="status">
          {!data.complete
            ? 'Loading accounts…'
            : entries.length === 0
              ? 'No accounts yet.'
              : `Nothing matches “${query}”. Try fewer or shorter words.`}
        </p>
      ) : (
        <VirtualList
          id="directory-list"
          label="Accounts and roles"
          rows={rows}
          rowHeight={rowHeight}
          height={LIST_HEIGHT}
          activeIndex={activeIndex}
          busy={!data.complete}
          renderRow={(row, i) =>
            row.kind === 'portal' ? (
              <PortalHeader row={row} index={i} />
            ) : row.kind === 'account' ? (
              <AccountHeader row={row} index={i} handlers={handlers} />
            ) : (
              <RoleLine row={row} index={i} active={i === activeIndex} handlers={handlers} />
            )
          }
        />
      )}
      {/* Read by screen readers after the active role's name (aria-describedby): what its row offers by key. */}
      <span id={ROW_KEYS_DESCRIPTION_ID} hidden>
        {ROW_KEYS_DESCRIPTION}
      </span>
      <footer class="directory-footer">
        <div class="footer-line">
          {/* What was just done takes the place of the key hints; the live region itself always stays. */}
          <p class="copied muted" role="status" data-snapshot="no-text">
            {announcement}
          </p>
          {!announcement && (
            <p class="keys muted" aria-hidden="true">
              ↓↑ choose · Enter open · ⇧Enter new tab · Alt+K CLI
            </p>
          )}
          <button
            type="button"
            class="icon-button keys-button"
            aria-haspopup="dialog"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts"
            onClick={() => setShowKeys(true)}
          >
            ?
          </button>
        </div>
        <div class="footer-line">
          <label class="format-picker muted" for="credential-format">
            CLI credential format
          </label>
          <select
            id="credential-format"
            value={credentials.format}
            title="Format of copied CLI credentials (Alt+K)"
            onChange={(e) => credentials.setFormat(e.currentTarget.value as CredentialFormat)}
          >
            {CREDENTIAL_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
          {hiddenCount > 0 && (
            <button
              type="button"
              class="link-button"
              aria-pressed={showHidden}
              onClick={() => setShowHidden(!showHidden)}
            >
              {showHidden ? 'Hide hidden accounts' : `Show ${hiddenCount} hidden`}
            </button>
          )}
        </div>
      </footer>
      {showKeys && (
        <KeyList
          onClose={() => {
            setShowKeys(false);
            input.current?.focus();
          }}
        />
      )}
      {editing && (
        <AccountEditor
          row={editing}
          onSave={(patch) => actions.updateAccountPrefs(editing.account.accountId, patch)}
          onClose={() => {
            setEditing(null);
            input.current?.focus();
          }}
        />
      )}
    </div>
  );
}

/** The account a role row belongs to: the nearest account row above it. */
function accountRowOf(rows: readonly Row[], index: number): AccountRow | undefined {
  for (let i = index; i >= 0; i--) {
    const row = rows[i];
    if (row?.kind === 'account') return row;
  }
  return undefined;
}

/** Shared with the omnibox (src/shared/directory/ranking-signals.ts) so both rank alike. */
function favoritesAndUsage(data: DirectoryData): RankingSignals {
  return rankingSignals(data.directories, data.prefs, data.usage, Date.now());
}
