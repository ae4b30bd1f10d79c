import type { ImportPreview, PortalPreview } from '../../shared/settings/import-plan';
import { visibleText } from '../../shared/text/visible-text';
import { ChangeList } from './change-values';
import { HostNote, StartUrl } from './start-url-view';

/**
 * The portals an import adds, moves to another start URL, changes and removes, each with its start URL (host in
 * bold) and whose host it is. A start URL change has its own checkbox: the import cannot be applied until the
 * user says they trust the new address (plan-portals.ts says why).
 */

interface Props {
  portals: ImportPreview['portals'];
  isTrusted(portal: PortalPreview): boolean;
  onTrust(portal: PortalPreview, trusted: boolean): void;
}

const domId = (prefix: string, portal: PortalPreview) => `${prefix}-${portal.id}`;

function PortalEntry({ portal, note = true }: { portal: PortalPreview; note?: boolean }) {
  return (
    <li>
      <strong>{visibleText(portal.label)}</strong>: <StartUrl url={portal.startUrl} />
      {portal.changes && portal.changes.length > 0 && (
        <div>
          <ChangeList changes={portal.changes} />
        </div>
      )}
      {note && <HostNote startUrl={portal.startUrl} resolvedStartUrl={portal.resolvedStartUrl} />}
    </li>
  );
}

function StartUrlChange({ portal, isTrusted, onTrust }: { portal: PortalPreview } & Omit<Props, 'portals'>) {
  const previous = portal.previous ?? { startUrl: '' };
  const noteId = domId('host-note', portal);
  return (
    <li class="start-url-change">
      <p>
        <strong>{visibleText(portal.label)}</strong>: start URL changed:
      </p>
      <p class="url-change">
        <StartUrl url={previous.startUrl} />
        <br />
        <span aria-hidden="true">→ </span>
        <span class="visually-hidden">to </span>
        <StartUrl url={portal.startUrl} />
      </p>
      <HostNote id={noteId} startUrl={portal.startUrl} resolvedStartUrl={portal.resolvedStartUrl} />
      <p class="muted">
        {portal.changes && portal.changes.length > 0 && (
          <>
            Also <ChangeList changes={portal.changes} />.{' '}
          </>
        )}
        Applying signs {visibleText(portal.label)} out and forgets its cached accounts: its sign-in belonged
        to the old start URL.
      </p>
      <label class="checkbox trust-start-url">
        <input
          type="checkbox"
          checked={isTrusted(portal)}
          aria-describedby={noteId}
          onChange={(e) => onTrust(portal, e.currentTarget.checked)}
        />
        I trust the new start URL of {visibleText(portal.label)}
      </label>
    </li>
  );
}

export function PortalChanges({ portals, isTrusted, onTrust }: Props) {
  const { added, changed, startUrlChanged, removed } = portals;
  return (
    <>
      {startUrlChanged.length > 0 && (
        <>
          <h5>Start URL changed: confirm each</h5>
          <ul class="import-portals">
            {startUrlChanged.map((portal) => (
              <StartUrlChange key={portal.id} portal={portal} isTrusted={isTrusted} onTrust={onTrust} />
            ))}
          </ul>
        </>
      )}
      {added.length > 0 && (
        <>
          <h5>Portals added (signed out)</h5>
          <ul class="import-portals">
            {added.map((portal) => (
              <PortalEntry key={portal.id} portal={portal} />
            ))}
          </ul>
        </>
      )}
      {changed.length > 0 && (
        <>
          <h5>Portals changed</h5>
          <ul class="import-portals">
            {changed.map((portal) => (
              <PortalEntry key={portal.id} portal={portal} note={false} />
            ))}
          </ul>
        </>
      )}
      {removed.length > 0 && (
        <>
          <h5>Portals removed (signed out, cached accounts forgotten)</h5>
          <ul class="import-portals">
            {removed.map((portal) => (
              <PortalEntry key={portal.id} portal={portal} note={false} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
