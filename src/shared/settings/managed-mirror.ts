import * as v from 'valibot';
import { defineItem } from '../storage/define-item';

/**
 * `settings.managed` in storage.local: the background's checked copy of what the administrator set in
 * storage.managed (parseManaged's output), rewritten at every worker start and whenever the policy changes.
 *
 * Why a copy instead of every context reading storage.managed:
 * - the overrides are read in the same batched storage.local call as the values they override, so the popup's
 *   first frame waits for nothing more;
 * - Firefox rejects storage.managed.get() when no policy exists, which would fail a batch read;
 * - content scripts get a storage.local change event for it and redraw their tags at once;
 * - the policy is checked once, by the background, not in every context.
 *
 * Readers never trust its shape: each value is checked again against its own schema where it is applied
 * (managed-overlay.ts). It holds nothing secret. This file imports no schema of the items it overrides, so those
 * items (storage/items.ts, directory/items.ts) can import it without an import cycle.
 */
export const MANAGED_MIRROR_KEY = 'settings.managed';

const Fields = v.record(v.string(), v.unknown());

export const ManagedMirrorSchema = v.object({
  portals: v.array(v.object({ startUrl: v.string(), region: v.string(), name: v.optional(v.string()) })),
  accountPrefs: v.record(v.string(), Fields),
  preferences: Fields,
  problems: v.array(v.string()),
});
export type ManagedMirror = v.InferOutput<typeof ManagedMirrorSchema>;

export const EMPTY_MANAGED_MIRROR: ManagedMirror = {
  portals: [],
  accountPrefs: {},
  preferences: {},
  problems: [],
};

export const managedMirrorItem = defineItem({
  key: MANAGED_MIRROR_KEY,
  area: 'local',
  schema: ManagedMirrorSchema,
  fallback: EMPTY_MANAGED_MIRROR,
});

/** The fields the administrator set for one account, e.g. ['alias', 'color']: what the UI shows locked. */
export function managedAccountFields(mirror: ManagedMirror, accountId: string): readonly string[] {
  return Object.keys(mirror.accountPrefs[accountId] ?? {});
}
