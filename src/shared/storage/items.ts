import * as v from 'valibot';
import { PortalSchema } from '../portals/portal';
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
});
export type TaggingParts = { strip: boolean; pill: boolean; title: boolean; favicon: boolean };
export type Preferences = v.InferOutput<typeof PreferencesSchema>;

export const preferencesItem = defineItem({
  key: 'preferences',
  area: 'local',
  schema: PreferencesSchema,
  fallback: { keepSignedIn: true, tagging: { strip: true, pill: true, title: true, favicon: true } },
});
