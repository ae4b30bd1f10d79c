import { useEffect, useState } from 'preact/hooks';
import type { Actions } from '../ui/actions';
import { AddPortalForm } from '../ui/add-portal-form';
import { HostAccessBanner } from '../ui/host-access-banner';
import { usePortals } from '../ui/use-portals';
import { AccountsSection } from './accounts/accounts-section';
import { CliPreferences } from './cli-preferences';
import { ConsolePreferences } from './console-preferences';
import { DataSection } from './data/data-section';
import { ManagedBanner } from './managed-banner';
import { NoticeBanner } from './notice-banner';
import { PortalRow } from './portal-row';
import { SessionPreferences } from './session-preferences';
import { ShortcutsSection } from './shortcuts-section';
import { TaggingPreferences } from './tagging-preferences';
import { useManaged } from './use-managed';
import { usePreferences } from './use-preferences';

/** Values an admin (or `npm start`) can pass in the page's query to pre-fill the add-portal form. */
function prefill(search: string) {
  const query = new URLSearchParams(search);
  const pick = (key: string) => query.get(key)?.slice(0, 2048) ?? undefined;
  return { startUrl: pick('startUrl'), region: pick('region'), name: pick('name') };
}

export function OptionsApp({ actions, search = location.search }: { actions: Actions; search?: string }) {
  const [version, setVersion] = useState<string | null>(null);
  const { portals, error } = usePortals(actions);
  const [preferences, setPreferences] = usePreferences(actions);
  const managed = useManaged(actions);
  const [formKey, setFormKey] = useState(0);
  const initial = prefill(search);

  useEffect(() => {
    actions.getStatus().then(
      (status) => setVersion(status.version),
      () => setVersion(null),
    );
  }, [actions]);

  return (
    // The whole page is its main content: one landmark for assistive technology to jump to.
    <main class="options">
      <header>
        <img src="/icons/icon-48.png" alt="" />
        <h1>AWS SSO Switcher settings</h1>
        {version && <span class="muted">v{version}</span>}
      </header>
      <HostAccessBanner />
      <NoticeBanner actions={actions} />
      <ManagedBanner managed={managed} />
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <section aria-labelledby="portals-title">
        <h2 id="portals-title">Portals</h2>
        {portals?.length === 0 && (
          <p class="muted">No portal yet. Add the start URL of your AWS access portal below.</p>
        )}
        <ul class="portal-list">
          {portals?.map((view) => (
            <PortalRow key={view.portal.id} actions={actions} view={view} isLocked={managed.isLocked} />
          ))}
        </ul>
        <h3 class="add-title">Add a portal</h3>
        <AddPortalForm
          key={formKey}
          actions={actions}
          initial={formKey === 0 ? initial : {}}
          submitLabel="Add and sign in"
          autoFocus={portals?.length === 0}
          onAdded={({ portal }) => {
            setFormKey((k) => k + 1);
            actions.signIn(portal.id).catch(() => undefined);
          }}
        />
      </section>
      <AccountsSection actions={actions} managed={managed} />
      {preferences && (
        <>
          <ConsolePreferences
            actions={actions}
            preferences={preferences}
            onChange={setPreferences}
            isLocked={managed.isLocked}
          />
          <TaggingPreferences
            actions={actions}
            preferences={preferences}
            onChange={setPreferences}
            isLocked={managed.isLocked}
          />
          <CliPreferences
            actions={actions}
            preferences={preferences}
            onChange={setPreferences}
            isLocked={managed.isLocked}
          />
          <SessionPreferences
            actions={actions}
            preferences={preferences}
            onChange={setPreferences}
            isLocked={managed.isLocked}
          />
        </>
      )}
      <ShortcutsSection />
      <DataSection actions={actions} />
    </main>
  );
}
