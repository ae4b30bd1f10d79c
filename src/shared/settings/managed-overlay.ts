import * as v from 'valibot';
import type { BatchItem, ItemSource } from '../storage/define-item';
import { MANAGED_MIRROR_KEY, type ManagedMirror, managedMirrorItem } from './managed-mirror';

/**
 * Makes an item answer with the settings in force: the administrator's values (the `settings.managed` mirror)
 * over the user's own, as effectiveSettings() computes them. Every reader (popup, console tags, console
 * sign-in, CLI credentials, keyboard commands) gets them without a change of its own, and getItems still reads
 * everything in one call per area.
 *
 * Writes never store an administrator's value as the user's: before writing, each managed field is put back to
 * what the user had stored (or left out), so an export carries the user's choices only, and the user's own
 * value returns when the policy stops managing it. Background handlers refuse to change a managed field.
 */

type Entries = Readonly<Record<string, v.GenericSchema>>;

/** The managed fields of `managed` that are valid by `entries`, minus `skip`. */
function validFields(managed: unknown, entries: Entries, skip: readonly string[] = []) {
  if (typeof managed !== 'object' || managed === null) return {};
  return Object.fromEntries(
    Object.entries(managed).filter(
      ([field, value]) =>
        !skip.includes(field) && entries[field] !== undefined && v.is(entries[field], value),
    ),
  );
}

function overlay<T>(
  item: BatchItem<T>,
  apply: (own: T, mirror: ManagedMirror) => T,
  restore: (next: T, own: T, mirror: ManagedMirror) => T,
): BatchItem<T> {
  return {
    key: item.key,
    async sources(): Promise<readonly ItemSource[]> {
      return [...(await item.sources()), { area: 'local', key: MANAGED_MIRROR_KEY }];
    },
    parseSources(values) {
      const own = item.parseSources(values.slice(0, -1));
      return apply(own, managedMirrorItem.parse(values.at(-1)));
    },
    async get() {
      const [own, mirror] = await Promise.all([item.get(), managedMirrorItem.get()]);
      return apply(own, mirror);
    },
    async set(value) {
      const [own, mirror] = await Promise.all([item.get(), managedMirrorItem.get()]);
      await item.set(restore(value, own, mirror));
    },
    remove: () => item.remove(),
  };
}

type Prefs = Record<string, unknown>;

/** Per account: managed alias, colour, tier and region over the user's. */
export function withManagedAccountPrefs<P extends Prefs>(
  item: BatchItem<Record<string, P>>,
  entries: Entries,
): BatchItem<Record<string, P>> {
  return overlay(
    item,
    (own, mirror) => {
      const next = { ...own };
      for (const [accountId, managed] of Object.entries(mirror.accountPrefs)) {
        const fields = validFields(managed, entries);
        if (Object.keys(fields).length > 0) next[accountId] = { ...next[accountId], ...fields } as P;
      }
      return next;
    },
    (value, own, mirror) => {
      const next = { ...value };
      for (const [accountId, managed] of Object.entries(mirror.accountPrefs)) {
        const entry = next[accountId];
        if (!entry) continue;
        const restored: Prefs = { ...entry };
        for (const field of Object.keys(validFields(managed, entries))) {
          const mine = own[accountId]?.[field];
          if (mine === undefined) delete restored[field];
          else restored[field] = mine;
        }
        if (Object.keys(restored).length === 0) delete next[accountId];
        else next[accountId] = restored as P;
      }
      return next;
    },
  );
}

/**
 * Managed preferences over the user's. `deviceFields` (keepSignedIn) are not overlaid: they decide where
 * secrets live, so the background applies a managed value by moving them (setKeepSignedIn) instead.
 */
export function withManagedPreferences<P extends Prefs & { tagging: Record<string, boolean> }>(
  item: BatchItem<P>,
  entries: Entries,
  deviceFields: readonly string[],
): BatchItem<P> {
  const skip = [...deviceFields, 'tagging'];
  const taggingOf = (mirror: ManagedMirror) =>
    validFields(mirror.preferences.tagging, {
      strip: v.boolean(),
      pill: v.boolean(),
      title: v.boolean(),
      favicon: v.boolean(),
    });
  return overlay(
    item,
    (own, mirror) => ({
      ...own,
      ...validFields(mirror.preferences, entries, skip),
      tagging: { ...own.tagging, ...taggingOf(mirror) },
    }),
    (value, own, mirror) => {
      const next: Prefs = { ...value, tagging: { ...value.tagging } };
      for (const field of Object.keys(validFields(mirror.preferences, entries, skip)))
        next[field] = own[field];
      for (const part of Object.keys(taggingOf(mirror)))
        (next.tagging as Record<string, boolean>)[part] = own.tagging[part] as boolean;
      return next as P;
    },
  );
}
