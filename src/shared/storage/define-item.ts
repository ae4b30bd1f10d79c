import * as v from 'valibot';
import { browser } from '../browser';

export type StorageArea = 'local' | 'session' | 'sync';

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

export interface ItemSpec<T> {
  readonly key: string;
  readonly area: StorageArea | (() => Promise<StorageArea>);
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
}

/**
 * One declared storage key: its area, its schema and its default. Reads are validated, so a corrupt or
 * hand-edited value yields the fallback instead of crashing a context. Features use items, never
 * `browser.storage` directly.
 */
export function defineItem<T>(spec: ItemSpec<T>): SingleKeyItem<T> {
  const areaOf = async (): Promise<StorageArea> =>
    typeof spec.area === 'function' ? spec.area() : spec.area;
  const parse = (stored: unknown): T => {
    if (stored === undefined) return spec.fallback;
    const parsed = v.safeParse(spec.schema, stored);
    return parsed.success ? parsed.output : spec.fallback;
  };
  return {
    key: spec.key,
    parse,
    area: areaOf,
    sources: async () => [{ area: await areaOf(), key: spec.key }],
    parseSources: ([stored]) => parse(stored),
    async get() {
      const area = await areaOf();
      return parse((await browser.storage[area].get(spec.key))[spec.key]);
    },
    async set(value) {
      await browser.storage[await areaOf()].set({ [spec.key]: value });
    },
    async remove() {
      await browser.storage[await areaOf()].remove(spec.key);
    },
  };
}

/** A family of items keyed by an id, e.g. one per portal: `token:<portalId>`. */
export function defineItemFamily<T>(spec: ItemSpec<T>): (id: string) => SingleKeyItem<T> {
  return (id) => defineItem({ ...spec, key: `${spec.key}:${id}` });
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
    [...byArea].map(async ([area, keys]) => stored.set(area, await browser.storage[area].get([...keys]))),
  );
  return items.map((item, i) =>
    item.parseSources((sources[i] ?? []).map(({ area, key }) => stored.get(area)?.[key])),
  ) as Values<Items>;
}
