import type { Portal } from '../../shared/portals/portal';
import type { Actions } from '../../ui/actions';
import { AddPortalForm } from '../../ui/add-portal-form';
import { type DiscoveredPortal, isPortalAdded } from './use-portal-in-tab';

interface Props {
  actions: Actions;
  found: DiscoveredPortal;
  portals: readonly Portal[];
}

/**
 * The access portal open in the active tab: offered with its start URL and region filled in, or recognised as
 * already added (same start URL, or the AWS portal a vanity address was resolved to). Text from the tab only
 * reaches the DOM as text (JSX), after the start-URL parser and region table have accepted it.
 */
export function PortalInTab({ actions, found, portals }: Props) {
  const added = isPortalAdded(found.startUrl, portals);
  const host = new URL(found.startUrl).hostname;
  if (added) {
    return (
      <p class="popup-body portal-in-tab-added muted" role="status">
        This portal is already added ({host}).
      </p>
    );
  }
  return (
    <section class="popup-body portal-in-tab" aria-labelledby="portal-in-tab-title">
      <h2 id="portal-in-tab-title">Add this portal</h2>
      <p class="muted">
        The active tab is an AWS access portal. Add it to sign in and list its accounts here.
      </p>
      <AddPortalForm
        actions={actions}
        initial={{ startUrl: found.startUrl, ...(found.region ? { region: found.region } : {}) }}
        startUrlNote="From the active tab."
        regionNote={found.regionFrom === 'page' ? 'Read from the portal page.' : undefined}
        submitLabel="Add this portal"
        autoFocus={found.region ? false : 'region'}
      />
    </section>
  );
}
