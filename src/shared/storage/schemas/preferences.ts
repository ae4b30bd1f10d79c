import * as v from 'valibot';
import { RegionCodeSchema } from '../../aws/regions';
import { CredentialFormatSchema } from '../../credentials/format-ids';
import { DEVICE_PREFERENCE_FIELDS } from '../../settings/meta';

/** The user's preferences (src/shared/storage/items.ts reads them; the settings model stores them in two parts). */
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

/** What follows the user to other browsers (`preferences`, storage.sync in version 2). */
export const RoamingPreferencesSchema = v.omit(PreferencesSchema, DEVICE_PREFERENCE_FIELDS);
export type RoamingPreferences = v.InferOutput<typeof RoamingPreferencesSchema>;

/** What stays with this browser (`preferences.device` in storage.local). */
export const DevicePreferencesSchema = v.pick(PreferencesSchema, DEVICE_PREFERENCE_FIELDS);
export type DevicePreferences = v.InferOutput<typeof DevicePreferencesSchema>;
