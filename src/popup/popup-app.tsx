import { useEffect, useState } from 'preact/hooks';
import type { Actions } from '../ui/actions';

export function PopupApp({ actions }: { actions: Actions }) {
  const [version, setVersion] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    actions.getStatus().then(
      (status) => setVersion(status.version),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [actions]);

  return (
    <>
      <header class="popup-header">
        <img src="/icons/icon-32.png" alt="" />
        <h1>AWS SSO Switcher</h1>
        {version && <span class="muted">v{version}</span>}
      </header>
      <main class="popup-body">
        {error ? (
          <p role="alert" class="error">
            {error}
          </p>
        ) : (
          <section class="empty-state" aria-labelledby="no-portal-title">
            <h2 id="no-portal-title">No portal yet</h2>
            <p class="muted">Add your IAM Identity Center start URL to list your accounts and roles.</p>
            <button type="button" class="primary" onClick={() => actions.openOptions()}>
              Add a portal
            </button>
          </section>
        )}
      </main>
    </>
  );
}
