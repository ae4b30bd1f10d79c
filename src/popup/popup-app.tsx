import type { Actions } from '../ui/actions';
import { AddPortalForm } from '../ui/add-portal-form';
import { PortalSession } from '../ui/portal-session';
import { usePortals } from '../ui/use-portals';

export function PopupApp({ actions }: { actions: Actions }) {
  const { portals, error } = usePortals(actions);

  return (
    <>
      <header class="popup-header">
        <img src="/icons/icon-32.png" alt="" />
        <h1>AWS SSO Switcher</h1>
        <button type="button" class="settings-button" onClick={() => actions.openOptions()}>
          Settings
        </button>
      </header>
      <main>
        {error && (
          <p role="alert" class="error popup-body">
            {error}
          </p>
        )}
        {portals?.length === 0 && (
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
            />
          </section>
        )}
        {portals?.map((view) => (
          <PortalSession key={view.portal.id} actions={actions} portal={view.portal} session={view.session} />
        ))}
      </main>
    </>
  );
}
