import * as v from 'valibot';
import { RegionCodeSchema } from '../aws/regions';
import { CredentialFormatSchema } from '../credentials/format-ids';
import { PortalSchema } from '../portals/portal';
import { withManagedPreferences } from '../settings/managed-overlay';
import { DEVICE_PREFERENCE_FIELDS } from '../settings/meta';
import { definePreferencesItem } from '../settings/preferences-item';
import { defineItem } from './define-item';

/**
 * Every non-secret storage key shared by the contexts. Secrets are declared in src/background/storage, which
 * only the background imports. Keep docs/architecture.md's storage table in step.
 */

/** Configured portals, in the order the user added them. */
export const portalsItem = defineItem({
  key: 'portals',
  area: 'local',
  schema: v.array(PortalSchema),
  fallback: [],
});

export const PreferencesSchema = v.object({
  /**
   * Keep the refresh token and client registration in storage.local so a browser restart does not force a new
   * sign-in. Off: they live in storage.session and die with the browser session.
   * @default true
   */
  keepSignedIn: v.optional(v.boolean(), true),
  /**
   * Which parts of the console tag to draw.
   * @default all on
   */
  tagging: v.optional(
    v.object({ strip: v.boolean(), pill: v.boolean(), title: v.boolean(), favicon: v.boolean() }),
    { strip: true, pill: true, title: true, favicon: true },
  ),
  /** Where a console opens by default: the current tab (when it is a console or an empty tab), a new tab or window. */
  consoleTabMode: v.optional(v.picklist(['current', 'new-tab', 'new-window']), 'current'),
  /** Console session length asked of AWS, in minutes (15 min to 12 h); null leaves AWS's default (12 h for SSO roles). */
  sessionDurationMinutes: v.optional(
    v.nullable(v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(720))),
    null,
  ),
  /**
   * Console multi-session: 'auto' adds a session when an open console tab shows multi-session is on, else replaces;
   * 'on' always adds a session; 'off' always replaces (signs the old session out first).
   */
  multiSession: v.optional(v.picklist(['auto', 'on', 'off']), 'auto'),
  /**
   * Keep consoles together by account or by role: Chrome tab groups, Firefox containers (which also keep each
   * one's console session apart). Needs an optional permission, asked when the user turns it on.
   */
  consoleGroups: v.optional(v.picklist(['off', 'account', 'role']), 'off'),
  /** Console region when the account has none of its own; null means the portal's region. */
  defaultRegion: v.optional(v.nullable(RegionCodeSchema), null),
  /** The CLI credential format last used (the popup's copy button uses it). */
  credentialFormat: v.optional(CredentialFormatSchema, 'bash'),
  /** Profile names for copied credentials and the generated ~/.aws/config. */
  profileTemplate: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100)), '{account}.{role}'),
});
export type TaggingParts = { strip: boolean; pill: boolean; title: boolean; favicon: boolean };
export type Preferences = v.InferOutput<typeof PreferencesSchema>;

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
export const consoleNoticeItem = defineItem({
  key: 'console.notice',
  area: 'session',
  schema: v.nullable(v.pipe(v.string(), v.maxLength(300))),
  fallback: null,
});
