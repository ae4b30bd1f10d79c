import { useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import type { Preferences } from '../shared/storage/items';
import type { Actions } from '../ui/actions';

/** What this browser offers: Chrome tab groups or Firefox containers (the build's optional permissions say). */
function offer(): { permissions: string[]; noun: string } {
  const optional =
    (browser.runtime.getManifest() as { optional_permissions?: string[] }).optional_permissions ?? [];
  return optional.includes('tabGroups')
    ? { permissions: ['tabGroups'], noun: 'tab group' }
    : { permissions: ['cookies'], noun: 'container' };
}

interface Props {
  actions: Actions;
  preferences: Preferences;
  onChange(next: Preferences): void;
  disabled: boolean;
}

/**
 * Consoles per account or role in a tab group (Chrome) or a container (Firefox, which also keeps their console
 * sessions apart). The permission is asked here, from the user's own choice, the first time it is needed.
 */
export function ConsoleGroupsField({ actions, preferences, onChange, disabled }: Props) {
  const { permissions, noun } = offer();
  const [message, setMessage] = useState<string | null>(null);
  const choose = (value: Preferences['consoleGroups']) => {
    const save = () => actions.updatePreferences({ consoleGroups: value }).then(onChange, () => undefined);
    if (value === 'off') return void save();
    // First thing in the handler: browsers accept a permission request only straight from a user action.
    browser.permissions.request({ permissions: permissions as never[] }).then(
      (granted) => {
        if (granted) {
          setMessage(null);
          return save();
        }
        setMessage(`Not allowed: the browser's permission for ${noun}s is needed for this.`);
      },
      () => setMessage(`This browser does not offer ${noun}s to extensions.`),
    );
  };
  return (
    <>
      <label for="console-groups">Keep consoles together</label>
      <div>
        <select
          id="console-groups"
          disabled={disabled}
          value={preferences.consoleGroups}
          aria-describedby="console-groups-help"
          onChange={(e) => choose(e.currentTarget.value as Preferences['consoleGroups'])}
        >
          <option value="off">no</option>
          <option value="account">in a {noun} per account</option>
          <option value="role">in a {noun} per role</option>
        </select>
        <p id="console-groups-help" class={message ? 'error' : 'muted'}>
          {message ??
            (noun === 'container'
              ? 'Each container keeps its own console session, so several accounts stay signed in side by side.'
              : 'Named and coloured like the account.')}
        </p>
        {noun === 'container' && (
          <button
            type="button"
            onClick={() =>
              actions.removeConsoleContainers().then(
                ({ removed }) => setMessage(`Removed ${removed} container${removed === 1 ? '' : 's'}.`),
                () => undefined,
              )
            }
          >
            Remove the containers it made
          </button>
        )}
      </div>
    </>
  );
}
