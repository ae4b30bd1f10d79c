import { appendBackups } from './backup';
import {
  BACKUP_KEY,
  DEVICE_PREFERENCES_KEY,
  META_KEY,
  PREFERENCES_KEY,
  SETTINGS_VERSION,
  versionOf,
} from './meta';
import { deepEqual, isPlainObject } from './plain';
import type { Snapshot } from './storage-port';

/**
 * Settings layout versions and the steps between them. Each step is pure over a snapshot of both areas, is
 * written against the layout it upgrades (never against today's schemas, which will move on), leaves every key
 * it does not own untouched, and tolerates a half-applied earlier run. Append steps; never edit a shipped one.
 */

export interface MigrationContext {
  /** Epoch ms, for backups a step makes. */
  readonly now: number;
  /**
   * The snapshot is an imported file, not this browser's storage: every value in it is a choice to apply, so
   * policies that protect other browsers' synced data (skip defaults, let synced data win) do not apply.
   */
  readonly forImport?: boolean;
}

export interface Migration {
  /** The version this step produces; it runs on data of version `to - 1`. */
  readonly to: number;
  readonly summary: string;
  up(snapshot: Snapshot, context: MigrationContext): Snapshot;
}

/** Version 1's preferences defaults: a v1 object equal to them carries no choice worth pushing to storage.sync. */
const V1_PREFERENCE_DEFAULTS: Readonly<Record<string, unknown>> = {
  tagging: { strip: true, pill: true, title: true, favicon: true },
  consoleTabMode: 'current',
  sessionDurationMinutes: null,
  multiSession: 'auto',
  defaultRegion: null,
  credentialFormat: 'bash',
  profileTemplate: '{account}.{role}',
};

const v1ToV2: Migration = {
  to: 2,
  summary:
    'Preferences move to storage.sync, except keepSignedIn, which stays with this browser in `preferences.device`.',
  up({ local: oldLocal, sync: oldSync }, { now, forImport = false }) {
    const local = { ...oldLocal };
    const sync = { ...oldSync };
    const stored = local[PREFERENCES_KEY];
    if (stored !== undefined) {
      const { keepSignedIn, ...roaming } = isPlainObject(stored) ? stored : { keepSignedIn: undefined };
      // A device key already present was written by this code before the migration ran: it is newer.
      if (keepSignedIn !== undefined && local[DEVICE_PREFERENCES_KEY] === undefined) {
        local[DEVICE_PREFERENCES_KEY] = { keepSignedIn };
      }
      const moving = isPlainObject(stored) ? roaming : stored;
      const isDefault =
        !forImport &&
        isPlainObject(moving) &&
        Object.entries(moving).every(([k, val]) => deepEqual(val, V1_PREFERENCE_DEFAULTS[k]));
      if (sync[PREFERENCES_KEY] === undefined) {
        if (!isDefault) sync[PREFERENCES_KEY] = moving;
      } else if (!isDefault && !deepEqual(moving, sync[PREFERENCES_KEY])) {
        // Another browser of this user migrated first: its synced choices win, ours are kept in the backup.
        local[BACKUP_KEY] = appendBackups(local[BACKUP_KEY], [
          {
            savedAt: now,
            key: PREFERENCES_KEY,
            area: 'local',
            reason: 'replaced by preferences synced from another browser',
            value: stored,
          },
        ]);
      }
      delete local[PREFERENCES_KEY];
    }
    local[META_KEY] = { version: 2, preferencesArea: 'sync' };
    sync[META_KEY] = { version: Math.max(2, versionOf(sync[META_KEY]) ?? 0) };
    return { local, sync };
  },
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2];

export type MigrateResult =
  | { readonly status: 'current'; readonly version: number; readonly snapshot: Snapshot }
  | { readonly status: 'migrated'; readonly from: number; readonly to: number; readonly snapshot: Snapshot }
  /** Written by a newer version of the extension: nothing may be rewritten. */
  | { readonly status: 'newer'; readonly storedVersion: number; readonly area: 'local' | 'sync' };

/** This browser's layout version: the local marker, or 1 when there is none (every install before markers). */
export function storedVersion(snapshot: Snapshot): number {
  return versionOf(snapshot.local[META_KEY]) ?? 1;
}

export function migrate(snapshot: Snapshot, context: MigrationContext = { now: Date.now() }): MigrateResult {
  const from = storedVersion(snapshot);
  if (from > SETTINGS_VERSION) return { status: 'newer', storedVersion: from, area: 'local' };
  const syncVersion = versionOf(snapshot.sync[META_KEY]) ?? 0;
  if (syncVersion > SETTINGS_VERSION) return { status: 'newer', storedVersion: syncVersion, area: 'sync' };
  let current = snapshot;
  for (const step of MIGRATIONS) {
    if (step.to > from) current = step.up(current, context);
  }
  return from === SETTINGS_VERSION
    ? { status: 'current', version: from, snapshot }
    : { status: 'migrated', from, to: SETTINGS_VERSION, snapshot: current };
}
