import type { DirectoryAccount, PortalDirectory, SyncProgress } from '../../shared/directory/model';
import { UserFacingError } from '../messaging/user-facing-error';
import { buildDirectory, type ListedAccount, type RolesResult } from './merge';
import { MAX_ROLES_PER_ACCOUNT } from './portal-answers';
import { classify, describeFailure, type RetryPolicy, withRetry } from './retry';

const THROTTLED_HINT_MS = 3000;
/** Saves failing one after another: storage refuses, not a passing hiccup. */
const MAX_FAILED_SAVES = 3;

/**
 * The portal and the cache, injected so the sync runs without the SDK or storage in tests. `skipped` counts
 * entries of a page that were not what AWS sends (portal-answers.ts), left out of it.
 */
export interface SyncDeps {
  listAccountsPage(
    nextToken?: string,
  ): Promise<{ accounts: ListedAccount[]; nextToken?: string; skipped?: number }>;
  listRolesPage(
    accountId: string,
    nextToken?: string,
  ): Promise<{ roles: string[]; nextToken?: string; skipped?: number }>;
  now(): number;
  loadDirectory(): Promise<PortalDirectory | null>;
  saveDirectory(directory: PortalDirectory): Promise<void>;
  /** For retry backoff; default setTimeout. */
  sleep?(ms: number): Promise<void>;
  random?(): number;
}

export interface SyncOptions {
  /** Accounts whose roles are fetched at once. The limiter inside the deps paces the requests themselves. */
  readonly concurrency?: number;
  /** Least time between two saves; a slow save (thousands of accounts) stretches it to 4× its duration. */
  readonly saveEveryMs?: number;
}

/**
 * One sync of a portal's directory. Role fan-out starts at once on the cached accounts (stalest first, so a sync
 * the worker killed midway is finished first by the next one), in parallel with paging through the account
 * list; accounts the list reveals join the queue as they arrive. Never throws: the outcome is the final progress.
 */
export async function syncPortal(
  portalId: string,
  deps: SyncDeps,
  onProgress: (progress: SyncProgress) => void | Promise<void>,
  options: SyncOptions = {},
): Promise<SyncProgress> {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  // When AWS last said to slow down: the popup shows "slowed down" for a while after, not an error.
  let throttledAt = Number.NEGATIVE_INFINITY;
  const throttled = () => deps.now() - throttledAt < THROTTLED_HINT_MS;
  const policy: RetryPolicy = {
    attempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 3000,
    maxThrottles: 30,
    sleep,
    random: deps.random ?? Math.random,
    onAnswer: (wasThrottled) => {
      if (!wasThrottled) return;
      const news = !throttled();
      throttledAt = deps.now();
      // Say so at once: the pause that follows produces no other progress to report.
      if (news) write(false);
    },
  };
  const previous = await deps.loadDirectory();
  const cached = new Map((previous?.accounts ?? []).map((account) => [account.accountId, account]));
  const listed = new Map<string, { account: ListedAccount; at: number }>();
  const results = new Map<string, RolesResult>();
  let listCompletedAt: number | undefined;
  let failure: unknown;
  // Unreadable entries left out, and accounts whose roles were cut at MAX_ROLES_PER_ACCOUNT: said at the end.
  let skippedAccounts = 0;
  let skippedRoles = 0;
  let cappedAccounts = 0;

  // Never listed or failed last time first, then oldest. Accounts the list reveals go to the front.
  const stale = (account: DirectoryAccount) => (account.rolesError ? -1 : (account.rolesSyncedAt ?? -1));
  const queue = [...cached.values()].sort((a, b) => stale(a) - stale(b)).map((a) => a.accountId);
  const revealed: string[] = [];
  // Workers with nothing to do wait for the next page of accounts.
  let release = () => {};
  let arrival = new Promise<void>((resolve) => {
    release = resolve;
  });
  const wake = () => {
    release();
    arrival = new Promise<void>((resolve) => {
      release = resolve;
    });
  };

  const progress = (): SyncProgress => {
    const state = failure ? 'failed' : listCompletedAt === undefined ? 'listing-accounts' : 'listing-roles';
    let attempted = 0;
    for (const id of results.keys()) if (listed.has(id)) attempted += 1;
    return {
      portalId,
      state,
      accountsListed: listed.size,
      accountsWithRoles: attempted,
      totalAccounts: listed.size,
      ...(throttled() && !failure ? { throttled: true } : {}),
    };
  };
  const directory = () =>
    buildDirectory({
      portalId,
      previous,
      listed,
      results,
      listCompletedAt,
      listPartial: skippedAccounts > 0,
    });

  // Saves and progress reports run one after another, the latest state each time, never blocking the workers.
  // A failed save is tried again with the next one, since each saves everything: the user hears of it only if
  // saving keeps failing (storage full?), and then syncing on would only lose more work. A failed progress
  // report is a popup one step behind until the next one, not a failed sync.
  let writing: Promise<void> = Promise.resolve();
  let nextWriteAt = 0;
  let failedSaves = 0;
  const write = (save: boolean) => {
    writing = writing.then(async () => {
      const started = deps.now();
      if (save) {
        const saved = await deps.saveDirectory(directory()).then(
          () => true,
          () => false,
        );
        failedSaves = saved ? 0 : failedSaves + 1;
        if (failedSaves >= MAX_FAILED_SAVES)
          failure ??= new UserFacingError('Could not store the account list in the browser.');
      }
      await Promise.resolve()
        .then(() => onProgress(progress()))
        .catch(() => undefined);
      nextWriteAt = deps.now() + Math.max(options.saveEveryMs ?? 250, 4 * (deps.now() - started));
    });
  };
  // Until the list is complete a cached directory stays as it is (the list may yet fail); a first sync shows
  // accounts as they arrive.
  const maySave = () => listCompletedAt !== undefined || previous === null;
  const tick = () => {
    if (deps.now() < nextWriteAt) return;
    nextWriteAt = Number.POSITIVE_INFINITY; // one write queued at a time; it sets the next slot when done
    write(maySave());
  };

  const listAccounts = async () => {
    let nextToken: string | undefined;
    const tokens = new Set<string>();
    do {
      if (failure) return;
      const token = nextToken;
      const page = await withRetry(() => deps.listAccountsPage(token), policy);
      skippedAccounts += page.skipped ?? 0;
      const at = deps.now();
      for (const account of page.accounts) {
        if (listed.has(account.accountId)) continue;
        listed.set(account.accountId, { account, at });
        if (!cached.has(account.accountId)) revealed.push(account.accountId);
      }
      wake();
      nextToken = page.nextToken || undefined;
      // A token we already followed would page forever.
      if (nextToken && tokens.has(nextToken))
        throw new UserFacingError('AWS sent the same page of accounts twice.');
      if (nextToken) tokens.add(nextToken);
      tick();
    } while (nextToken);
    listCompletedAt = deps.now();
    write(true);
  };

  /** Undefined when the session ended: that says nothing about the account. */
  const listRoles = async (accountId: string): Promise<RolesResult | undefined> => {
    const roleNames: string[] = [];
    let nextToken: string | undefined;
    let skipped = 0;
    try {
      do {
        const token = nextToken;
        const page = await withRetry(() => deps.listRolesPage(accountId, token), policy);
        roleNames.push(...page.roles);
        skipped += page.skipped ?? 0;
        nextToken = page.nextToken || undefined;
      } while (nextToken && roleNames.length < MAX_ROLES_PER_ACCOUNT);
      // Counted only now: a failed attempt is tried again, and would count twice.
      skippedRoles += skipped;
      if (nextToken || roleNames.length > MAX_ROLES_PER_ACCOUNT) cappedAccounts += 1;
      roleNames.length = Math.min(roleNames.length, MAX_ROLES_PER_ACCOUNT);
      return { ok: true, roleNames, at: deps.now(), ...(skipped ? { partial: true } : {}) };
    } catch (error) {
      if (classify(error) === 'auth') {
        failure ??= error;
        return undefined;
      }
      return { ok: false, error: `${describeFailure(error)} Retrying on the next sync.` };
    }
  };

  const retryLater: string[] = [];
  const worker = async (round: 1 | 2) => {
    for (;;) {
      if (failure) return;
      const accountId = round === 2 ? retryLater.shift() : (revealed.shift() ?? queue.shift());
      if (accountId === undefined) {
        if (round === 2 || listCompletedAt !== undefined) return;
        await arrival;
        continue;
      }
      // Cached but no longer listed: removed, nothing to fetch.
      if (listCompletedAt !== undefined && !listed.has(accountId)) continue;
      if (results.get(accountId)?.ok) continue;
      const result = await listRoles(accountId);
      if (!result) return;
      results.set(accountId, result);
      if (!result.ok && round === 1) retryLater.push(accountId);
      tick();
    }
  };

  const concurrency = options.concurrency ?? 8;
  const workers = (round: 1 | 2) => Promise.all(Array.from({ length: concurrency }, () => worker(round)));
  write(false);
  const listing = listAccounts().catch((error: unknown) => {
    failure ??= error;
  });
  const roundOne = workers(1);
  await listing;
  wake();
  await roundOne;
  // Whoever failed once gets one more go after the rest, when a passing fault has likely cleared.
  if (!failure) await workers(2);
  if (maySave()) write(true);
  await writing;
  // The last save decides: the list stored is this sync's, or the user is told it is not.
  if (failedSaves > 0) failure ??= new UserFacingError('Could not store the account list in the browser.');

  const { throttled: _, ...last } = progress();
  const failed = [...listed.keys()].filter((id) => results.get(id)?.ok === false).length;
  const notes = [
    failed && `Roles of ${failed} account(s) could not be listed; retrying on the next sync.`,
    skippedNote(skippedAccounts + skippedRoles),
    cappedAccounts &&
      `${cappedAccounts} account(s) have more than ${MAX_ROLES_PER_ACCOUNT.toLocaleString('en')} roles; ` +
        `only the first ${MAX_ROLES_PER_ACCOUNT.toLocaleString('en')} are listed.`,
  ].filter(Boolean);
  const final: SyncProgress = failure
    ? { ...last, message: failureMessage(failure) }
    : { ...last, state: 'done', ...(notes.length ? { message: notes.join(' ') } : {}) };
  await Promise.resolve(final)
    .then(onProgress)
    .catch(() => undefined);
  return final;
}

/** What the user should know about entries left out; the accounts they may have been stay as cached. */
function skippedNote(count: number): string {
  if (count === 0) return '';
  return `Left out ${count === 1 ? '1 entry' : `${count} entries`} AWS sent that the extension could not read.`;
}

function failureMessage(error: unknown): string {
  const what = describeFailure(error);
  return classify(error) === 'auth' ? what : `${what} The list shown may be out of date; try again later.`;
}
