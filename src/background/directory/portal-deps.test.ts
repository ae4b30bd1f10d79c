import { ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/support/fake-clock';
import { portalSyncDeps } from './portal-deps';
import { createRateLimiter } from './rate-limiter';

// Storage and sessions are the browser's; here the token is a constant and no storage is touched.
vi.mock('../../shared/browser', () => ({ browser: {} }));
vi.mock('../auth/session', () => import('../../../test/support/session-passthrough'));
vi.mock('../status/notify-ui', () => ({
  notifyUi: async () => undefined,
  notifyPages: async () => undefined,
}));
vi.mock('../portals/find-portal', () => ({ findPortal: async () => ({ region: 'us-east-1' }) }));

function throttledError(retryAfter?: string) {
  const error = Object.assign(new Error('Too many requests'), {
    name: 'TooManyRequestsException',
    $metadata: { httpStatusCode: 429 },
  });
  Object.defineProperty(error, '$response', {
    value: { statusCode: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} },
  });
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('portalSyncDeps', () => {
  const setup = () => {
    const clock = createFakeClock(0);
    const limiter = createRateLimiter({ now: clock.now, sleep: clock.sleep });
    const onThrottled = vi.spyOn(limiter, 'onThrottled');
    return {
      clock,
      limiter,
      onThrottled,
      deps: portalSyncDeps('p1', { region: 'eu-west-1', stack: 'ipv4' }, limiter),
    };
  };

  it('asks for pages of 100 with the session token, and maps the answer', async () => {
    const send = vi.spyOn(SSOClient.prototype, 'send').mockImplementation(async (command: unknown) => {
      if (command instanceof ListAccountsCommand) {
        return { accountList: [{ accountId: '111111111111', accountName: 'prod' }, {}], nextToken: 'n1' };
      }
      return { roleList: [{ roleName: 'Admin', accountId: '111111111111' }, {}] };
    });
    const { clock, deps } = setup();
    const page = await clock.settle(deps.listAccountsPage('n0'));
    // The empty entries are not AWS's: left out, and counted for the sync's message (portal-answers.ts).
    expect(page).toEqual({
      accounts: [{ accountId: '111111111111', accountName: 'prod', emailAddress: '' }],
      nextToken: 'n1',
      skipped: 1,
    });
    expect(await clock.settle(deps.listRolesPage('111111111111'))).toEqual({ roles: ['Admin'], skipped: 1 });
    const [accounts, roles] = send.mock.calls.map(([command]) => command);
    expect(accounts).toBeInstanceOf(ListAccountsCommand);
    expect((accounts as ListAccountsCommand).input).toEqual({
      accessToken: 'at-1',
      maxResults: 100,
      nextToken: 'n0',
    });
    expect(roles).toBeInstanceOf(ListAccountRolesCommand);
    expect((roles as ListAccountRolesCommand).input).toMatchObject({
      accountId: '111111111111',
      maxResults: 100,
    });
  });

  it('lets our limiter, not the SDK, retry: one attempt per call', async () => {
    const send = vi.spyOn(SSOClient.prototype, 'send').mockImplementation(async function (this: SSOClient) {
      expect(await this.config.maxAttempts()).toBe(1);
      return { accountList: [] };
    });
    const { clock, deps } = setup();
    await clock.settle(deps.listAccountsPage());
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('turns a 429 into a pause of the shared limiter for Retry-After, and rethrows it', async () => {
    vi.spyOn(SSOClient.prototype, 'send').mockRejectedValue(throttledError('2'));
    const { clock, deps, limiter, onThrottled } = setup();
    await expect(clock.settle(deps.listRolesPage('111111111111'))).rejects.toThrow('Too many requests');
    expect(onThrottled).toHaveBeenCalledWith(2000, 0);
    expect(limiter.stats().pausedUntil).toBe(2000);
  });

  it('tells the limiter of a 429 without Retry-After, as AWS sends it, and leaves the pause to it', async () => {
    vi.spyOn(SSOClient.prototype, 'send').mockRejectedValue(throttledError());
    const { clock, deps, limiter, onThrottled } = setup();
    await expect(clock.settle(deps.listRolesPage('111111111111'))).rejects.toThrow('Too many requests');
    expect(onThrottled).toHaveBeenCalledWith(undefined, 0);
    // Nothing measured yet: the limiter waits a second of its own.
    expect(limiter.stats().pausedUntil).toBe(1000);
  });
});
