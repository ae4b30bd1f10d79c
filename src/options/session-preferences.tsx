import type { Preferences } from '../shared/storage/items';
import type { Actions } from '../ui/actions';

/** Where the long-lived sign-in secrets live: on disk (sealed) or only for this browser session. */
interface Props {
  actions: Actions;
  preferences: Preferences;
  onChange(next: Preferences): void;
}

export function SessionPreferences({ actions, preferences, onChange }: Props) {
  return (
    <section aria-labelledby="session-title">
      <h2 id="session-title">Session</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={preferences.keepSignedIn}
          onChange={(e) => actions.setKeepSignedIn(e.currentTarget.checked).then(onChange, () => undefined)}
        />
        Stay signed in when the browser restarts
      </label>
      <p class="muted">
        When on, the refresh token is kept encrypted on this computer until your portal session ends. When
        off, closing the browser signs you out.
      </p>
    </section>
  );
}
