import * as v from 'valibot';

/**
 * Names and shape of the settings model's own keys. Kept apart from keys.ts, which imports the feature schemas:
 * storage/items.ts imports area.ts, which needs these, and must not import itself back.
 */

/** The settings layout this code writes. Version 1 is the layout before any marker existed. */
export const SETTINGS_VERSION = 2;

/**
 * Preferences that belong to this browser, not to the user: they never roam, export or import. keepSignedIn
 * decides which area holds this browser's refresh tokens (background/storage/secrets.ts); if it roamed, turning
 * it off elsewhere would strand this browser's sealed tokens on disk and sign it out.
 */
/** Per browser: keepSignedIn decides where its secrets live; consoleGroups rests on a permission this browser granted. */
export const DEVICE_PREFERENCE_FIELDS = ['keepSignedIn', 'consoleGroups'] as const;

export const META_KEY = 'settings.meta';
export const PREFERENCES_KEY = 'preferences';
export const DEVICE_PREFERENCES_KEY = 'preferences.device';
export const BACKUP_KEY = 'settings.backup';
export const NOTICE_KEY = 'settings.notice';

/** `settings.notice` in storage.local (notice.ts): the last recovery notice, until dismissed. */
export const NoticeSchema = v.object({ text: v.string(), at: v.number() });

/** Why preferences are in storage.local although version 2 keeps them in storage.sync. */
export const FallbackReasonSchema = v.picklist(['quota', 'rate', 'unavailable', 'error']);
export type FallbackReason = v.InferOutput<typeof FallbackReasonSchema>;

/** `settings.meta` in storage.local: this browser's layout version and where its preferences live. */
export const SettingsMetaSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  preferencesArea: v.optional(v.picklist(['sync', 'local']), 'sync'),
  /** Set while preferences fell back to storage.local; the runner tries storage.sync again an hour later. */
  fallback: v.optional(v.object({ reason: FallbackReasonSchema, at: v.number() })),
});
export type SettingsMeta = v.InferOutput<typeof SettingsMetaSchema>;

/**
 * `settings.meta` in storage.sync: the highest layout version that wrote there. Another browser of the same user
 * may run a newer version; this browser then leaves storage.sync alone instead of "repairing" what it cannot read.
 */
export const SyncMetaSchema = v.object({ version: v.pipe(v.number(), v.integer(), v.minValue(1)) });

export function readMeta(value: unknown): SettingsMeta | null {
  const parsed = v.safeParse(SettingsMetaSchema, value);
  return parsed.success ? parsed.output : null;
}

/** The version a stored marker claims, even when the rest of it is unreadable (a newer layout may differ). */
export function versionOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null) return null;
  const version = (value as { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 ? version : null;
}
