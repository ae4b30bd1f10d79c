import * as v from 'valibot';
import { readArea } from '../storage/areas';
import type { BatchItem, ItemSource } from '../storage/define-item';
import { type ManagedSettings, parseManaged } from './managed';

/**
 * Makes an item answer with the settings in force: the administrator's values, read from storage.managed itself
 * on every read (never from a copy in storage.local, which content scripts can write: docs/security.md) over
 * the user's own, as effectiveSettings() computes them. Every reader (popup, console tags, console
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

type PolicyKey = 'accountPrefs' | 'preferences';

/** The policy's `key`, checked field by field (managed.ts); anything unreadable counts as no policy. */
function policyPart(key: PolicyKey, raw: unknown): ManagedSettings {
  return parseManaged(raw === undefined ? {} : { [key]: raw });
}

function overlay<T>(
  item: BatchItem<T>,
  key: PolicyKey,
  apply: (own: T, managed: ManagedSettings) => T,
  restore: (next: T, own: T, managed: ManagedSettings) => T,
): BatchItem<T> {
  const readPolicy = async () => policyPart(key, (await readArea('managed', [key]))[key]);
  return {
    key: item.key,
    async sources(): Promise<readonly ItemSource[]> {
      return [...(await item.sources()), { area: 'managed', key }];
    },
    parseSources(values) {
      const own = item.parseSources(values.slice(0, -1));
      return apply(own, policyPart(key, values.at(-1)));
    },
    async get() {
      const [own, managed] = await Promise.all([item.get(), readPolicy()]);
      return apply(own, managed);
    },
    async set(value) {
      const [own, managed] = await Promise.all([item.get(), readPolicy()]);
      await item.set(restore(value, own, managed));
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
    'accountPrefs',
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
  const taggingOf = (mirror: ManagedSettings) =>
    validFields(mirror.preferences.tagging, {
      strip: v.boolean(),
      pill: v.boolean(),
      title: v.boolean(),
      favicon: v.boolean(),
    });
  return overlay(
    item,
    'preferences',
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
