import type { DirectoryAccount, DirectoryRole, PortalDirectory } from '../../shared/directory/model';

/** An account as ListAccounts returns it. */
export interface ListedAccount {
  readonly accountId: string;
  readonly accountName: string;
  readonly emailAddress: string;
}

/** What the sync learnt about one account's roles: the names and when, or why it could not. */
export type RolesResult =
  | {
      readonly ok: true;
      readonly roleNames: readonly string[];
      readonly at: number;
      /** Some entries were unreadable: a cached role missing from the list may be one of them, so it stays. */
      readonly partial?: boolean;
    }
  | { readonly ok: false; readonly error: string };

/** Roles as listed now; a role seen before keeps its `firstSeenAt`, so only really new ones are marked new. */
export function mergeRoles(
  previous: readonly DirectoryRole[],
  roleNames: readonly string[],
  now: number,
): DirectoryRole[] {
  const firstSeen = new Map(previous.map((role) => [role.roleName, role.firstSeenAt]));
  const unique = [...new Set(roleNames)];
  return unique.map((roleName) => ({ roleName, firstSeenAt: firstSeen.get(roleName) ?? now }));
}

/**
 * One account after this sync: names and email as listed (they can be renamed), `firstSeenAt` kept from the
 * cache, roles replaced when they were listed, kept with an error when listing them failed, kept as they were
 * when not (yet) attempted.
 */
export function mergeAccount(
  listed: ListedAccount | undefined,
  previous: DirectoryAccount | undefined,
  result: RolesResult | undefined,
  listedAt: number,
): DirectoryAccount {
  const base = listed ?? (previous as DirectoryAccount);
  const account: DirectoryAccount = {
    accountId: base.accountId,
    accountName: base.accountName,
    emailAddress: base.emailAddress,
    firstSeenAt: previous?.firstSeenAt ?? listedAt,
    roles: previous?.roles ?? [],
  };
  if (result?.ok) {
    const kept = result.partial ? account.roles.map((role) => role.roleName) : [];
    account.roles = mergeRoles(account.roles, [...result.roleNames, ...kept], result.at);
    account.rolesSyncedAt = result.at;
    return account;
  }
  if (previous?.rolesSyncedAt !== undefined) account.rolesSyncedAt = previous.rolesSyncedAt;
  const error = result ? result.error : previous?.rolesError;
  if (error !== undefined) account.rolesError = error;
  return account;
}

export interface SyncSnapshot {
  readonly portalId: string;
  readonly previous: PortalDirectory | null;
  /** Accounts listed so far, in the order AWS returned them. */
  readonly listed: ReadonlyMap<string, { readonly account: ListedAccount; readonly at: number }>;
  readonly results: ReadonlyMap<string, RolesResult>;
  /** Set once every page of accounts arrived: then, and only then, unlisted accounts are dropped. */
  readonly listCompletedAt?: number;
  /**
   * Some entries of the list were unreadable: any cached account might be one of them, so none is dropped
   * (they stay as cached) though the list is complete.
   */
  readonly listPartial?: boolean;
}

/**
 * The directory to store at any point of a sync. Before the account list is complete nothing is dropped (a
 * partial list proves no removal): cached accounts stay, newly listed ones are appended. Once complete, the
 * directory is exactly the listed accounts (and the cached ones, when entries were unreadable) and the sync
 * times move on.
 */
export function buildDirectory(snapshot: SyncSnapshot): PortalDirectory {
  const { previous, listed, results } = snapshot;
  const cached = new Map((previous?.accounts ?? []).map((account) => [account.accountId, account]));
  const accountOf = (id: string) => {
    const entry = listed.get(id);
    return mergeAccount(entry?.account, cached.get(id), results.get(id), entry?.at ?? 0);
  };
  const directory: PortalDirectory = { portalId: snapshot.portalId, accounts: [] };
  if (snapshot.listCompletedAt !== undefined) {
    const unlisted = snapshot.listPartial ? [...cached.keys()].filter((id) => !listed.has(id)) : [];
    directory.accounts = [...listed.keys(), ...unlisted].map(accountOf);
    directory.syncedAt = snapshot.listCompletedAt;
    if (previous?.syncedAt !== undefined) directory.previousSyncedAt = previous.syncedAt;
    return directory;
  }
  const ids = [...cached.keys(), ...[...listed.keys()].filter((id) => !cached.has(id))];
  directory.accounts = ids.map(accountOf);
  if (previous?.syncedAt !== undefined) directory.syncedAt = previous.syncedAt;
  if (previous?.previousSyncedAt !== undefined) directory.previousSyncedAt = previous.previousSyncedAt;
  return directory;
}
