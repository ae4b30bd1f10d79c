import { CREDENTIAL_FORMATS, type CredentialFormat } from '../../shared/credentials/formats';
import type { Actions } from '../../ui/actions';
import { VirtualList } from '../../ui/virtual-list';
import { AccountEditor } from './account-editor';
import { KeyList } from './key-list';
import { ROW_KEYS_DESCRIPTION, ROW_KEYS_DESCRIPTION_ID } from './row-keys';
import { AccountHeader, PortalHeader, RoleLine, roleCellId } from './row-views';
import { rowHeight } from './rows';
import { SyncStatus } from './sync-status';
import type { DirectoryData } from './use-directory';
import { useDirectoryStore } from './use-directory-store';

// Leaves room for the two footer lines within the ~560 px Chrome gives the popup.
const LIST_HEIGHT = 372;

/**
 * The searchable list of every account and role: the popup's main view. Keyboard first. What it shows and
 * does is the store's (use-directory-store.ts); this is only how it looks.
 */
export function DirectoryView({
  actions,
  data,
  initialQuery = '',
}: {
  actions: Actions;
  data: DirectoryData;
  initialQuery?: string;
}) {
  const store = useDirectoryStore(actions, data, initialQuery);
  const { rows, activeIndex, handlers, query, credentials, editing, announcement } = store;

  return (
    <div class="directory">
      <div class="search">
        <input
          ref={store.input}
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
          onInput={(e) => store.setQuery(e.currentTarget.value)}
          onKeyDown={store.onKeyDown}
        />
      </div>
      {store.notice && (
        <p class="notice error" role="alert">
          {store.notice}
        </p>
      )}
      <SyncStatus
        totalAccounts={store.totalAccounts}
        syncedAt={store.syncedAt}
        progress={data.progress}
        shownAccounts={store.shownAccounts}
        now={Date.now()}
      />
      {rows.length === 0 ? (
        <p class="empty muted" role="status">
          {!data.complete
            ? 'Loading accounts…'
            : store.roleCount === 0
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
            onClick={() => store.setShowKeys(true)}
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
          {store.hiddenCount > 0 && (
            <button
              type="button"
              class="link-button"
              aria-pressed={store.showHidden}
              onClick={store.toggleHidden}
            >
              {store.showHidden ? 'Hide hidden accounts' : `Show ${store.hiddenCount} hidden`}
            </button>
          )}
        </div>
      </footer>
      {store.showKeys && <KeyList onClose={() => store.setShowKeys(false)} />}
      {editing && (
        <AccountEditor
          row={editing}
          onSave={(patch) => actions.updateAccountPrefs(editing.account.accountId, patch)}
          onClose={store.closeEditor}
        />
      )}
    </div>
  );
}
