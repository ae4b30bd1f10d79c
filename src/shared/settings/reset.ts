import { appendBackups } from './backup';
import { browserSettingsStorage } from './browser-storage';
import { BACKUP_KEY, PREFERENCES_KEY } from './meta';
import { normalise } from './pipeline';
import { applyPlan, planWrites, readSnapshot } from './snapshot';
import { SETTINGS_LOCK, type SettingsStorage } from './storage-port';

/**
 * "Reset settings": preferences, account settings and usage history go back to their defaults. Kept:
 * - portals, and with them every sign-in and cached directory: a portal's secrets are keyed by its id, so
 *   dropping portals here would strand sealed tokens on disk; removing a portal is the background's job
 *   (removePortal signs out and forgets them);
 * - keepSignedIn, a setting of this browser that decides where its tokens live (changing it moves them);
 * - the backup, which receives a copy of everything reset, so a reset can be undone by hand.
 * Preferences live in storage.sync: resetting them resets them in the user's other browsers too.
 */
export const RESET_KEYS = {
  local: [PREFERENCES_KEY, 'accountPrefs', 'roleUsage'],
  sync: [PREFERENCES_KEY],
} as const;

export type ResetResult =
  | { readonly ok: true; readonly cleared: readonly string[] }
  | { readonly ok: false; readonly message: string };

export function resetSettings(
  storage: SettingsStorage = browserSettingsStorage,
  now: () => number = Date.now,
): Promise<ResetResult> {
  return storage.withLock(SETTINGS_LOCK, async (): Promise<ResetResult> => {
    const before = await readSnapshot(storage, { backup: true });
    const normalised = normalise(before, now());
    if (normalised.status === 'newer') {
      return { ok: false, message: 'Settings here were saved by a newer version of AWS SSO Switcher.' };
    }
    const local = { ...normalised.snapshot.local };
    const sync = { ...normalised.snapshot.sync };
    const saved = [
      ...RESET_KEYS.local
        .filter((key) => local[key] !== undefined)
        .map((key) => ({ key, area: 'local' as const, value: local[key] })),
      ...RESET_KEYS.sync
        .filter((key) => sync[key] !== undefined)
        .map((key) => ({ key, area: 'sync' as const, value: sync[key] })),
    ];
    for (const key of RESET_KEYS.local) delete local[key];
    for (const key of RESET_KEYS.sync) delete sync[key];
    if (saved.length > 0) {
      local[BACKUP_KEY] = appendBackups(
        local[BACKUP_KEY],
        saved.map((entry) => ({ ...entry, savedAt: now(), reason: 'reset' })),
      );
    }
    await applyPlan(storage, planWrites(before, { local, sync }), now());
    return { ok: true, cleared: [...new Set(saved.map((entry) => entry.key))] };
  });
}
