import { lockPath } from '../shared/settings/effective';
import type { Preferences } from '../shared/storage/items';
import type { Actions } from '../ui/actions';
import { SET_BY_ORGANISATION } from '../ui/managed-text';

/** Where the long-lived sign-in secrets live: on disk (sealed) or only for this browser session. */
interface Props {
  actions: Actions;
  preferences: Preferences;
  onChange(next: Preferences): void;
  /** Whether the administrator locks a path (lockPath.preference): such controls are disabled. */
  isLocked?: (path: string) => boolean;
}

export function SessionPreferences({ actions, preferences, onChange, isLocked = () => false }: Props) {
  const locked = isLocked(lockPath.preference('keepSignedIn'));
  return (
    <section aria-labelledby="session-title">
      <h2 id="session-title">Session</h2>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={preferences.keepSignedIn}
          disabled={locked}
          onChange={(e) => actions.setKeepSignedIn(e.currentTarget.checked).then(onChange, () => undefined)}
        />
        Stay signed in when the browser restarts
        {locked && <span class="muted locked-note"> ({SET_BY_ORGANISATION})</span>}
      </label>
      <p class="muted">
        When on, the refresh token is kept encrypted on this computer until your portal session ends. When
        off, closing the browser signs you out.
      </p>
    </section>
  );
}
