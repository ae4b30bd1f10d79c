import * as v from 'valibot';
import { AccountPrefsSchema } from '../directory/items';
import { PortalSchema } from '../portals/portal';
import { PreferencesSchema } from '../storage/items';
import {
  BACKUP_KEY,
  DEVICE_PREFERENCE_FIELDS,
  DEVICE_PREFERENCES_KEY,
  META_KEY,
  NOTICE_KEY,
  PREFERENCES_KEY,
  SETTINGS_VERSION,
} from './meta';

/**
 * Every user setting, declared once: key, schema, default, area, and whether an export carries it. Secrets
 * (`auth.*`, `creds:*`) and caches (`directory*`, `consoleTabs`) are not settings: nothing here reads, exports,
 * imports, migrates or backs them up.
 */

/** What follows the user to other browsers (storage.sync in version 2). */
export const RoamingPreferencesSchema = v.omit(PreferencesSchema, DEVICE_PREFERENCE_FIELDS);
export type RoamingPreferences = v.InferOutput<typeof RoamingPreferencesSchema>;

/** What stays with this browser (`preferences.device` in storage.local). */
export const DevicePreferencesSchema = v.pick(PreferencesSchema, DEVICE_PREFERENCE_FIELDS);
export type DevicePreferences = v.InferOutput<typeof DevicePreferencesSchema>;

export const PortalsSchema = v.array(PortalSchema);
export const AccountPrefsRecordSchema = v.record(v.string(), AccountPrefsSchema);
export const RoleUsageSchema = v.record(v.string(), v.object({ count: v.number(), lastUsedAt: v.number() }));

/** 'preferences' lives where preferencesArea() says; everything else has a fixed area. */
export type DeclaredArea = 'local' | 'preferences';

export interface DeclaredSetting {
  readonly key: string;
  readonly area: DeclaredArea;
  readonly schema: v.GenericSchema;
  readonly fallback: unknown;
  /** Carried by an export and accepted by an import. */
  readonly portable: boolean;
}

export const SETTINGS: readonly DeclaredSetting[] = [
  { key: 'portals', area: 'local', schema: PortalsSchema, fallback: [], portable: true },
  {
    key: PREFERENCES_KEY,
    area: 'preferences',
    schema: RoamingPreferencesSchema,
    fallback: v.parse(RoamingPreferencesSchema, {}),
    portable: true,
  },
  {
    key: DEVICE_PREFERENCES_KEY,
    area: 'local',
    schema: DevicePreferencesSchema,
    fallback: v.parse(DevicePreferencesSchema, {}),
    portable: false,
  },
  {
    key: 'accountPrefs',
    area: 'local',
    schema: AccountPrefsRecordSchema,
    fallback: {},
    portable: true,
  },
  // Keyed by portal id, which differs between installations, and only a ranking signal: it stays here.
  {
    key: 'roleUsage',
    area: 'local',
    schema: RoleUsageSchema,
    fallback: {},
    portable: false,
  },
];

/** Every storage.local key the settings model may read or write, in any version it knows. */
export const LOCAL_SETTINGS_KEYS: readonly string[] = [
  'portals',
  PREFERENCES_KEY,
  DEVICE_PREFERENCES_KEY,
  'accountPrefs',
  'roleUsage',
  META_KEY,
  BACKUP_KEY,
  NOTICE_KEY,
];

/** Every storage.sync key the settings model may read or write. */
export const SYNC_SETTINGS_KEYS: readonly string[] = [PREFERENCES_KEY, META_KEY];

export function isSettingsKey(key: string): boolean {
  return LOCAL_SETTINGS_KEYS.includes(key);
}

export { DEVICE_PREFERENCE_FIELDS, SETTINGS_VERSION };
