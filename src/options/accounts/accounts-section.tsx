import { useMemo, useState } from 'preact/hooks';
import type { Actions } from '../../ui/actions';
import type { Managed } from '../use-managed';
import { matchAccounts } from './account-filter';
import { AccountRow, LOCKED_NOTE_ID } from './account-row';
import { BulkEdit } from './bulk-edit';
import { useAccounts } from './use-accounts';
import './accounts.css';

/** Rows per page: a page, not a 10,000-row table, is what the DOM holds. */
const PAGE_SIZE = 50;

const plural = (n: number, one: string) => `${n.toLocaleString()} ${one}${n === 1 ? '' : 's'}`;

/**
 * Settings › Accounts: every cached account of every portal with its alias, colour, danger tier, console
 * region and visibility, editable in place; a search that is also a name pattern (`prod-*`); and one change
 * for all selected accounts. Paged, so 10,000 accounts cost one page of rows.
 */
export function AccountsSection({ actions, managed }: { actions: Actions; managed: Managed }) {
  const [accounts, reload] = useAccounts(actions);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const matching = useMemo(() => matchAccounts(accounts ?? [], query), [accounts, query]);
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = matching.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const anyLocked = shown.some((a) => managed.view.accountPrefs[a.accountId]);
  const report = (e: unknown) => {
    setError(e instanceof Error ? e.message : String(e));
    reload();
  };

  const select = (ids: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    setSelected(next);
  };
  const applyBulk = async (patch: Parameters<typeof actions.bulkUpdateAccountPrefs>[1]) => {
    try {
      const { updated, skippedLocked } = await actions.bulkUpdateAccountPrefs([...selected], patch);
      return `Updated ${plural(updated, 'account')}.${
        skippedLocked ? ` ${plural(skippedLocked, 'account')} kept what your organisation set.` : ''
      }`;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  if (accounts === null) return null;
  return (
    <section aria-labelledby="accounts-title" class="accounts-section">
      <h2 id="accounts-title">Accounts</h2>
      {accounts.length === 0 ? (
        <p class="muted">No accounts cached yet: sign in to a portal and let it sync.</p>
      ) : (
        <>
          <div class="accounts-toolbar">
            <input
              type="search"
              aria-label="Search accounts"
              placeholder="Search, or a name pattern like acme-prod-*"
              value={query}
              onInput={(e) => {
                setQuery(e.currentTarget.value);
                setPage(0);
              }}
            />
            <button
              type="button"
              onClick={() =>
                select(
                  matching.map((a) => a.accountId),
                  true,
                )
              }
            >
              Select all {matching.length.toLocaleString()} matching
            </button>
            <button type="button" disabled={selected.size === 0} onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          </div>
          <BulkEdit count={selected.size} onApply={applyBulk} />
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          {anyLocked && (
            <p id={LOCKED_NOTE_ID} class="muted">
              Greyed-out settings are set by your organisation and cannot be changed here.
            </p>
          )}
          <div class="table-scroll">
            <table class="accounts-table" aria-labelledby="accounts-title" aria-describedby="accounts-range">
              <thead>
                <tr>
                  <th scope="col">
                    <span class="visually-hidden">Selected</span>
                  </th>
                  <th scope="col">Account</th>
                  <th scope="col">Alias</th>
                  <th scope="col">Colour</th>
                  <th scope="col">Danger tier</th>
                  <th scope="col">Console region</th>
                  <th scope="col">Hidden</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((account) => (
                  <AccountRow
                    key={account.accountId}
                    account={account}
                    selected={selected.has(account.accountId)}
                    onSelect={(on) => select([account.accountId], on)}
                    onChange={(patch) => {
                      setError('');
                      actions.updateAccountPrefs(account.accountId, patch).catch(report);
                    }}
                    isLocked={managed.isLocked}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label="Account pages">
            <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous page
            </button>
            <span id="accounts-range" role="status">
              {matching.length === 0
                ? 'No account matches.'
                : `${(current * PAGE_SIZE + 1).toLocaleString()}–${(current * PAGE_SIZE + shown.length).toLocaleString()} of ${plural(matching.length, 'account')}`}
            </span>
            <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
