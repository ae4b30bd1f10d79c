import type { StorageArea } from '../storage/define-item';
import { browserSettingsStorage } from './browser-storage';
import {
  type FallbackReason,
  META_KEY,
  PREFERENCES_KEY,
  readMeta,
  SETTINGS_VERSION,
  type SettingsMeta,
} from './meta';
import type { SettingsAreaName, SettingsStorage } from './storage-port';

/**
 * Where the user's preferences live. Version 2 keeps them in storage.sync so they follow the user to other
 * browsers; when storage.sync refused them (quota, rate limit, switched off) they stay in storage.local and
 * `settings.meta` says so. Before the migration ran (no marker) they are still in storage.local, as in version 1.
 * Usable as defineItem's `area` function.
 */
export async function preferencesArea(
  storage: Pick<SettingsStorage, 'local'> = browserSettingsStorage,
): Promise<StorageArea & SettingsAreaName> {
  const meta = readMeta((await storage.local.get([META_KEY]))[META_KEY]);
  return meta?.preferencesArea === 'sync' ? 'sync' : 'local';
}

/** Sorts a storage.sync failure by its message (Chrome's quota names; Firefox's QuotaExceededError). */
export function classifySyncError(error: unknown): FallbackReason {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  if (/MAX_WRITE_OPERATIONS|MAX_SUSTAINED/i.test(text)) return 'rate';
  if (/QUOTA|quota/.test(text)) return 'quota';
  if (/disabled|enabled|not available|unavailable|undefined|not a function/i.test(text)) return 'unavailable';
  return 'error';
}

/** The meta that records a fall-back to storage.local. */
export function fallbackMeta(meta: SettingsMeta | null, reason: FallbackReason, at: number): SettingsMeta {
  return { version: meta?.version ?? SETTINGS_VERSION, preferencesArea: 'local', fallback: { reason, at } };
}

/**
 * Writes the roaming preferences where they belong. If storage.sync refuses them they go to storage.local
 * instead and the marker records it, so a change is never lost to a quota.
 */
export async function writeRoamingPreferences(
  storage: SettingsStorage,
  value: Record<string, unknown>,
  now: number = Date.now(),
): Promise<SettingsAreaName> {
  const meta = readMeta((await storage.local.get([META_KEY]))[META_KEY]);
  if (meta?.preferencesArea !== 'sync') {
    await storage.local.set({ [PREFERENCES_KEY]: value });
    return 'local';
  }
  try {
    await storage.sync.set({ [PREFERENCES_KEY]: value });
    return 'sync';
  } catch (error) {
    await storage.local.set({
      [PREFERENCES_KEY]: value,
      [META_KEY]: fallbackMeta(meta, classifySyncError(error), now),
    });
    return 'local';
  }
}
