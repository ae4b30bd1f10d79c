import { type ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import type { PortalDirectory, SyncProgress } from '../../shared/directory/model';
import { portalSyncDeps } from './portal-deps';
import { createRateLimiter } from './rate-limiter';
import { syncPortal } from './sync-portal';

// The whole sync as it runs in the worker (portal deps, shared limiter, retries), the SDK's transport replaced by
// a throttling portal on a virtual clock. The token is a constant and no storage is touched.
vi.mock('../../shared/browser', () => ({ browser: {} }));
vi.mock('../auth/session', () => import('../../../test/support/session-passthrough'));
vi.mock('../status/notify-ui', () => ({
  notifyUi: async () => undefined,
  notifyPages: async () => undefined,
}));
vi.mock('../portals/find-portal', () => ({ findPortal: async () => ({ region: 'us-east-1' }) }));

afterEach(() => {
  vi.restoreAllMocks();
});

/** What the SDK throws for the portal's 429 today: AWS's body, no Retry-After (docs/aws-protocol.md §7). */
function throttled() {
  const error = Object.assign(new Error('HTTP 429 Unknown Code'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 429 },
  });
  Object.defineProperty(error, '$response', {
    value: { statusCode: 429, headers: { 'content-type': 'application/json' } },
  });
  return error;
}

interface Server {
  /** Requests per second the portal's token bucket refills, and how many it holds. */
  readonly rate: number;
  readonly burst: number;
}

/**
 * Syncs `accounts` accounts (1-3 roles each) from an empty cache against a portal that throttles like a token
 * bucket: a request takes `latencyMs`, and is judged when it arrives, halfway.
 */
async function throttledSync(accounts: number, server: Server, latencyMs: number) {
  const clock = createFakeClock(0);
  const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
  const roles = ['AdministratorAccess', 'ReadOnlyAccess', 'Billing'];
  const organization = Array.from({ length: accounts }, (_, i) => ({
    accountId: String(100_000_000_000 + i),
    accountName: `account-${i}`,
    emailAddress: `aws+${i}@example.com`,
    roles: roles.slice(0, 1 + (i % 3)),
  }));
  let tokens = server.burst;
  let refilledAt = 0;
  let answered = 0;
  let refused = 0;
  vi.spyOn(SSOClient.prototype, 'send').mockImplementation(async (command: unknown) => {
    await clock.sleep(latencyMs / 2);
    tokens = Math.min(server.burst, tokens + ((clock.now() - refilledAt) / 1000) * server.rate);
    refilledAt = clock.now();
    const accepted = tokens >= 1;
    if (accepted) tokens -= 1;
    await clock.sleep(latencyMs / 2);
    answered += 1;
    if (!accepted) {
      refused += 1;
      throw throttled();
    }
    if (command instanceof ListAccountsCommand) {
      const start = Number(command.input.nextToken ?? 0);
      const page = organization.slice(start, start + (command.input.maxResults ?? 100));
      const next = start + page.length;
      return {
        accountList: page.map(({ roles: _, ...account }) => account),
        ...(next < accounts ? { nextToken: String(next) } : {}),
      };
    }
    const { accountId } = (command as ListAccountRolesCommand).input;
    const account = organization.find((a) => a.accountId === accountId);
    return { roleList: (account?.roles ?? []).map((roleName) => ({ roleName, accountId })) };
  });
  let stored: PortalDirectory | null = null;
  const shown: SyncProgress[] = [];
  const deps = {
    ...portalSyncDeps('p1', { region: 'us-east-1', stack: 'ipv4' }, limiter),
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    loadDirectory: async () => stored,
    saveDirectory: async (directory: PortalDirectory) => {
      stored = structuredClone(directory);
    },
  };
  const outcome = await clock.settle(syncPortal('p1', deps, (p) => void shown.push(p)));
  const successes = answered - refused;
  return {
    outcome,
    shown,
    organization,
    stored: stored as PortalDirectory | null,
    refusedShare: refused / answered,
    /** No client can do better: the bucket's burst at once, then its rate. */
    ratioToBound: clock.now() / 1000 / ((successes - server.burst) / server.rate),
  };
}

describe('a full sync against a throttling portal (5 requests/s, burst 10, no Retry-After)', () => {
  // Latency matters: each request in flight when the portal runs dry is answered 429 too, so the first contact
  // with the limit costs about one latency's worth of requests, whatever the limiter does next.
  // Over a longer sync the limiter keeps to the rate it measured, probing above it only slowly: fewer still.
  it.each([
    { accounts: 50, latencyMs: 20, share: 0.1 },
    { accounts: 50, latencyMs: 50, share: 0.1 },
    { accounts: 200, latencyMs: 50, share: 0.05 },
    { accounts: 200, latencyMs: 100, share: 0.05 },
  ])(
    '$accounts accounts at $latencyMs ms: at most $share answered 429, nothing lost, no error',
    async ({ accounts, latencyMs, share }) => {
      const server = { rate: 5, burst: 10 };
      const run = await throttledSync(accounts, server, latencyMs);
      expect(run.outcome).toMatchObject({
        state: 'done',
        accountsWithRoles: accounts,
        totalAccounts: accounts,
      });
      expect(run.outcome.message).toBeUndefined();
      expect(run.shown.filter((p) => p.message || p.state === 'failed')).toEqual([]);
      for (const account of run.organization) {
        const got = run.stored?.accounts.find((a) => a.accountId === account.accountId);
        expect(got?.rolesError).toBeUndefined();
        expect(got?.roles.map((r) => r.roleName)).toEqual(account.roles);
      }
      expect(run.refusedShare).toBeLessThanOrEqual(share);
      expect(run.ratioToBound).toBeLessThan(1.2);
    },
  );
});
