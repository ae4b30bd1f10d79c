import { useState } from 'preact/hooks';
import { type PortalView, portalLabel } from '../shared/portals/portal';
import type { Actions } from '../ui/actions';
import { PortalSession } from '../ui/portal-session';

/** A configured portal in the settings: its session, its details, rename and remove. */
export function PortalRow({ actions, view }: { actions: Actions; view: PortalView }) {
  const { portal } = view;
  const [name, setName] = useState(portal.name ?? '');
  const [confirming, setConfirming] = useState(false);
  const label = portalLabel(portal);
  return (
    <li class="portal-row">
      <PortalSession actions={actions} portal={portal} session={view.session} />
      <dl class="portal-details">
        <dt>Start URL</dt>
        <dd>{portal.startUrl}</dd>
        <dt>Region</dt>
        <dd>{portal.region}</dd>
      </dl>
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
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit">Rename</button>
        {confirming ? (
          <>
            <span>Remove {label} and sign out?</span>
            <button
              type="button"
              class="danger"
              onClick={() => actions.removePortal(portal.id).catch(() => undefined)}
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
            <button type="button" onClick={() => setConfirming(true)}>
              Remove portal
            </button>
          </>
        )}
      </form>
    </li>
  );
}
