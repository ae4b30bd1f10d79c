import { useEffect, useState } from 'preact/hooks';
import type { Actions } from '../ui/actions';

export function OptionsApp({ actions }: { actions: Actions }) {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    actions.getStatus().then(
      (status) => setVersion(status.version),
      () => setVersion(null),
    );
  }, [actions]);

  return (
    <div class="options">
      <header>
        <img src="/icons/icon-48.png" alt="" />
        <h1>AWS SSO Switcher settings</h1>
        {version && <span class="muted">v{version}</span>}
      </header>
      <section aria-labelledby="portals-title">
        <h2 id="portals-title">Portals</h2>
        <p class="muted">No portal yet.</p>
      </section>
    </div>
  );
}
