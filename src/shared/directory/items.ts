import { withManagedAccountPrefs } from '../settings/managed-overlay';
import { defineItem, defineItemFamily } from '../storage/define-item';
import { STORAGE } from '../storage/registry';
import { AccountPrefsSchema } from '../storage/schemas/directory';
import { decodeDirectory, encodeDirectory } from './compact';
import type { PortalDirectory } from './model';

export { AccountPrefsSchema, SyncProgressSchema } from '../storage/schemas/directory';

/**
 * Directory storage, readable by the popup directly: none of it is secret, and reading storage is faster than
 * waking the service worker, which matters for the popup's first render.
 */

const directoryText = defineItemFamily(STORAGE.directory);

/**
 * The cached accounts and roles of one portal, written by the background's sync. Stored compactly as one string
 * (compact.ts says why); callers see a PortalDirectory.
 */
export function directoryItem(portalId: string) {
  const item = directoryText(portalId);
  return {
    key: item.key,
    async get(): Promise<PortalDirectory | null> {
      const text = await item.get();
      return text === null ? null : decodeDirectory(text);
    },
    set: (directory: PortalDirectory) => item.set(encodeDirectory(directory)),
    remove: () => item.remove(),
  };
}

/** Progress of the portal's sync in flight. Session-only: a sync does not survive the browser. */
export const syncProgressItem = defineItemFamily(STORAGE.syncProgress);

/**
 * What the user set per account, keyed by account id: ids are unique across AWS, so aliases and colours survive
 * removing and re-adding a portal, and tags find them from the id alone. Never touched by a sync. Reads give
 * the settings in force: an administrator's alias, colour, tier or region wins (settings/managed-overlay.ts).
 */
export const accountPrefsItem = withManagedAccountPrefs(
  defineItem(STORAGE.accountPrefs),
  AccountPrefsSchema.entries,
);

/** How often and how recently each role was opened, keyed by roleKey(), for ranking. */
export const roleUsageItem = defineItem(STORAGE.roleUsage);
