import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { hasHostAccess, requestHostAccess } from '../shared/host-access';

/**
 * Shown when the browser withholds access to AWS sites (Firefox's opt-in host permissions, Chrome's "site
 * access"): says so and asks, instead of letting every sign-in fail as if the network were down.
 */
export function HostAccessBanner() {
  const [missing, setMissing] = useState(false);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const check = () => {
      hasHostAccess().then(
        (ok) => setMissing(!ok),
        () => undefined,
      );
    };
    check();
    browser.permissions.onAdded?.addListener(check);
    browser.permissions.onRemoved?.addListener(check);
    return () => {
      browser.permissions.onAdded?.removeListener(check);
      browser.permissions.onRemoved?.removeListener(check);
    };
  }, []);
  if (!missing) return null;
  return (
    <div class="host-access" role="alert">
      <p>
        AWS SSO Switcher is not allowed to reach AWS sites in this browser, so it cannot sign in, list
        accounts or tag consoles.
      </p>
      <button
        type="button"
        onClick={() => {
          requestHostAccess().then(
            (granted) => {
              setRefused(!granted);
              setMissing(!granted);
            },
            () => setRefused(true),
          );
        }}
      >
        Allow access to AWS sites
      </button>
      {refused && (
        <p class="muted">Not allowed. You can also allow it in the browser’s extension settings.</p>
      )}
    </div>
  );
}
