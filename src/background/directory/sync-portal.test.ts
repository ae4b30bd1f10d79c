import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import type { PortalDirectory, SyncProgress } from '../../shared/directory/model';
import { MAX_ROLES_PER_ACCOUNT, readAccountsPage, readRolesPage } from './portal-answers';
import { createRateLimiter } from './rate-limiter';
import { type SyncDeps, syncPortal } from './sync-portal';

interface FakeAccount {
  accountId: string;
  accountName: string;
  emailAddress: string;
  roles: string[];
}

const ROLES = ['AdministratorAccess', 'ReadOnlyAccess', 'PowerUserAccess', 'Billing'];
function organization(count: number): FakeAccount[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId: String(100000000000 + i),
    accountName: `account-${i}`,
    emailAddress: `aws+${i}@example.com`,
    roles: ROLES.slice(0, 1 + (i % 4)),
  }));
}

/** An SDK-like error: name, HTTP status, optional Retry-After, a message echoing a token (it must not leak). */
function awsError(name: string, status?: number, retryAfterMs?: number) {
  const error = new Error(`${name}: bearer SECRET-TOKEN`) as Error & Record<string, unknown>;
  error.name = name;
  if (status !== undefined) error.$metadata = { httpStatusCode: status };
  if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  return error;
}

type Fault = (call: {
  op: 'accounts' | 'roles';
  accountId?: string;
  n: number;
  now: number;
}) => Error | undefined;

/**
 * A portal in memory: pages of `pageSize` accounts, 50 ms per request on a virtual clock, faults on demand,
 * optionally through a limiter (which 429s feed, as portal-deps does). Records calls, saves and progress.
 */
function fakePortal(
  accounts: FakeAccount[],
  options: { pageSize?: number; fault?: Fault; limited?: boolean; cache?: PortalDirectory | null } = {},
) {
  const clock = createFakeClock();
  const limiter = options.limited ? createRateLimiter({ now: clock.now, sleep: clock.sleep }) : undefined;
  const pageSize = options.pageSize ?? 100;
  const calls: string[] = [];
  const saves: PortalDirectory[] = [];
  const progress: SyncProgress[] = [];
  let stored = options.cache ?? null;
  let inFlight = 0;
  let peak = 0;
  let n = 0;
  const call = async <T>(op: 'accounts' | 'roles', accountId: string | undefined, answer: () => T) => {
    const attempt = async () => {
      calls.push(op === 'roles' ? `roles:${accountId}` : 'accounts');
      peak = Math.max(peak, ++inFlight);
      await clock.sleep(50);
      inFlight -= 1;
      const error = options.fault?.({ op, accountId, n: n++, now: clock.now() });
      if (error) throw error;
      return answer();
    };
    if (!limiter) return attempt();
    return limiter.run(({ sentAt }) =>
      attempt().catch((error: Error & { retryAfterMs?: number }) => {
        if (error.retryAfterMs !== undefined) limiter.onThrottled(error.retryAfterMs, sentAt);
        throw error;
      }),
    );
  };
  const deps: SyncDeps = {
    listAccountsPage: (nextToken) =>
      call('accounts', undefined, () => {
        const start = Number(nextToken ?? 0);
        const page = accounts.slice(start, start + pageSize).map(({ roles: _, ...account }) => account);
        const next = start + pageSize < accounts.length ? String(start + pageSize) : undefined;
        return { accounts: page, ...(next ? { nextToken: next } : {}) };
      }),
    listRolesPage: (accountId) =>
      call('roles', accountId, () => ({
        roles: accounts.find((a) => a.accountId === accountId)?.roles ?? [],
      })),
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    loadDirectory: async () => stored,
    saveDirectory: async (directory) => {
      stored = structuredClone(directory);
      saves.push(stored);
    },
  };
  const sync = () => clock.settle(syncPortal('p1', deps, (p) => void progress.push(p)));
  return { clock, deps, limiter, calls, saves, progress, sync, stored: () => stored, peak: () => peak };
}

/** From now on one account's role list is `body`, read as the portal's deps read a real answer. */
function answerRolesOf(portal: ReturnType<typeof fakePortal>, accountId: string, body: unknown): void {
  const listRoles = portal.deps.listRolesPage;
  portal.deps.listRolesPage = async (id, token) => {
    if (id !== accountId) return listRoles(id, token);
    const { items, skipped } = readRolesPage(body);
    return { roles: items, skipped };
  };
}

const rolesOf = (directory: PortalDirectory | null, accountId: string) =>
  directory?.accounts.find((a) => a.accountId === accountId)?.roles.map((r) => r.roleName);

describe('syncPortal', () => {
  it('lists every page of accounts and every role', async () => {
    const org = organization(250);
    const portal = fakePortal(org);
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({ state: 'done', totalAccounts: 250, accountsWithRoles: 250 });
    expect(outcome.message).toBeUndefined();
    expect(portal.calls.filter((c) => c === 'accounts')).toHaveLength(3);
    const stored = portal.stored();
    expect(stored?.accounts.map((a) => a.accountId)).toEqual(org.map((a) => a.accountId));
    for (const account of org) expect(rolesOf(stored, account.accountId)).toEqual(account.roles);
    expect(stored?.syncedAt).toBeDefined();
    expect(stored?.previousSyncedAt).toBeUndefined();
  });

  it('syncs 500 accounts in parallel, bounded, saving and reporting progress as it goes', async () => {
    const portal = fakePortal(organization(500), { limited: true });
    const outcome = await portal.sync();
    expect(outcome.state).toBe('done');
    // The limiter's cap, not the workers': Chromium's 6 connections per host, and one ready to take a free one.
    expect(portal.peak()).toBe(7);
    expect(portal.saves.length).toBeGreaterThan(3);
    expect(portal.stored()?.accounts.every((a) => a.roles.length >= 1 && a.roles.length <= 4)).toBe(true);
    const seen = portal.progress;
    for (let i = 1; i < seen.length; i++) {
      const [before, after] = [seen[i - 1] as SyncProgress, seen[i] as SyncProgress];
      expect(after.accountsListed).toBeGreaterThanOrEqual(before.accountsListed);
      expect(after.accountsWithRoles).toBeGreaterThanOrEqual(before.accountsWithRoles);
      expect(after.totalAccounts).toBeGreaterThanOrEqual(before.totalAccounts);
      expect(after.accountsWithRoles).toBeLessThanOrEqual(after.totalAccounts);
    }
    expect(seen.at(-1)).toMatchObject({ state: 'done', accountsWithRoles: 500, totalAccounts: 500 });
  });

  it('merges with the cache: keeps first-seen times, marks new accounts and roles, drops removed ones', async () => {
    const org = organization(5);
    const portal = fakePortal(org);
    await portal.sync();
    const first = portal.stored() as PortalDirectory;
    portal.clock.sleep(60_000);
    await portal.clock.settle(portal.clock.sleep(60_000));
    org.splice(1, 1); // account-1 removed
    org.push({
      accountId: '999999999999',
      accountName: 'new',
      emailAddress: 'n@example.com',
      roles: ['Dev'],
    });
    const [zero] = org as [FakeAccount];
    zero.roles = ['AdministratorAccess', 'NewRole'];
    zero.accountName = 'renamed';
    await portal.sync();
    const second = portal.stored() as PortalDirectory;
    expect(second.previousSyncedAt).toBe(first.syncedAt);
    expect(second.syncedAt).toBeGreaterThan(first.syncedAt as number);
    expect(second.accounts.map((a) => a.accountId)).not.toContain('100000000001');
    const before = first.accounts[0];
    const after = second.accounts.find((a) => a.accountId === zero.accountId);
    expect(after?.accountName).toBe('renamed');
    expect(after?.firstSeenAt).toBe(before?.firstSeenAt);
    const role = (name: string) => after?.roles.find((r) => r.roleName === name);
    expect(role('AdministratorAccess')?.firstSeenAt).toBe(before?.roles[0]?.firstSeenAt);
    expect(role('NewRole')?.firstSeenAt).toBeGreaterThan(second.previousSyncedAt as number);
    const added = second.accounts.find((a) => a.accountId === '999999999999');
    expect(added?.firstSeenAt).toBeGreaterThan(second.previousSyncedAt as number);
  });

  it('records a per-account failure, keeps its old roles, and retries it first next time', async () => {
    const org = organization(20);
    let broken = false;
    const fault: Fault = ({ op, accountId }) =>
      broken && op === 'roles' && accountId === '100000000007'
        ? awsError('ForbiddenException', 403)
        : undefined;
    const portal = fakePortal(org, { fault });
    await portal.sync();
    broken = true;
    const outcome = await portal.sync();
    expect(outcome.state).toBe('done');
    expect(outcome.message).toMatch(/1 account/);
    const failed = portal.stored()?.accounts.find((a) => a.accountId === '100000000007');
    expect(failed?.rolesError).toMatch(/ForbiddenException/);
    expect(failed?.rolesError).not.toMatch(/SECRET/);
    expect(failed?.roles.map((r) => r.roleName)).toEqual(org[7]?.roles);
    expect(portal.stored()?.accounts.filter((a) => a.rolesError)).toHaveLength(1);

    broken = false;
    portal.calls.length = 0;
    await portal.sync();
    expect(portal.calls.find((c) => c.startsWith('roles:'))).toBe('roles:100000000007');
    expect(portal.stored()?.accounts.find((a) => a.accountId === '100000000007')?.rolesError).toBeUndefined();
  });

  it('retries 5xx and network errors with backoff, losing nothing', async () => {
    const failures = new Map<string, number>();
    const fault: Fault = ({ op, accountId, n }) => {
      const key = `${op}:${accountId}`;
      const count = failures.get(key) ?? 0;
      if (count >= 2 || n % 3 !== 0) return undefined;
      failures.set(key, count + 1);
      return count === 0 ? awsError('InternalServerException', 500) : new TypeError('Failed to fetch');
    };
    const portal = fakePortal(organization(150), { fault });
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({ state: 'done', accountsWithRoles: 150 });
    expect(outcome.message).toBeUndefined();
    expect(portal.stored()?.accounts.every((a) => !a.rolesError && a.roles.length > 0)).toBe(true);
    expect(failures.size).toBeGreaterThan(10);
  });

  it('only slows down when throttled: nothing missing, no error, a "slowed down" hint', async () => {
    // The server: 20 requests per second, burst 10, 429 with Retry-After 1 s beyond that.
    let tokens = 10;
    let at = 0;
    const fault: Fault = ({ now }) => {
      tokens = Math.min(10, tokens + ((now - at) / 1000) * 20);
      at = now;
      if (tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      return awsError('TooManyRequestsException', 429, 1000);
    };
    const portal = fakePortal(organization(300), { fault, limited: true });
    at = portal.clock.now();
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({ state: 'done', accountsWithRoles: 300 });
    expect(outcome.message).toBeUndefined();
    expect(portal.limiter?.stats().throttleEvents).toBeGreaterThan(0);
    expect(portal.progress.some((p) => p.throttled)).toBe(true);
    expect(portal.stored()?.accounts.every((a) => !a.rolesError && a.roles.length > 0)).toBe(true);
  });

  // A hiccup retried successfully is no error: the next save stores everything the failed one would have.
  it('tries a failed save again with the next one: done, nothing lost, no error shown', async () => {
    const org = organization(40);
    const portal = fakePortal(org);
    const save = portal.deps.saveDirectory;
    let saves = 0;
    portal.deps.saveDirectory = async (directory) => {
      if (++saves === 2) throw new Error('IO error: storage busy');
      return save(directory);
    };
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({ state: 'done', accountsWithRoles: 40 });
    expect(outcome.message).toBeUndefined();
    expect(portal.progress.filter((p) => p.message || p.state === 'failed')).toEqual([]);
    for (const account of org) expect(rolesOf(portal.stored(), account.accountId)).toEqual(account.roles);
  });

  it('does not fail the sync when a progress report fails: the next one catches up', async () => {
    const portal = fakePortal(organization(40));
    const reports: SyncProgress[] = [];
    let calls = 0;
    const outcome = await portal.clock.settle(
      syncPortal('p1', portal.deps, (p) => {
        if (++calls === 2) throw new Error('Extension context invalidated');
        reports.push(p);
      }),
    );
    expect(outcome).toMatchObject({ state: 'done', accountsWithRoles: 40 });
    expect(outcome.message).toBeUndefined();
    expect(reports.at(-1)).toEqual(outcome);
  });

  it('stops and says so when saving keeps failing (storage full)', async () => {
    const portal = fakePortal(organization(300));
    portal.deps.saveDirectory = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    const outcome = await portal.sync();
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toMatch(/^Could not store the account list in the browser\./);
    expect(outcome.message).not.toMatch(/QUOTA/);
    // It stopped early instead of listing every role for nothing.
    expect(portal.calls.filter((c) => c.startsWith('roles:')).length).toBeLessThan(300);
  });

  it.each([
    ['UnauthorizedException', awsError('UnauthorizedException', 401)],
    ['SignedOutError', Object.assign(new Error('You are signed out.'), { name: 'SignedOutError' })],
  ])('stops on %s while listing accounts and leaves the cache untouched', async (_, error) => {
    const portal = fakePortal(organization(250));
    await portal.sync();
    const cache = portal.stored();
    const saves = portal.saves.length;
    portal.deps.listAccountsPage = async (token) => {
      if (token) throw error; // the second page
      return { accounts: [], nextToken: '100' };
    };
    const outcome = await portal.sync();
    expect(outcome.state).toBe('failed');
    expect(outcome.message).toMatch(/[Ss]ign in/);
    expect(outcome.message).not.toMatch(/SECRET/);
    expect(portal.saves.length).toBe(saves);
    expect(portal.stored()).toBe(cache);
  });

  it('stops when the session ends mid-roles, keeping a consistent directory', async () => {
    const fault: Fault = ({ op, n }) =>
      op === 'roles' && n > 40 ? awsError('UnauthorizedException', 401) : undefined;
    const portal = fakePortal(organization(120), { fault });
    const outcome = await portal.sync();
    expect(outcome.state).toBe('failed');
    const stored = portal.stored() as PortalDirectory;
    expect(stored.accounts).toHaveLength(120);
    expect(stored.accounts.filter((a) => a.rolesSyncedAt !== undefined).length).toBeGreaterThan(30);
    expect(stored.accounts.every((a) => !a.rolesError)).toBe(true);
    expect(portal.calls.length).toBeLessThan(60);
  });

  it('shows a first sync as it arrives, but changes an existing cache only once the list is complete', async () => {
    const org = organization(300);
    const first = fakePortal(org, { pageSize: 50 });
    await first.sync();
    const sizes = first.saves.map((d) => d.accounts.length);
    expect(sizes[0]).toBeLessThan(300);
    expect(first.saves[0]?.syncedAt).toBeUndefined();

    const again = fakePortal(org, { pageSize: 50, cache: first.stored() });
    await again.clock.settle(again.clock.sleep(60_000));
    await again.sync();
    const listedAt = again.stored()?.syncedAt;
    expect(listedAt).toBeGreaterThan(first.stored()?.syncedAt as number);
    expect(again.saves.every((d) => d.accounts.length === 300 && d.syncedAt === listedAt)).toBe(true);
  });

  it('resumes a sync stopped midway: the accounts it did not reach come first', async () => {
    const org = organization(200);
    const portal = fakePortal(org);
    await portal.sync();
    const cache = structuredClone(portal.stored()) as PortalDirectory;
    // As a sync killed halfway would leave it: half the accounts refreshed later than the others.
    cache.accounts.forEach((account, i) => {
      account.rolesSyncedAt = (account.rolesSyncedAt as number) + (i < 100 ? 5000 : 0);
    });
    const resumed = fakePortal(org, { cache });
    await resumed.sync();
    const order = resumed.calls.filter((c) => c.startsWith('roles:')).slice(0, 100);
    expect(order.every((c) => Number(c.slice(-3)) >= 100)).toBe(true);
  });
});

/** Raw answers go through the real checks (portal-answers.ts), as portal-deps.ts sends the SDK's output. */
describe('syncPortal with answers that are not what AWS sends', () => {
  const raw = (account: FakeAccount) => ({
    accountId: account.accountId,
    accountName: account.accountName,
    emailAddress: account.emailAddress,
  });

  it('leaves out unreadable account entries, says so, and keeps cached accounts they may have been', async () => {
    const org = organization(5);
    const portal = fakePortal(org);
    await portal.sync();
    const [a0, a1, a2, a3, a4] = org as [FakeAccount, FakeAccount, FakeAccount, FakeAccount, FakeAccount];
    portal.deps.listAccountsPage = async () => {
      const { items, skipped } = readAccountsPage({
        accountList: [
          raw(a0),
          raw(a1),
          raw(a2),
          raw(a3),
          { ...raw(a4), accountId: Number(a4.accountId) },
          'x',
        ],
      });
      return { accounts: items, skipped };
    };
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({
      state: 'done',
      message: 'Left out 2 entries AWS sent that the extension could not read.',
    });
    // The garbled entry was account 4's: it stays as cached, roles and all.
    expect(portal.stored()?.accounts.map((a) => a.accountId)).toEqual(org.map((a) => a.accountId));
    expect(rolesOf(portal.stored(), a4.accountId)).toEqual(a4.roles);
  });

  it('keeps cached roles when a role list had unreadable entries, adding the readable ones', async () => {
    const org = organization(3);
    const portal = fakePortal(org);
    await portal.sync();
    const [a0] = org as [FakeAccount];
    answerRolesOf(portal, a0.accountId, { roleList: [{ roleName: 5 }, {}, { roleName: 'NewRole' }] });
    const outcome = await portal.sync();
    expect(outcome.message).toBe('Left out 2 entries AWS sent that the extension could not read.');
    expect(rolesOf(portal.stored(), a0.accountId)).toEqual(['NewRole', ...a0.roles]);
  });

  it('refuses a role list that is not a list: the account keeps its roles and the sync says so', async () => {
    const org = organization(3);
    const portal = fakePortal(org);
    await portal.sync();
    const [a0] = org as [FakeAccount];
    answerRolesOf(portal, a0.accountId, { roleList: { roleName: 'x' } });
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({
      state: 'done',
      message: 'Roles of 1 account(s) could not be listed; retrying on the next sync.',
    });
    const account = portal.stored()?.accounts.find((a) => a.accountId === a0.accountId);
    expect(account?.rolesError).toBe(
      'AWS sent a role list the extension could not read. Retrying on the next sync.',
    );
    expect(account?.roles.map((r) => r.roleName)).toEqual(a0.roles);
  });

  it(`lists at most ${MAX_ROLES_PER_ACCOUNT} roles of one account, and says so`, async () => {
    const org = organization(2);
    const [a0] = org as [FakeAccount];
    a0.roles = Array.from({ length: 5000 }, (_, i) => `Role${i}`);
    const portal = fakePortal(org);
    portal.deps.listRolesPage = async (accountId, token) => {
      const roles = org.find((a) => a.accountId === accountId)?.roles ?? [];
      const start = Number(token ?? 0);
      const next = start + 100 < roles.length ? String(start + 100) : undefined;
      return { roles: roles.slice(start, start + 100), ...(next ? { nextToken: next } : {}) };
    };
    const outcome = await portal.sync();
    expect(outcome.message).toBe('1 account(s) have more than 1,000 roles; only the first 1,000 are listed.');
    expect(rolesOf(portal.stored(), a0.accountId)).toEqual(a0.roles.slice(0, MAX_ROLES_PER_ACCOUNT));
  });

  it('fails on an account list that is not a list, with a clear message, leaving the cache as it was', async () => {
    const portal = fakePortal(organization(4));
    await portal.sync();
    const cache = portal.stored();
    portal.deps.listAccountsPage = async () => {
      const { items } = readAccountsPage({ accountList: 'not a list' });
      return { accounts: items };
    };
    const outcome = await portal.sync();
    expect(outcome).toMatchObject({
      state: 'failed',
      message:
        'AWS sent an account list the extension could not read. The list shown may be out of date; try again later.',
    });
    expect(portal.stored()).toBe(cache);
  });
});
