import { IDENTITY_CENTER_REGIONS } from '../shared/aws/regions';
import type { MessagePayload } from '../shared/messages/contract';
import { lockPath } from '../shared/settings/effective';
import type { Preferences } from '../shared/storage/items';
import type { Actions } from '../ui/actions';
import { ConsoleGroupsField } from './console-groups-field';

interface Props {
  actions: Actions;
  preferences: Preferences;
  onChange(next: Preferences): void;
  /** Whether the administrator locks a path (lockPath.preference): such controls are disabled. */
  isLocked?: (path: string) => boolean;
}

const DURATIONS: readonly [number | null, string][] = [
  [null, 'AWS default (up to 12 hours)'],
  [15, '15 minutes'],
  [60, '1 hour'],
  [240, '4 hours'],
  [480, '8 hours'],
  [720, '12 hours'],
];

/** How and where the console opens: tab, region, session length, multi-session. */
export function ConsolePreferences({ actions, preferences, onChange, isLocked = () => false }: Props) {
  const locked = (field: string) => isLocked(lockPath.preference(field));
  const update = (patch: MessagePayload<'updatePreferences'>) =>
    actions.updatePreferences(patch).then(onChange, () => undefined);
  return (
    <section aria-labelledby="console-title">
      <h2 id="console-title">Console</h2>
      <div class="field-grid">
        <label for="console-tab-mode">Open the console in</label>
        <select
          id="console-tab-mode"
          disabled={locked('consoleTabMode')}
          value={preferences.consoleTabMode}
          onChange={(e) => update({ consoleTabMode: e.currentTarget.value as Preferences['consoleTabMode'] })}
        >
          <option value="current">the current tab, when it is a console or empty tab</option>
          <option value="new-tab">a new tab</option>
          <option value="new-window">a new window</option>
        </select>

        <ConsoleGroupsField
          actions={actions}
          preferences={preferences}
          onChange={onChange}
          disabled={locked('consoleGroups')}
        />

        <label for="console-region">Default region</label>
        <select
          id="console-region"
          disabled={locked('defaultRegion')}
          value={preferences.defaultRegion ?? ''}
          onChange={(e) => update({ defaultRegion: e.currentTarget.value || null })}
        >
          <option value="">the portal's region</option>
          {IDENTITY_CENTER_REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} · {r.name}
            </option>
          ))}
        </select>

        <label for="console-duration">Console session length</label>
        <select
          id="console-duration"
          disabled={locked('sessionDurationMinutes')}
          value={String(preferences.sessionDurationMinutes ?? '')}
          onChange={(e) =>
            update({ sessionDurationMinutes: e.currentTarget.value ? Number(e.currentTarget.value) : null })
          }
        >
          {DURATIONS.map(([minutes, label]) => (
            <option key={label} value={minutes === null ? '' : String(minutes)}>
              {label}
            </option>
          ))}
        </select>

        <label for="console-multi-session">Other console sessions</label>
        <select
          id="console-multi-session"
          disabled={locked('multiSession')}
          value={preferences.multiSession}
          onChange={(e) => update({ multiSession: e.currentTarget.value as Preferences['multiSession'] })}
        >
          <option value="auto">keep them when the console has multi-session on (detected)</option>
          <option value="on">always keep them (multi-session on)</option>
          <option value="off">sign them out (one session at a time)</option>
        </select>
      </div>
      <p class="muted">
        An account's own region (set in the popup's ✎ editor) comes first. The session length never exceeds
        what the permission set allows; if AWS refuses it, the console opens with AWS's default and says so
        once.
      </p>
    </section>
  );
}
