import { readArea, removeFromArea, writeArea } from '../storage/areas';
import {
  type AreaPort,
  type ManagedPort,
  SETTINGS_LOCK,
  type SettingsAreaName,
  type SettingsStorage,
} from './storage-port';

/**
 * The settings storage port over the real `browser.storage`. Areas are looked up on each call, inside the
 * promise, so a browser without storage.sync (or with it switched off) rejects a call instead of throwing at
 * import; callers treat that rejection as "sync unavailable".
 */
function area(name: SettingsAreaName): AreaPort {
  return {
    get: async (keys) => readArea(name, keys),
    set: async (items) => writeArea(name, items),
    remove: async (keys) => removeFromArea(name, keys),
  };
}

export const browserSettingsStorage: SettingsStorage = {
  local: area('local'),
  sync: area('sync'),
  withLock: (name, task) => navigator.locks.request(name, task),
};

/**
 * Runs a read-modify-write of settings keys (portals, preferences, accountPrefs, roleUsage) under the same Web Lock
 * as migration, recovery, import and reset, so none of them overwrites it with an older copy. Never call
 * runMigrations, importSettings' apply or resetSettings inside `task`: they take this lock themselves.
 */
export function withSettingsLock<T>(task: () => Promise<T>): Promise<T> {
  return browserSettingsStorage.withLock(SETTINGS_LOCK, task);
}

/** storage.managed, the administrator's policy: no policy (Chrome {}, Firefox an error) reads as {} (areas.ts). */
export const browserManagedStorage: ManagedPort = { get: () => readArea('managed', null) };
