import { browser } from '../browser';

/**
 * The only code that touches `browser.storage` (lint/storage-access.grit forbids it anywhere outside
 * src/shared/storage). Everything else reads and writes through the items declared in registry.ts.
 */

export type StorageArea = 'local' | 'session' | 'sync' | 'managed';
/** storage.managed is read-only: an administrator's policy writes it. */
export type WritableArea = Exclude<StorageArea, 'managed'>;

/**
 * The stored values of `keys` (null: all). storage.managed answers {} when no policy is set (Chrome) and rejects
 * when none exists (Firefox: "Managed storage manifest not found"): both read as no policy. Other areas reject
 * as the browser does (storage.sync switched off), for the caller to handle.
 */
export async function readArea(
  area: StorageArea,
  keys: readonly string[] | null,
): Promise<Record<string, unknown>> {
  const query = keys === null ? null : [...keys];
  if (area !== 'managed') return browser.storage[area].get(query);
  try {
    return (await browser.storage.managed.get(query)) ?? {};
  } catch {
    return {};
  }
}

export async function writeArea(area: WritableArea, items: Record<string, unknown>): Promise<void> {
  await browser.storage[area].set(items);
}

export async function removeFromArea(area: WritableArea, keys: readonly string[]): Promise<void> {
  if (keys.length > 0) await browser.storage[area].remove([...keys]);
}

/** The keys of `area` that start with `prefix`: the members of an item family, e.g. every `creds:` key. */
export async function keysWithPrefix(area: WritableArea, prefix: string): Promise<string[]> {
  return Object.keys(await browser.storage[area].get(null)).filter((key) => key.startsWith(prefix));
}

export type AreaChangeListener = (changes: Record<string, unknown>, area: string) => void;

/** storage.onChanged, for every area. Returns the function that stops listening. */
export function onAreaChanged(listener: AreaChangeListener): () => void {
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * storage.session holds access tokens, role credentials and sign-in flows: content scripts must never read or
 * write it. That is the default in Chrome and Firefox, but Chromium keeps the level in the profile, so a build
 * that once opened it would leave it open; setting it at every worker start makes the default a fact. Browsers
 * without setAccessLevel keep storage.session closed to content scripts anyway.
 */
export async function closeSessionToContentScripts(): Promise<void> {
  const session = browser.storage.session as {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  await session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
}
