import * as v from 'valibot';

/**
 * The directory: every account and role of every portal, as last synced. Cached in storage.local per portal
 * (`directory:<portalId>`); holds no secret. User metadata (aliases, colours, favourites) lives apart, in
 * `accountPrefs`, so a sync never overwrites what the user set.
 */
export const DirectoryRoleSchema = v.object({
  roleName: v.string(),
  /** Epoch ms when this role was first seen: "new since last sync" marks. */
  firstSeenAt: v.number(),
});
export type DirectoryRole = v.InferOutput<typeof DirectoryRoleSchema>;

export const DirectoryAccountSchema = v.object({
  accountId: v.string(),
  accountName: v.string(),
  emailAddress: v.string(),
  firstSeenAt: v.number(),
  roles: v.array(DirectoryRoleSchema),
  /** Epoch ms of the last successful ListAccountRoles for this account; absent until it succeeded once. */
  rolesSyncedAt: v.optional(v.number()),
  /** Set when the last attempt to list this account's roles failed; the old roles stay. */
  rolesError: v.optional(v.string()),
});
export type DirectoryAccount = v.InferOutput<typeof DirectoryAccountSchema>;

export const PortalDirectorySchema = v.object({
  portalId: v.string(),
  accounts: v.array(DirectoryAccountSchema),
  /** Epoch ms of the last complete sync (every account listed); absent before the first. */
  syncedAt: v.optional(v.number()),
  /** Epoch ms of the previous complete sync: items first seen after it are "new". */
  previousSyncedAt: v.optional(v.number()),
});
export type PortalDirectory = v.InferOutput<typeof PortalDirectorySchema>;

/** Progress of a sync in flight, for the popup. */
export interface SyncProgress {
  readonly portalId: string;
  readonly state: 'idle' | 'listing-accounts' | 'listing-roles' | 'done' | 'failed';
  readonly accountsListed: number;
  readonly accountsWithRoles: number;
  readonly totalAccounts: number;
  /** Shown to the user: what went wrong and what to do (never contains a token). */
  readonly message?: string;
  /** True while we are waiting because AWS asked us to slow down. */
  readonly throttled?: boolean;
}

/** What the user set on an account. Declared here so directory and settings agree; stored by the settings. */
export interface AccountPrefs {
  readonly alias?: string;
  /** CSS colour, e.g. `#d13212`. */
  readonly color?: string;
  readonly hidden?: boolean;
  /** Danger tier set by the user; absent: decided by the account name. */
  readonly tier?: 'production' | 'normal';
  readonly favorite?: boolean;
  /** Roles starred individually. */
  readonly favoriteRoles?: readonly string[];
  /** Console region for this account, ahead of the user's default. */
  readonly defaultRegion?: string;
}

/** One row the popup can show and act on: a role in an account of a portal. */
export interface RoleEntry {
  readonly portalId: string;
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
  readonly roleName: string;
  readonly alias?: string;
}

/** How often and how recently a role was used, for ranking. */
export interface RoleUsage {
  readonly count: number;
  /** Epoch ms. */
  readonly lastUsedAt: number;
}

export function roleKey(entry: Pick<RoleEntry, 'portalId' | 'accountId' | 'roleName'>): string {
  return `${entry.portalId}/${entry.accountId}/${entry.roleName}`;
}

/** Key of an account's settings and favourites: `<portalId>/<accountId>`. */
export function accountKey(portalId: string, accountId: string): string {
  return `${portalId}/${accountId}`;
}
