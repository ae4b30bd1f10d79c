import { useState } from 'preact/hooks';
import type { Actions } from '../../ui/actions';

/** Reset asks first and says what stays: portals, their sign-ins and cached accounts, and “stay signed in”. */
export function ResetPanel({ actions }: { actions: Actions }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const reset = async () => {
    try {
      await actions.resetSettings();
      setStatus('Settings reset. A copy of what was reset is kept in this browser’s backup.');
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
    setConfirming(false);
  };
  return (
    <div class="reset-panel">
      <h3>Reset</h3>
      <p class="muted">
        Puts preferences, account settings (aliases, colours, tiers, regions, hidden, favourites) and the
        usage history back to their defaults, also in your other browsers that sync. Kept: your portals and
        sign-ins, cached accounts, and “stay signed in”.
      </p>
      {confirming ? (
        <fieldset class="confirm" aria-labelledby="reset-question">
          <p id="reset-question">Reset all settings? This cannot be undone from here.</p>
          <div class="actions">
            <button type="button" class="danger" onClick={reset}>
              Yes, reset settings
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep my settings
            </button>
          </div>
        </fieldset>
      ) : (
        <div class="actions">
          <button type="button" onClick={() => setConfirming(true)}>
            Reset settings…
          </button>
        </div>
      )}
      <p class="muted" role="status">
        {status}
      </p>
    </div>
  );
}
