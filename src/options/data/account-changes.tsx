import { useState } from 'preact/hooks';
import type { ImportPreview } from '../../shared/settings/import-plan';
import { Change, ChangeList } from './change-values';

/** At most this many accounts are listed; the rest are counted. */
const LISTED_ACCOUNTS = 12;

/** The fields that make prod look like prod, each in a column of its own; anything else goes under "Other". */
const COLUMNS: readonly (readonly [field: string, heading: string])[] = [
  ['alias', 'Alias'],
  ['color', 'Colour'],
  ['tier', 'Danger tier'],
  ['hidden', 'Hidden'],
];

const count = (n: number) => `${n} account${n === 1 ? '' : 's'}`;

function Unchanged() {
  return (
    <>
      <span class="muted" aria-hidden="true">
        –
      </span>
      <span class="visually-hidden">unchanged</span>
    </>
  );
}

interface Props {
  accounts: ImportPreview['accounts'];
  /** The account's name (alias, else name) when it is cached here. */
  nameOf(accountId: string): string | undefined;
}

const looks = (a: ImportPreview['accounts'][number]) =>
  a.changes.some((c) => COLUMNS.some(([field]) => field === c.field));

/**
 * Each account's settings before → after, one row per account, one column per field. Accounts whose look
 * changes (alias, colour, tier, hidden) come first, so a file cannot bury prod's new colour under a long list;
 * the rest are one click away.
 */
export function AccountChanges({ accounts, nameOf }: Props) {
  const [all, setAll] = useState(false);
  const ordered = [...accounts.filter(looks), ...accounts.filter((a) => !looks(a))];
  const listed = all ? ordered : ordered.slice(0, LISTED_ACCOUNTS);
  return (
    <div class="import-table-wrap">
      <table class="import-accounts">
        <caption>Account settings: {count(accounts.length)}</caption>
        <thead>
          <tr>
            <th scope="col">Account</th>
            {COLUMNS.map(([field, heading]) => (
              <th key={field} scope="col">
                {heading}
              </th>
            ))}
            <th scope="col">Other settings</th>
          </tr>
        </thead>
        <tbody>
          {listed.map(({ accountId, changes }) => {
            const other = changes.filter((c) => !COLUMNS.some(([field]) => field === c.field));
            return (
              <tr key={accountId}>
                <th scope="row">
                  {nameOf(accountId) ?? <em class="muted">not cached here</em>}{' '}
                  <span class="muted account-id">({accountId})</span>
                </th>
                {COLUMNS.map(([field]) => {
                  const change = changes.find((c) => c.field === field);
                  return (
                    <td key={field} class={field === 'alias' ? undefined : 'short'}>
                      {change ? <Change {...change} /> : <Unchanged />}
                    </td>
                  );
                })}
                <td>{other.length ? <ChangeList changes={other} /> : <Unchanged />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!all && accounts.length > LISTED_ACCOUNTS && (
        <p class="muted">
          and {count(accounts.length - LISTED_ACCOUNTS)} more.{' '}
          <button type="button" onClick={() => setAll(true)}>
            Show all {count(accounts.length)}
          </button>
        </p>
      )}
    </div>
  );
}
