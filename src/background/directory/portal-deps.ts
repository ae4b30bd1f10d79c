import { ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import type { SyncProgress } from '../../shared/directory/model';
import { withAccessToken } from '../auth/session';
import { boundAnswerSize } from '../aws/answer-size';
import { isThrottling } from '../aws/errors';
import { portalClient } from '../aws/portal-api';
import { type ServiceEndpoint, serviceEndpoint } from '../aws/service-endpoint';
import { findPortal } from '../portals/find-portal';
import { notifyPages } from '../status/notify-ui';
import { directoryItem, syncProgressItem } from './directory-items';
import { readAccountsPage, readRolesPage } from './portal-answers';
import { type RateLimiter, sharedPortalLimiter } from './rate-limiter';
import { retryAfterMs } from './retry';
import { type SyncDeps, syncPortal } from './sync-portal';

/** The portal rejects `max_result` above 100 (docs/aws-protocol.md §6); 100 keeps pages, and requests, fewest. */
const PAGE_SIZE = 100;

/**
 * The real portal and cache behind `syncPortal`. Every call goes through the shared limiter, with the token
 * that `withAccessToken` reads when the limiter sends it (a 401 is settled outside the limiter: the refresh goes
 * to OIDC, not the portal).
 */
export function portalSyncDeps(
  portalId: string,
  endpoint: ServiceEndpoint,
  limiter: RateLimiter = sharedPortalLimiter(),
): SyncDeps {
  // `maxAttempts: 1`: the SDK's own retries would sleep inside a limiter slot, retry 429s behind the limiter's
  // back (the pause it ordered would not hold them) and stack with the sync's backoff. One policy decides: the
  // limiter paces and pauses, the sync retries. Otherwise the same client as portalClient(endpoint). Answers are
  // read up to a bound, then checked entry by entry (portal-answers.ts): the SDK checks no types.
  const client = portalClient(endpoint, { maxAttempts: 1 });
  boundAnswerSize(client);
  // The token is read inside the limiter's slot (withAccessToken's `via`), when the request really leaves: a
  // call that waited in the queue while a refresh rotated the token must not go out with the old one.
  const send = <T>(call: (accessToken: string) => Promise<T>, priority: boolean) =>
    withAccessToken(portalId, call, (attempt) =>
      limiter.run(
        async ({ sentAt }) => {
          try {
            return await attempt();
          } catch (error) {
            if (isThrottling(error)) limiter.onThrottled(retryAfterMs(error), sentAt);
            throw error;
          }
        },
        { priority },
      ),
    );
  return {
    async listAccountsPage(nextToken) {
      // Priority: each page waits for the previous one, so this chain sets the pace of everything behind it.
      const page = await send(
        (accessToken) =>
          client.send(new ListAccountsCommand({ accessToken, maxResults: PAGE_SIZE, nextToken })),
        true,
      );
      const { items, skipped, nextToken: next } = readAccountsPage(page);
      return { accounts: items, ...(skipped ? { skipped } : {}), ...(next ? { nextToken: next } : {}) };
    },
    async listRolesPage(accountId, nextToken) {
      const page = await send(
        (accessToken) =>
          client.send(
            new ListAccountRolesCommand({ accessToken, accountId, maxResults: PAGE_SIZE, nextToken }),
          ),
        false,
      );
      const { items, skipped, nextToken: next } = readRolesPage(page);
      return { roles: items, ...(skipped ? { skipped } : {}), ...(next ? { nextToken: next } : {}) };
    },
    now: () => Date.now(),
    loadDirectory: () => directoryItem(portalId).get(),
    saveDirectory: (directory) => directoryItem(portalId).set(directory),
  };
}

/**
 * Syncs a portal now, unless a sync of it is already running in this browser (the Web Lock is held across
 * contexts; `ifAvailable` returns at once). Progress goes to storage.session and open pages are told to look.
 *
 * `force` (the user pressed Sync) wants answers from after the press: a sync already running may have listed
 * the accounts before it, so the forced one waits for the lock and then runs, unless a sync started after the
 * press meanwhile (several presses during one sync make one more sync, not several).
 */
export async function runPortalSync(
  portalId: string,
  { force = false }: { force?: boolean } = {},
): Promise<SyncProgress | null> {
  const askedAt = Date.now();
  return navigator.locks.request(`directory-sync:${portalId}`, { ifAvailable: !force }, async (lock) => {
    const last = await syncProgressItem(portalId).get();
    if (!lock || (force && (last?.startedAt ?? Number.NEGATIVE_INFINITY) >= askedAt)) return last;
    const portal = await findPortal(portalId);
    const startedAt = Date.now();
    return syncPortal(portalId, portalSyncDeps(portalId, serviceEndpoint(portal)), async (progress) => {
      await syncProgressItem(portalId).set({ ...progress, startedAt, updatedAt: Date.now() });
      await notifyPages();
    });
  });
}
