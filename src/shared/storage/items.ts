import * as v from 'valibot';
import { withManagedPreferences } from '../settings/managed-overlay';
import { DEVICE_PREFERENCE_FIELDS } from '../settings/meta';
import { definePreferencesItem } from '../settings/preferences-item';
import { defineItem } from './define-item';
import { STORAGE } from './registry';
import { PreferencesSchema } from './schemas/preferences';

/**
 * Items of the settings every context reads. Their keys, like every key, are declared in registry.ts (the docs'
 * storage table is checked against it); the secrets' items are built in src/background/storage, which only the
 * background imports.
 */

/** Configured portals, in the order the user added them. */
export const portalsItem = defineItem(STORAGE.portals);

export { type Preferences, PreferencesSchema, type TaggingParts } from './schemas/preferences';

/**
 * Stored in two parts (src/shared/settings): what follows the user in `preferences` (storage.sync, or storage.local
 * when sync refused it) and keepSignedIn, which belongs to this browser, in `preferences.device`. Reads give the
 * preferences in force: what an administrator manages wins (settings/managed-overlay.ts).
 */
export const preferencesItem = withManagedPreferences(
  definePreferencesItem({
    schema: PreferencesSchema,
    fallback: v.parse(PreferencesSchema, {}),
    deviceFields: [...DEVICE_PREFERENCE_FIELDS],
  }),
  PreferencesSchema.entries,
  DEVICE_PREFERENCE_FIELDS,
);

/**
 * Something the console sign-in wants the user to know after the fact (the popup shows it once, then clears
 * it). Session storage: it concerns this browser session only.
 */
export const consoleNoticeItem = defineItem(STORAGE.consoleNotice);
