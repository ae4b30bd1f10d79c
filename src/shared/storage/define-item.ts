import * as v from 'valibot';
import { readArea, removeFromArea, type StorageArea, type WritableArea, writeArea } from './areas';
import type { KeyDeclaration } from './registry';
import { reportInvalid } from './report';

export type { StorageArea, WritableArea };

export interface StorageItem<T> {
  readonly key: string;
  /** The stored value, or the fallback when nothing (or nothing valid) is stored. */
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
}

/** One key an item reads. */
export interface ItemSource {
  readonly area: StorageArea;
  readonly key: string;
}

/**
 * An item getItems can read together with others: the keys it needs (an item may span two, like preferences,
 * whose device part stays in storage.local while the rest syncs) and how to build its value from them.
 */
export interface BatchItem<T> extends StorageItem<T> {
  sources(): Promise<readonly ItemSource[]>;
  /** The value from the raw stored values of sources(), in their order (undefined when absent). */
  parseSources(values: readonly unknown[]): T;
}

/** An item stored under one key of one area. */
export interface SingleKeyItem<T> extends BatchItem<T> {
  /** Validates a raw stored value (undefined when absent) into the item's type, or its fallback. */
  parse(stored: unknown): T;
  /** The item's area: fixed, or resolved at call time. */
  area(): Promise<StorageArea>;
}

/** Picks, at each call, which of a declaration's areas holds the value (e.g. keepSignedIn for refresh tokens). */
export type AreaResolver = () => Promise<WritableArea>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a stored value against its declaration: absent gives the fallback; invalid is reported (report.ts)
 * and gives the fallback, except for records with an `entry` schema, which keep their valid entries and drop
 * (and report) the others, so one bad account setting does not erase every other.
 */
export function parseStored<T>(decl: KeyDeclaration<T>, key: string, area: StorageArea, stored: unknown): T {
  if (stored === undefined) return decl.fallback;
  const parsed = v.safeParse(decl.schema, stored);
  if (parsed.success) return parsed.output;
  if (decl.entry && isRecord(stored)) {
    const entry = decl.entry;
    const kept = Object.entries(stored).filter(([id, value]) => {
      const check = v.safeParse(entry, value);
      if (!check.success) reportInvalid(`${key}["${id}"]`, area, check.issues);
      return check.success;
    });
    const salvaged = v.safeParse(decl.schema, Object.fromEntries(kept));
    if (salvaged.success) return salvaged.output;
  }
  reportInvalid(key, area, parsed.issues);
  return decl.fallback;
}

function fixedArea(decl: KeyDeclaration<unknown>, resolve?: AreaResolver): () => Promise<StorageArea> {
  if (resolve) return resolve;
  const [only, ...others] = decl.areas;
  if (only === undefined || others.length > 0)
    throw new Error(
      `storage key "${decl.key}" lives in several areas: its owner must say which, at each call`,
    );
  return async () => only;
}

function writable(area: StorageArea, key: string): WritableArea {
  if (area === 'managed') throw new Error(`storage key "${key}" is the administrator's: read-only`);
  return area;
}

function itemOf<T>(
  decl: KeyDeclaration<T>,
  key: string,
  areaOf: () => Promise<StorageArea>,
): SingleKeyItem<T> {
  const parseIn = (area: StorageArea) => (stored: unknown) => parseStored(decl, key, area, stored);
  return {
    key,
    parse: (stored) => parseStored(decl, key, decl.areas[0] ?? 'local', stored),
    area: areaOf,
    sources: async () => [{ area: await areaOf(), key }],
    parseSources: ([stored]) => parseStored(decl, key, decl.areas[0] ?? 'local', stored),
    async get() {
      const area = await areaOf();
      return parseIn(area)((await readArea(area, [key]))[key]);
    },
    async set(value) {
      const area = await areaOf();
      await writeArea(writable(area, key), { [key]: value });
    },
    async remove() {
      const area = await areaOf();
      await removeFromArea(writable(area, key), [key]);
    },
  };
}

/**
 * The item of one key declared in registry.ts. Reads are validated (parseStored), so a corrupt, hand-edited or
 * hostile value yields the fallback instead of crashing a context. Features use items, never `browser.storage`.
 */
export function defineItem<T>(decl: KeyDeclaration<T>, resolve?: AreaResolver): SingleKeyItem<T> {
  if (decl.family) throw new Error(`storage key "${decl.key}" is a family: use defineItemFamily`);
  return itemOf(decl, decl.key, fixedArea(decl, resolve));
}

/** A family of items keyed by an id, e.g. one per portal: `token:<portalId>`. */
export function defineItemFamily<T>(
  decl: KeyDeclaration<T>,
  resolve?: AreaResolver,
): (id: string) => SingleKeyItem<T> {
  if (!decl.family) throw new Error(`storage key "${decl.key}" is not a family: use defineItem`);
  const areaOf = fixedArea(decl, resolve);
  return (id) => itemOf(decl, `${decl.key}:${id}`, areaOf);
}

type Values<Items extends readonly BatchItem<unknown>[]> = {
  -readonly [K in keyof Items]: Items[K] extends BatchItem<infer T> ? T : never;
};

/**
 * Several items in one storage call per area instead of one call each: every call is a round trip to the
 * browser process, and the popup's first frame waits for these. Values are kept per area: the same key may
 * exist in two areas (`preferences` in sync, and in local after a sync fall-back).
 */
export async function getItems<const Items extends readonly BatchItem<unknown>[]>(
  ...items: Items
): Promise<Values<Items>> {
  const sources = await Promise.all(items.map((item) => item.sources()));
  const byArea = new Map<StorageArea, Set<string>>();
  for (const { area, key } of sources.flat()) byArea.set(area, (byArea.get(area) ?? new Set()).add(key));
  const stored = new Map<StorageArea, Record<string, unknown>>();
  await Promise.all(
    [...byArea].map(async ([area, keys]) => stored.set(area, await readArea(area, [...keys]))),
  );
  return items.map((item, i) =>
    item.parseSources((sources[i] ?? []).map(({ area, key }) => stored.get(area)?.[key])),
  ) as Values<Items>;
}
