import * as v from 'valibot';
import { AccountPrefsSchema } from '../directory/items';
import { type Portal, PortalSchema } from '../portals/portal';
import {
  AccountPrefsRecordSchema,
  type DevicePreferences,
  DevicePreferencesSchema,
  PortalsSchema,
  type RoamingPreferences,
  RoamingPreferencesSchema,
  RoleUsageSchema,
} from './keys';
import { DEVICE_PREFERENCES_KEY, META_KEY, PREFERENCES_KEY, readMeta } from './meta';
import { isPlainObject } from './plain';
import type { SettingsAreaName, Snapshot } from './storage-port';

/** Typed settings out of a snapshot of the current version, and typed settings back into one. */

export type AccountPrefs = v.InferOutput<typeof AccountPrefsSchema>;

export interface SettingsView {
  readonly portals: Portal[];
  readonly preferences: RoamingPreferences;
  readonly device: DevicePreferences;
  readonly accountPrefs: Record<string, AccountPrefs>;
  readonly roleUsage: v.InferOutput<typeof RoleUsageSchema>;
}

export function preferencesAreaOf(snapshot: Snapshot): SettingsAreaName {
  return readMeta(snapshot.local[META_KEY])?.preferencesArea === 'sync' ? 'sync' : 'local';
}

function parseOr<T>(schema: v.GenericSchema<unknown, T>, value: unknown, fallback: T): T {
  const parsed = v.safeParse(schema, value ?? fallback);
  return parsed.success ? parsed.output : fallback;
}

export function viewOf(snapshot: Snapshot): SettingsView {
  const roaming = snapshot[preferencesAreaOf(snapshot)][PREFERENCES_KEY];
  return {
    portals: parseOr(PortalsSchema, snapshot.local.portals, []),
    preferences: parseOr(RoamingPreferencesSchema, roaming, v.parse(RoamingPreferencesSchema, {})),
    device: parseOr(
      DevicePreferencesSchema,
      snapshot.local[DEVICE_PREFERENCES_KEY],
      v.parse(DevicePreferencesSchema, {}),
    ),
    accountPrefs: parseOr(AccountPrefsRecordSchema, snapshot.local.accountPrefs, {}),
    roleUsage: parseOr(RoleUsageSchema, snapshot.local.roleUsage, {}),
  };
}

/** `typed` plus the fields of `raw` that `schema` does not know (written by a newer version: kept). */
function withUnknown<T extends object>(raw: unknown, typed: T, schema: { entries: object }): T {
  if (!isPlainObject(raw)) return typed;
  const unknown = Object.entries(raw).filter(([key]) => !(key in schema.entries));
  return unknown.length === 0 ? typed : { ...Object.fromEntries(unknown), ...typed };
}

/** The snapshot with these settings written. Stored fields this version does not know are kept. */
export function withSettings(
  snapshot: Snapshot,
  next: Partial<Pick<SettingsView, 'portals' | 'preferences' | 'accountPrefs'>>,
): Snapshot {
  const local = { ...snapshot.local };
  const sync = { ...snapshot.sync };
  if (next.portals) {
    const stored = Array.isArray(local.portals) ? local.portals : [];
    const rawOf = (id: string) => stored.find((p) => isPlainObject(p) && p.id === id);
    local.portals = next.portals.map((portal) => withUnknown(rawOf(portal.id), portal, PortalSchema));
  }
  if (next.accountPrefs) {
    const stored = isPlainObject(local.accountPrefs) ? local.accountPrefs : {};
    local.accountPrefs = Object.fromEntries(
      Object.entries(next.accountPrefs).map(([id, prefs]) => [
        id,
        withUnknown(stored[id], prefs, AccountPrefsSchema),
      ]),
    );
  }
  if (next.preferences) {
    const target = preferencesAreaOf(snapshot) === 'sync' ? sync : local;
    target[PREFERENCES_KEY] = withUnknown(
      target[PREFERENCES_KEY],
      next.preferences,
      RoamingPreferencesSchema,
    );
  }
  return { local, sync };
}
