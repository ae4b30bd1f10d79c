import * as v from 'valibot';
import { PortalDirectorySchema, type SyncProgress } from '../../shared/directory/model';
import { defineItemFamily } from '../../shared/storage/define-item';

/**
 * Same keys, areas and schemas as src/shared/directory/items.ts (the popup's side, in progress concurrently);
 * once that lands this file should re-export from it, so each key is declared once.
 *
 * The cached directory of each portal (`directory:<portalId>`), in storage.local so the popup renders at once
 * after a browser restart. Holds no secret. A corrupt value reads as null: the next sync starts afresh.
 */
export const directoryItem = defineItemFamily({
  key: 'directory',
  area: 'local',
  schema: v.nullable(PortalDirectorySchema),
  fallback: null,
});

/** `SyncProgress` as stored, stamped with when it was written. */
export type StoredSyncProgress = SyncProgress & { readonly updatedAt?: number };

const SyncProgressSchema: v.GenericSchema<unknown, StoredSyncProgress> = v.object({
  portalId: v.string(),
  state: v.picklist(['idle', 'listing-accounts', 'listing-roles', 'done', 'failed']),
  accountsListed: v.number(),
  accountsWithRoles: v.number(),
  totalAccounts: v.number(),
  message: v.optional(v.string()),
  throttled: v.optional(v.boolean()),
  /** Epoch ms of the last change, so a sync abandoned by a stopped worker can be recognised. */
  updatedAt: v.optional(v.number()),
});

/**
 * The sync in flight or last finished, per portal (`directory.progress:<portalId>`), so a popup opened mid-sync
 * shows progress. storage.session: it means nothing after a browser restart.
 */
export const syncProgressItem = defineItemFamily({
  key: 'directory.progress',
  area: 'session',
  schema: v.nullable(SyncProgressSchema),
  fallback: null,
});
