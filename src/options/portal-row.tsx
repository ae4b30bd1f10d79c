import { useState } from 'preact/hooks';
import { parseStartUrl } from '../shared/aws/start-url';
import { requestVanityAccess } from '../shared/host-access';
import { type PortalView, portalLabel } from '../shared/portals/portal';
import { lockPath } from '../shared/settings/effective';
import type { Actions } from '../ui/actions';
import { forgetFirstPaint } from '../ui/first-paint-key';
import { SET_BY_ORGANISATION } from '../ui/managed-text';
import { PortalSession } from '../ui/portal-session';
import { PortalEndpointsField } from './portal-endpoints-field';

interface Props {
  actions: Actions;
  view: PortalView;
  /** Whether the administrator locks a path (a managed portal cannot be removed, nor renamed if named). */
  isLocked?: (path: string) => boolean;
}

/** A configured portal in the settings: its session, its details, rename and remove. */
/** A company's own address for its portal (docs/aws-protocol.md §3), not one of AWS's start URL forms. */
function isCompanyAddress(startUrl: string): boolean {
  const parsed = parseStartUrl(startUrl);
  return parsed.ok && parsed.kind === 'custom';
}

export function PortalRow({ actions, view, isLocked = () => false }: Props) {
  const { portal } = view;
  const managed = isLocked(lockPath.portal(portal.id));
  const nameLocked = isLocked(lockPath.portal(portal.id, 'name'));
  const lockedNote = `portal-locked-${portal.id}`;
  const [name, setName] = useState(portal.name ?? '');
  const [confirming, setConfirming] = useState(false);
  const label = portalLabel(portal);
  return (
    <li class="portal-row">
      <PortalSession actions={actions} portal={portal} session={view.session} />
      <dl class="portal-details">
        <dt>Start URL</dt>
        <dd>{portal.startUrl}</dd>
        {portal.resolvedStartUrl ? (
          <>
            {/* A company vanity address: where it leads is what AWS is sent (docs/aws-protocol.md §3). */}
            <dt>Leads to</dt>
            <dd>{portal.resolvedStartUrl}</dd>
          </>
        ) : (
          isCompanyAddress(portal.startUrl) && (
            <>
              <dt>Leads to</dt>
              <dd>
                not followed yet{' '}
                <button
                  type="button"
                  // Straight from the click: the browser asks only on a user action. Then the sign-in follows it.
                  onClick={() =>
                    requestVanityAccess(portal.startUrl).then(
                      (allowed) => allowed && actions.signIn(portal.id).catch(() => undefined),
                      () => undefined,
                    )
                  }
                >
                  Allow visiting {new URL(portal.startUrl).hostname}
                </button>
              </dd>
            </>
          )
        )}
        <dt>Region</dt>
        <dd>{portal.region}</dd>
        {managed && (
          <>
            <dt>Managed</dt>
            <dd id={lockedNote}>
              {SET_BY_ORGANISATION}: it cannot be removed{nameLocked ? ' or renamed' : ''}.
            </dd>
          </>
        )}
      </dl>
      <PortalEndpointsField
        actions={actions}
        portal={portal}
        locked={isLocked(lockPath.portal(portal.id, 'ipStack'))}
        lockedNote={lockedNote}
      />
      <form
        class="actions"
        onSubmit={(e) => {
          e.preventDefault();
          actions.renamePortal(portal.id, name).catch(() => undefined);
        }}
      >
        <label for={`name-${portal.id}`}>Display name</label>
        <input
          id={`name-${portal.id}`}
          value={name}
          maxLength={100}
          disabled={nameLocked}
          aria-describedby={nameLocked ? lockedNote : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" disabled={nameLocked} aria-describedby={nameLocked ? lockedNote : undefined}>
          Rename
        </button>
        {confirming ? (
          <>
            <span>Remove {label} and sign out?</span>
            <button
              type="button"
              class="danger"
              // The popup's first paint shows this portal's accounts: forget it with the portal.
              onClick={() => actions.removePortal(portal.id).then(forgetFirstPaint, () => undefined)}
            >
              Yes, remove
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              onClick={() => actions.forgetCachedAccounts(portal.id).catch(() => undefined)}
            >
              Forget cached accounts
            </button>
            <button
              type="button"
              disabled={managed}
              aria-describedby={managed ? lockedNote : undefined}
              onClick={() => setConfirming(true)}
            >
              Remove portal
            </button>
          </>
        )}
      </form>
    </li>
  );
}
