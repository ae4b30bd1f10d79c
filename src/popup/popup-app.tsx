import { useEffect } from 'preact/hooks';
import type { Actions } from '../ui/actions';
import { AddPortalForm } from '../ui/add-portal-form';
import { closeIfPopup } from '../ui/close-if-popup';
import { forgetFirstPaint } from '../ui/first-paint-key';
import { HostAccessBanner } from '../ui/host-access-banner';
import { PortalSession } from '../ui/portal-session';
import { usePortals } from '../ui/use-portals';
import { DirectoryView } from './directory/directory-view';
import { type DirectoryData, useDirectory } from './directory/use-directory';
import { PortalInTab } from './discover/portal-in-tab';
import { usePortalInTab } from './discover/use-portal-in-tab';
import { useConsoleNotice } from './use-console-notice';

export function PopupApp({
  actions,
  initial,
  initialQuery = '',
}: {
  actions: Actions;
  initial: DirectoryData;
  /** What was typed into the first paint's search box before the app arrived. */
  initialQuery?: string;
}) {
  const directory = useDirectory(initial);
  const { portals, error } = usePortals(actions);
  const consoleNotice = useConsoleNotice();
  const portalInTab = usePortalInTab(portals?.map((view) => view.portal) ?? null);
  const signedIn = portals?.filter((p) => p.session.state === 'signed-in') ?? [];
  const needAttention = portals?.filter((p) => p.session.state !== 'signed-in') ?? [];

  // Opening the popup is the moment to refresh a stale cache; the background skips fresh ones.
  const signedInIds = signedIn.map((p) => p.portal.id).join(',');
  useEffect(() => {
    for (const portalId of signedInIds.split(',').filter(Boolean))
      actions.syncDirectory(portalId, false).catch(() => undefined);
  }, [actions, signedInIds]);

  const firstRun = directory.portals.length === 0 && portals?.length === 0;
  useEffect(() => {
    if (firstRun) forgetFirstPaint();
  }, [firstRun]);
  return (
    <>
      <header class="popup-header">
        <img src="/icons/icon-32.png" alt="" />
        <h1>AWS SSO Switcher</h1>
        {signedIn.length > 0 && (
          <button
            type="button"
            onClick={() => {
              for (const p of signedIn) actions.syncDirectory(p.portal.id, true).catch(() => undefined);
            }}
          >
            Sync
          </button>
        )}
        <button type="button" onClick={() => actions.openOptions()}>
          Settings
        </button>
      </header>
      <main>
        <HostAccessBanner />
        {error && (
          <p role="alert" class="error popup-body">
            {error}
          </p>
        )}
        {consoleNotice && (
          <p role="status" class="notice popup-body">
            {consoleNotice}
          </p>
        )}
        {portalInTab && portals && (
          <PortalInTab actions={actions} found={portalInTab} portals={portals.map((view) => view.portal)} />
        )}
        {firstRun && portalInTab === null && (
          <section class="popup-body first-run" aria-labelledby="first-run-title">
            <h2 id="first-run-title">Add your AWS access portal</h2>
            <p class="muted">
              Paste the start URL of your IAM Identity Center portal to sign in and list your accounts.
            </p>
            <AddPortalForm
              actions={actions}
              submitLabel="Add and sign in"
              autoFocus
              onAdded={({ portal }) => actions.signIn(portal.id).catch(() => undefined)}
              onCompanyAddress={(startUrl) => void actions.openOptions({ startUrl }).then(closeIfPopup)}
            />
          </section>
        )}
        {needAttention.map((view) => (
          <PortalSession key={view.portal.id} actions={actions} portal={view.portal} session={view.session} />
        ))}
        {directory.portals.length > 0 && (
          <DirectoryView actions={actions} data={directory} initialQuery={initialQuery} />
        )}
      </main>
    </>
  );
}
