import type * as v from 'valibot';
import { STORAGE } from '../storage/registry';
import { DEVICE_PREFERENCE_FIELDS, SETTINGS_VERSION } from './meta';

export {
  type DevicePreferences,
  DevicePreferencesSchema,
  type RoamingPreferences,
  RoamingPreferencesSchema,
} from '../storage/schemas/preferences';

/**
 * Every user setting, declared once: key, schema, default, area, and whether an export carries it. Secrets
 * (`auth.*`, `creds:*`) and caches (`directory*`, `consoleTabs`) are not settings: nothing here reads, exports,
 * imports, migrates or backs them up.
 */

export const PortalsSchema = STORAGE.portals.schema;
export const AccountPrefsRecordSchema = STORAGE.accountPrefs.schema;
export const RoleUsageSchema = STORAGE.roleUsage.schema;

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

const { portals, preferences, devicePreferences, accountPrefs, roleUsage } = STORAGE;

/** The registry's declarations (shared/storage/registry.ts), with what the settings model adds. */
export const SETTINGS: readonly DeclaredSetting[] = [
  { ...portals, area: 'local', portable: true },
  { ...preferences, area: 'preferences', portable: true },
  { ...devicePreferences, area: 'local', portable: false },
  { ...accountPrefs, area: 'local', portable: true },
  // Keyed by portal id, which differs between installations, and only a ranking signal: it stays here.
  { ...roleUsage, area: 'local', portable: false },
];

/** Every storage.local key the settings model may read or write, in any version it knows. */
export const LOCAL_SETTINGS_KEYS: readonly string[] = [
  ...SETTINGS.map((setting) => setting.key),
  STORAGE.settingsMeta.key,
  STORAGE.settingsBackup.key,
  STORAGE.settingsNotice.key,
];

/** Every storage.sync key the settings model may read or write. */
export const SYNC_SETTINGS_KEYS: readonly string[] = [STORAGE.preferences.key, STORAGE.settingsMeta.key];

export function isSettingsKey(key: string): boolean {
  return LOCAL_SETTINGS_KEYS.includes(key);
}

export { DEVICE_PREFERENCE_FIELDS, SETTINGS_VERSION };
