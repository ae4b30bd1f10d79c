import * as v from 'valibot';
import { RegionCodeSchema } from '../aws/regions';
import { withManagedAccountPrefs } from '../settings/managed-overlay';
import { defineItem, defineItemFamily } from '../storage/define-item';
import { decodeDirectory, encodeDirectory } from './compact';
import type { PortalDirectory } from './model';

/**
 * Directory storage, readable by the popup directly: none of it is secret, and reading storage is faster than
 * waking the service worker, which matters for the popup's first render.
 */

const directoryText = defineItemFamily({
  key: 'directory',
  area: 'local',
  schema: v.nullable(v.string()),
  fallback: null,
});

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

export const SyncProgressSchema = v.object({
  portalId: v.string(),
  state: v.picklist(['idle', 'listing-accounts', 'listing-roles', 'done', 'failed']),
  accountsListed: v.number(),
  accountsWithRoles: v.number(),
  totalAccounts: v.number(),
  message: v.optional(v.string()),
  throttled: v.optional(v.boolean()),
  /** Epoch ms of the last change, so a sync abandoned by a stopped worker can be recognised. */
  updatedAt: v.optional(v.number()),
  /** Epoch ms the sync started: a Sync pressed before it is answered by it (portal-deps.ts, runPortalSync). */
  startedAt: v.optional(v.number()),
});

/** Progress of the portal's sync in flight. Session-only: a sync does not survive the browser. */
export const syncProgressItem = defineItemFamily({
  key: 'directory.progress',
  area: 'session',
  schema: v.nullable(SyncProgressSchema),
  fallback: null,
});

export const AccountPrefsSchema = v.object({
  alias: v.optional(v.pipe(v.string(), v.maxLength(100))),
  color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i))),
  hidden: v.optional(v.boolean()),
  /** 'production': red tag whatever the name; 'normal': never red; absent: decided by the name ("prod"). */
  tier: v.optional(v.picklist(['production', 'normal'])),
  favorite: v.optional(v.boolean()),
  favoriteRoles: v.optional(v.array(v.string())),
  /** Console region for this account, ahead of the user's default. */
  defaultRegion: v.optional(RegionCodeSchema),
});

/**
 * What the user set per account, keyed by account id: ids are unique across AWS, so aliases and colours survive
 * removing and re-adding a portal, and tags find them from the id alone. Never touched by a sync. Reads give
 * the settings in force: an administrator's alias, colour, tier or region wins (settings/managed-overlay.ts).
 */
export const accountPrefsItem = withManagedAccountPrefs(
  defineItem({
    key: 'accountPrefs',
    area: 'local',
    schema: v.record(v.string(), AccountPrefsSchema),
    fallback: {},
  }),
  AccountPrefsSchema.entries,
);

/** How often and how recently each role was opened, keyed by roleKey(), for ranking. */
export const roleUsageItem = defineItem({
  key: 'roleUsage',
  area: 'local',
  schema: v.record(v.string(), v.object({ count: v.number(), lastUsedAt: v.number() })),
  fallback: {},
});
