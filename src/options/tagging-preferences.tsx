import { lockPath } from '../shared/settings/effective';
import type { Preferences, TaggingParts } from '../shared/storage/items';
import type { Actions } from '../ui/actions';

const PARTS: [keyof TaggingParts, string][] = [
  ['strip', 'Coloured strip along the top of the page'],
  ['pill', 'Label with account, role and account id at the bottom'],
  ['title', 'Account and role at the start of the tab title'],
  ['favicon', 'Tab icon in the account’s colour'],
];

/** Which parts of the console tag to draw. Open console tabs follow at once. */
interface Props {
  actions: Actions;
  preferences: Preferences;
  onChange(next: Preferences): void;
  /** Whether the administrator locks a path (lockPath.preference): such controls are disabled. */
  isLocked?: (path: string) => boolean;
}

export function TaggingPreferences({ actions, preferences, onChange, isLocked = () => false }: Props) {
  const parts = preferences.tagging;
  return (
    <section aria-labelledby="tagging-title">
      <h2 id="tagging-title">Console tags</h2>
      {PARTS.map(([part, text]) => (
        <label key={part} class="checkbox">
          <input
            type="checkbox"
            checked={parts[part]}
            disabled={isLocked(lockPath.preference('tagging', part))}
            onChange={(e) =>
              actions
                .setTagging({ ...parts, [part]: e.currentTarget.checked })
                .then(onChange, () => undefined)
            }
          />
          {text}
        </label>
      ))}
      <p class="muted">
        Accounts whose name or alias says “prod” are tagged in red; set a tier per account in the popup (✎).
      </p>
    </section>
  );
}
