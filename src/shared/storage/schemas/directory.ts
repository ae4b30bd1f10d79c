import * as v from 'valibot';
import { RegionCodeSchema } from '../../aws/regions';

/** Shapes of the directory's stored values (src/shared/directory/items.ts). */

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

/** accountPrefs: keyed by account id. */
export const AccountPrefsRecordSchema = v.record(v.string(), AccountPrefsSchema);

/** roleUsage: keyed by roleKey(). */
export const RoleUsageSchema = v.record(v.string(), v.object({ count: v.number(), lastUsedAt: v.number() }));
