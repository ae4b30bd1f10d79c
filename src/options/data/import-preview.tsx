import type { ImportPreview } from '../../shared/settings/import-plan';
import './import-preview.css';

/** At most this many accounts are listed; the rest are counted. */
const LISTED_ACCOUNTS = 12;

/** Field names as the settings page calls them. */
const WORDS: Readonly<Record<string, string>> = {
  alias: 'alias',
  color: 'colour',
  tier: 'danger tier',
  defaultRegion: 'console region',
  hidden: 'hidden',
  favorite: 'favourite',
  favoriteRoles: 'favourite roles',
  name: 'name',
  tagging: 'console tags',
  consoleTabMode: 'where consoles open',
  sessionDurationMinutes: 'console session length',
  multiSession: 'other console sessions',
  credentialFormat: 'credential format',
  profileTemplate: 'profile names',
};
const word = (field: string) => WORDS[field] ?? field;
const show = (value: unknown) => (value === null || value === undefined ? 'default' : JSON.stringify(value));
const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One line for the status after an import. */
export function summarise(preview: ImportPreview): string {
  const { added, changed, removed } = preview.portals;
  const parts = [
    added.length && `${count(added.length, 'portal')} added`,
    changed.length && `${count(changed.length, 'portal')} renamed`,
    removed.length && `${count(removed.length, 'portal')} removed`,
    preview.accounts.length && `settings of ${count(preview.accounts.length, 'account')}`,
    preview.preferences.length && count(preview.preferences.length, 'preference'),
  ].filter(Boolean);
  return parts.length ? `Imported: ${parts.join(', ')}.` : 'Imported: nothing needed to change.';
}

interface Props {
  preview: ImportPreview;
  /** The account's name (alias, else name) when it is cached here. */
  nameOf(accountId: string): string | undefined;
}

/** What an import would change, before anything is written. */
export function ImportPreviewView({ preview, nameOf }: Props) {
  const { added, changed, removed } = preview.portals;
  const accounts = preview.accounts;
  return (
    <section class="import-preview" aria-label="Import preview">
      <h4>{preview.hasChanges ? 'This import will change:' : 'This file changes nothing here.'}</h4>
      {preview.hasChanges && (
        <dl>
          {added.length > 0 && (
            <>
              <dt>Portals added (signed out)</dt>
              <dd>{added.map((p) => p.label).join(', ')}</dd>
            </>
          )}
          {changed.length > 0 && (
            <>
              <dt>Portals changed</dt>
              <dd>
                {changed.map((p) => `${p.label} (${(p.fields ?? []).map(word).join(', ')})`).join(', ')}
              </dd>
            </>
          )}
          {removed.length > 0 && (
            <>
              <dt>Portals removed (signed out, cached accounts forgotten)</dt>
              <dd>{removed.map((p) => p.label).join(', ')}</dd>
            </>
          )}
          {accounts.length > 0 && (
            <>
              <dt>Account settings: {count(accounts.length, 'account')}</dt>
              <dd>
                <ul>
                  {accounts.slice(0, LISTED_ACCOUNTS).map((a) => (
                    <li key={a.accountId}>
                      {nameOf(a.accountId) ?? 'not cached here'} ({a.accountId}):{' '}
                      {a.fields.map(word).join(', ')}
                    </li>
                  ))}
                  {accounts.length > LISTED_ACCOUNTS && <li>and {accounts.length - LISTED_ACCOUNTS} more</li>}
                </ul>
              </dd>
            </>
          )}
          {preview.preferences.length > 0 && (
            <>
              <dt>Preferences: {preview.preferences.length}</dt>
              <dd>
                <ul>
                  {preview.preferences.map((p) => (
                    <li key={p.field}>
                      {word(p.field)}: {show(p.from)} → {show(p.to)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {preview.warnings.length > 0 && (
        <>
          <h4>Notes</h4>
          <ul class="muted">
            {preview.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
