import { directoryItem } from '../../shared/directory/items';
import type { ServiceEndpoint } from '../aws/service-endpoint';
import { notifyUi } from '../status/notify-ui';
import { MAX_ROLES_PER_ACCOUNT } from './portal-answers';
import { portalSyncDeps } from './portal-deps';

/**
 * Re-lists the roles of one account after AWS said a role of it is gone (console sign-in got 403/404), so the
 * list stops offering it without a full sync. The account's other data and everyone else's stay as they are.
 * Best effort: a failure leaves the cache as it was, and the next sync repairs it.
 */
export async function refreshAccountRoles(
  portalId: string,
  endpoint: ServiceEndpoint,
  accountId: string,
): Promise<void> {
  const deps = portalSyncDeps(portalId, endpoint);
  const roles: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await deps.listRolesPage(accountId, nextToken);
    roles.push(...page.roles);
    nextToken = page.nextToken;
  } while (nextToken && roles.length < MAX_ROLES_PER_ACCOUNT);
  roles.length = Math.min(roles.length, MAX_ROLES_PER_ACCOUNT);
  // Under the sync's lock: a sync finishing meanwhile must not be overwritten by this older picture, or vice versa.
  await navigator.locks.request(`directory-sync:${portalId}`, async () => {
    const item = directoryItem(portalId);
    const directory = await item.get();
    if (!directory) return;
    const now = Date.now();
    await item.set({
      ...directory,
      accounts: directory.accounts.map((account) =>
        account.accountId !== accountId
          ? account
          : {
              ...withoutError(account),
              rolesSyncedAt: now,
              roles: roles.map(
                (roleName) =>
                  account.roles.find((r) => r.roleName === roleName) ?? { roleName, firstSeenAt: now },
              ),
            },
      ),
    });
  });
  await notifyUi();
}

function withoutError<T extends { rolesError?: string }>(account: T): Omit<T, 'rolesError'> {
  const { rolesError: _error, ...rest } = account;
  return rest;
}
