import type { ImportPreview, PortalPreview } from '../../shared/settings/import-plan';
import { AccountChanges } from './account-changes';
import { Change, word } from './change-values';
import { PortalChanges } from './portal-changes';
import './import-preview.css';

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** One line for the status after an import. */
export function summarise(preview: ImportPreview): string {
  const { added, changed, startUrlChanged, removed } = preview.portals;
  const parts = [
    added.length && `${count(added.length, 'portal')} added`,
    startUrlChanged.length && `start URL of ${count(startUrlChanged.length, 'portal')} changed`,
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
  isTrusted(portal: PortalPreview): boolean;
  onTrust(portal: PortalPreview, trusted: boolean): void;
}

/**
 * What an import would change, before anything is written: values, not only names of fields, because a settings
 * file is hostile input (docs/security.md) and "prod-payments: alias, tier, colour" hides a prod account turned
 * into a green sandbox.
 */
export function ImportPreviewView({ preview, nameOf, isTrusted, onTrust }: Props) {
  return (
    <section class="import-preview" aria-label="Import preview">
      <h4>{preview.hasChanges ? 'This import will change:' : 'This file changes nothing here.'}</h4>
      <PortalChanges portals={preview.portals} isTrusted={isTrusted} onTrust={onTrust} />
      {preview.accounts.length > 0 && <AccountChanges accounts={preview.accounts} nameOf={nameOf} />}
      {preview.preferences.length > 0 && (
        <>
          <h5>Preferences: {preview.preferences.length}</h5>
          <ul>
            {preview.preferences.map((p) => (
              <li key={p.field}>
                {word(p.field)}: <Change {...p} />
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.warnings.length > 0 && (
        <>
          <h5>Notes</h5>
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
