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
export function defineItem<T>(spec: ItemSpec<T>): StorageItem<T> {
  const areaOf = async (): Promise<StorageArea> =>
    typeof spec.area === 'function' ? spec.area() : spec.area;
  return {
    key: spec.key,
    async get() {
      const area = await areaOf();
      const stored = (await browser.storage[area].get(spec.key))[spec.key];
      if (stored === undefined) return spec.fallback;
      const parsed = v.safeParse(spec.schema, stored);
      return parsed.success ? parsed.output : spec.fallback;
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
export function defineItemFamily<T>(spec: ItemSpec<T>): (id: string) => StorageItem<T> {
  return (id) => defineItem({ ...spec, key: `${spec.key}:${id}` });
}
