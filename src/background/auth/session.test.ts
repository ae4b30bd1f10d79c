import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWebLocks } from '../../../test/support/web-locks';
import type { TokenSet } from '../aws/oidc';
import { accessTokenItem, refreshTokenItem, signInOutcomeItem } from '../storage/secrets';
import {
  REFRESH_BEFORE_MS,
  refreshIfDue,
  type SendVia,
  SignedOutError,
  signOut,
  storeNewSession,
  withAccessToken,
} from './session';

/**
 * The token lifecycle under every interleaving we know of (issue #19). AWS is a small model: the portal accepts
 * the access tokens it issued and has not invalidated, and CreateToken accepts only the newest refresh token
 * (rotation), invalidating older access tokens. Each test holds AWS's answers or a rate limiter's queue with
 * gates, so the order of events is the test's, not the machine's; time is a fake Date, nothing really waits.
 */
vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));
vi.mock('../aws/oidc', () => ({
  createTokenFromRefreshToken: (_region: string, _registration: unknown, refreshToken: string) =>
    aws.refresh(refreshToken),
}));
vi.mock('../aws/portal-api', () => ({ logout: async () => undefined }));
vi.mock('../console/role-credentials-store', () => ({ forgetRoleCredentials: async () => undefined }));
vi.mock('../portals/find-portal', () => ({ findPortal: async () => ({ id: 'p1', region: 'us-east-1' }) }));
vi.mock('../status/notify-ui', () => ({ notifyUi: async () => undefined }));
vi.mock('./registration', () => ({ storedRegistration: async () => ({ clientId: 'c', clientSecret: 's' }) }));
vi.mock('../storage/secret-box', () => ({
  seal: async (secret: string) => ({ iv: 'iv', data: secret }),
  unseal: async (sealed: { data: string }) => sealed.data,
}));

const P = 'p1';
const HOUR = 3_600_000;

interface Gate {
  readonly promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

function awsError(name: string): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 } });
}

/** AWS as far as a token's life goes. */
function createAws() {
  let serial = 0;
  const valid = new Set<string>();
  /** Tokens of another sign-in: a refresh of the first session does not touch them. */
  const otherSession = new Set<string>();
  let refreshToken = '';
  const model = {
    grants: 0,
    portalCalls: [] as string[],
    /** When set, CreateToken waits for it (a refresh in flight). */
    refreshGate: null as Gate | null,
    /** When set, CreateToken fails with this error. */
    refreshError: null as Error | null,
    issue(): TokenSet {
      serial += 1;
      valid.clear();
      valid.add(`at-${serial}`);
      refreshToken = `rt-${serial}`;
      return { accessToken: `at-${serial}`, refreshToken, expiresAt: Date.now() + HOUR };
    },
    async refresh(presented: string): Promise<TokenSet> {
      await model.refreshGate?.promise;
      if (model.refreshError) throw model.refreshError;
      if (presented !== refreshToken) throw awsError('InvalidGrantException');
      model.grants += 1;
      return model.issue();
    },
    /** A second sign-in's tokens (another device authorization: the first session's tokens are untouched). */
    signInAgain(): TokenSet {
      otherSession.add('at-new');
      return { accessToken: 'at-new', refreshToken: 'rt-new', expiresAt: Date.now() + HOUR };
    },
    /** AWS stops accepting every access token issued so far (as when they expire). */
    expireAccessTokens: () => {
      valid.clear();
      otherSession.clear();
    },
    /** A portal API call. */
    async call(token: string): Promise<string> {
      model.portalCalls.push(token);
      if (!valid.has(token) && !otherSession.has(token))
        throw Object.assign(awsError('UnauthorizedException'), { $metadata: { httpStatusCode: 401 } });
      return `ok:${token}`;
    },
  };
  return model;
}

let aws: ReturnType<typeof createAws>;
const locks = createWebLocks();

/** Lets every queued promise run (nothing is faked but Date, so this is a real, short turn of the loop). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A rate limiter's queue, as far as timing goes: sends when the test opens the gate. */
function queuedBehind(g: Gate): SendVia {
  return async (send) => {
    await g.promise;
    return send();
  };
}

const stored = async () => (await accessTokenItem(P).get())?.accessToken ?? null;
const outcome = async () => (await signInOutcomeItem(P).get())?.reason ?? null;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.stubGlobal('navigator', { locks });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(1_000_000_000_000);
  aws = createAws();
  await storeNewSession(P, aws.issue());
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('withAccessToken', () => {
  it('uses the stored token, with no refresh', async () => {
    expect(await withAccessToken(P, aws.call)).toBe('ok:at-1');
    expect(aws.grants).toBe(0);
  });

  it('reads the token when a queued request is sent, not when it was queued (the sign-out of issue #19)', async () => {
    const queue = gate();
    const queued = withAccessToken(P, aws.call, queuedBehind(queue));
    // Meanwhile another request meets a 401 and refreshes: at-1 is no longer accepted.
    aws.expireAccessTokens();
    expect(await withAccessToken(P, aws.call)).toBe('ok:at-2');
    queue.open();
    expect(await queued).toBe('ok:at-2');
    expect(aws.portalCalls).toEqual(['at-1', 'at-2', 'at-2']);
    expect(aws.grants).toBe(1);
    expect(await outcome()).toBeNull();
  });

  it('retries a 401 met by a token rotated meanwhile with the current one, without a second refresh', async () => {
    const answer = gate();
    // A request leaves with at-1 and its 401 arrives only after a refresh elsewhere rotated the tokens.
    const slow = withAccessToken(P, async (token) => {
      await answer.promise;
      return aws.call(token);
    });
    await settle();
    aws.expireAccessTokens();
    expect(await withAccessToken(P, aws.call)).toBe('ok:at-2');
    answer.open();
    expect(await slow).toBe('ok:at-2');
    expect(aws.grants).toBe(1);
    expect(await stored()).toBe('at-2');
  });

  it('shares one refresh among requests that meet 401s together', async () => {
    aws.expireAccessTokens();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => withAccessToken(P, aws.call)));
    expect(results).toEqual(Array(5).fill('ok:at-2'));
    expect(aws.grants).toBe(1);
  });

  it('ends the session when the token it refreshed to is refused too, keeping what is not a secret', async () => {
    await fakeBrowser.storage.local.set({ portals: [{ id: P }] });
    const refusing = async (token: string) => {
      aws.portalCalls.push(token);
      throw Object.assign(awsError('UnauthorizedException'), { $metadata: { httpStatusCode: 401 } });
    };
    await expect(withAccessToken(P, refusing)).rejects.toThrow('UnauthorizedException');
    expect(aws.portalCalls).toEqual(['at-1', 'at-2']);
    expect(await stored()).toBeNull();
    expect(await refreshTokenItem(P).get()).toBeNull();
    expect(await outcome()).toBe('ended');
    expect(await fakeBrowser.storage.local.get('portals')).toEqual({ portals: [{ id: P }] });
  });

  it('does not end the session for a 401 on a token that was replaced before the 401 was judged', async () => {
    // Two refreshes happen while the request's retry is out: its second 401 is for an old token.
    let retryAnswer: Gate | null = null;
    const call = async (token: string) => {
      if (token === 'at-2') {
        retryAnswer = gate();
        await retryAnswer.promise;
      }
      return aws.call(token);
    };
    aws.expireAccessTokens();
    const pending = withAccessToken(P, call);
    await settle();
    expect(retryAnswer).not.toBeNull();
    aws.expireAccessTokens();
    expect(await withAccessToken(P, aws.call)).toBe('ok:at-3');
    (retryAnswer as Gate | null)?.open();
    expect(await pending).toBe('ok:at-3');
    expect(await outcome()).toBeNull();
  });

  it('ends the session when AWS refuses the refresh itself', async () => {
    aws.expireAccessTokens();
    aws.refreshError = awsError('InvalidGrantException');
    await expect(withAccessToken(P, aws.call)).rejects.toBeInstanceOf(SignedOutError);
    expect(await outcome()).toBe('ended');
    expect(await stored()).toBeNull();
  });

  it('keeps the session when the refresh cannot reach AWS, and tries again in a minute', async () => {
    aws.expireAccessTokens();
    aws.refreshError = new TypeError('Failed to fetch');
    await expect(withAccessToken(P, aws.call)).rejects.toThrow('Could not reach AWS');
    expect(await stored()).toBe('at-1');
    expect(await outcome()).toBeNull();
    const alarm = await fakeBrowser.alarms.get(`refresh:${P}`);
    expect(alarm?.scheduledTime).toBe(Date.now() + 60_000);
  });

  it('refreshes before use a token that expires within a minute', async () => {
    vi.setSystemTime(Date.now() + HOUR - 30_000);
    expect(await withAccessToken(P, aws.call)).toBe('ok:at-2');
    expect(aws.portalCalls).toEqual(['at-2']);
  });

  it('gives up on a call, not on the session, when tokens keep rotating under it', async () => {
    let calls = 0;
    const call = async (token: string) => {
      calls += 1;
      // Another refresh lands while each attempt is out.
      aws.expireAccessTokens();
      await withAccessToken(P, aws.call);
      return aws.call(token);
    };
    await expect(withAccessToken(P, call)).rejects.toThrow('UnauthorizedException');
    expect(calls).toBe(4);
    expect(await outcome()).toBeNull();
    expect(await stored()).not.toBeNull();
  });
});

describe('refresh alarm', () => {
  it('does nothing while the token is not close to expiry, and sets itself for when it will be', async () => {
    await refreshIfDue(P);
    expect(aws.grants).toBe(0);
    const alarm = await fakeBrowser.alarms.get(`refresh:${P}`);
    expect(alarm?.scheduledTime).toBe(Date.now() + HOUR - REFRESH_BEFORE_MS);
  });

  it('refreshes once when due, however often it fires', async () => {
    vi.setSystemTime(Date.now() + HOUR - REFRESH_BEFORE_MS + 1000);
    await Promise.all([refreshIfDue(P), refreshIfDue(P)]);
    await refreshIfDue(P);
    expect(aws.grants).toBe(1);
    expect(await stored()).toBe('at-2');
  });

  it('refreshes after a browser restart lost the access token but kept the refresh token', async () => {
    await accessTokenItem(P).remove();
    await refreshIfDue(P);
    expect(await stored()).toBe('at-2');
  });

  it('does nothing for a portal that is signed out', async () => {
    await signOut(P);
    await refreshIfDue(P);
    expect(aws.grants).toBe(0);
    expect(await outcome()).toBeNull();
  });

  it('does not end the session under a sync whose 401 races the alarm (issue #19)', async () => {
    // A sync's request waits in the limiter; the alarm refreshes; AWS then refuses at-1 but takes at-2.
    const queue = gate();
    const queued = withAccessToken(P, aws.call, queuedBehind(queue));
    vi.setSystemTime(Date.now() + HOUR - REFRESH_BEFORE_MS + 1000);
    await refreshIfDue(P);
    queue.open();
    expect(await queued).toBe('ok:at-2');
    expect(await outcome()).toBeNull();
  });
});

describe('sign-out and a second sign-in against a refresh in flight', () => {
  it('a sign-out waits for the refresh, then forgets every token; nothing is written back', async () => {
    aws.expireAccessTokens();
    aws.refreshGate = gate();
    const request = withAccessToken(P, aws.call);
    await settle();
    const out = signOut(P);
    await settle();
    aws.refreshGate.open();
    await out;
    await request.catch(() => undefined);
    await settle();
    expect(await stored()).toBeNull();
    expect(await refreshTokenItem(P).get()).toBeNull();
    // Signed out by the user: no "session ended" painted over it.
    expect(await outcome()).toBeNull();
  });

  it('a request queued before a sign-out fails as signed out and leaves no "session ended"', async () => {
    const queue = gate();
    const queued = withAccessToken(P, aws.call, queuedBehind(queue));
    await signOut(P);
    queue.open();
    await expect(queued).rejects.toBeInstanceOf(SignedOutError);
    expect(await outcome()).toBeNull();
    expect(aws.grants).toBe(0);
  });

  it('a second sign-in during a refresh keeps the new session', async () => {
    aws.expireAccessTokens();
    aws.refreshGate = gate();
    const request = withAccessToken(P, aws.call);
    await settle();
    const stored2 = storeNewSession(P, aws.signInAgain());
    await settle();
    aws.refreshGate.open();
    await stored2;
    expect(await request).toBe('ok:at-new');
    expect(await stored()).toBe('at-new');
    expect((await refreshTokenItem(P).get())?.data).toBe('rt-new');
  });

  it('a 401 from the old session after a second sign-in is retried with the new token', async () => {
    const answer = gate();
    const slow = withAccessToken(P, async (token) => {
      await answer.promise;
      if (token === 'at-1')
        throw Object.assign(awsError('UnauthorizedException'), { $metadata: { httpStatusCode: 401 } });
      return `ok:${token}`;
    });
    await settle();
    await storeNewSession(P, { accessToken: 'at-new', refreshToken: 'rt-new', expiresAt: Date.now() + HOUR });
    answer.open();
    expect(await slow).toBe('ok:at-new');
    expect(aws.grants).toBe(0);
    expect(await outcome()).toBeNull();
  });
});
