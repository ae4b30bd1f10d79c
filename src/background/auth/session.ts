import { clearRefresh, scheduleRefresh } from '../alarms/schedule';
import { awsErrorName, isNetworkError } from '../aws/errors';
import { createTokenFromRefreshToken, type TokenSet } from '../aws/oidc';
import { logout } from '../aws/portal-api';
import { serviceEndpoint } from '../aws/service-endpoint';
import { forgetRoleCredentials } from '../console/role-credentials-store';
import { UserFacingError } from '../messaging/user-facing-error';
import { findPortal } from '../portals/find-portal';
import { notifyUi } from '../status/notify-ui';
import { seal, unseal } from '../storage/secret-box';
import { accessTokenItem, deviceFlowItem, refreshTokenItem, signInOutcomeItem } from '../storage/secrets';
import { storedRegistration } from './registration';

/** Refresh this long before the access token expires (the JS SDK uses 5 minutes, botocore 15). */
export const REFRESH_BEFORE_MS = 5 * 60_000;
/** A token this close to expiry is refreshed before use rather than risk a 401 mid-request. */
const MIN_REMAINING_MS = 60_000;
/**
 * A call meets at most this many 401s. Each retry follows a token that changed meanwhile (or our one refresh),
 * so more would mean tokens rotating faster than one request: give up on the call, keep the session.
 */
const MAX_ATTEMPTS = 4;

/** Thrown when a portal has no usable session: the UI offers to sign in again. */
export class SignedOutError extends UserFacingError {
  constructor(message = 'You are signed out of this portal. Sign in again.') {
    super(message);
    this.name = 'SignedOutError';
  }
}

/**
 * Every change to a portal's tokens (sign-in, refresh, session end, sign-out) happens under this one Web Lock,
 * so they are serialised across every event of this worker: a sign-out never races a refresh that would write
 * the old tokens back, and a 401 is judged against the token that is current once earlier changes are done.
 * Web Locks are not re-entrant: functions named `…Locked` expect the caller to hold it.
 */
function underSessionLock<T>(portalId: string, work: () => Promise<T>): Promise<T> {
  return navigator.locks.request(`session:${portalId}`, work);
}

/** Stores the tokens of a sign-in that just completed; it replaces any session of the portal. */
export async function storeNewSession(portalId: string, tokens: TokenSet): Promise<void> {
  await underSessionLock(portalId, () => storeTokensLocked(portalId, tokens));
}

async function storeTokensLocked(portalId: string, tokens: TokenSet): Promise<void> {
  await accessTokenItem(portalId).set({ accessToken: tokens.accessToken, expiresAt: tokens.expiresAt });
  // A refresh may rotate the refresh token; keep the newest (docs/aws-protocol.md §4).
  if (tokens.refreshToken) await refreshTokenItem(portalId).set(await seal(tokens.refreshToken));
  await signInOutcomeItem(portalId).remove();
  await scheduleRefresh(portalId, tokens.expiresAt - REFRESH_BEFORE_MS);
}

const usable = (token: { expiresAt: number } | null, now: number) =>
  token !== null && token.expiresAt - now > MIN_REMAINING_MS;

/** A valid access token for the portal, refreshed first if it is about to expire. */
export async function getAccessToken(portalId: string): Promise<string> {
  const token = await accessTokenItem(portalId).get();
  if (token && usable(token, Date.now())) return token.accessToken;
  return refreshAccessToken(portalId, token?.accessToken ?? null);
}

/** Runs a request; the default sends it at once. A rate limiter passes its own, so it decides *when*. */
export type SendVia = <R>(send: () => Promise<R>) => Promise<R>;
const sendNow: SendVia = (send) => send();

/**
 * Runs a portal API call with the portal's token. The token is read when the request is sent (inside `via`,
 * e.g. after waiting in a rate limiter's queue), never when it was queued: a refresh meanwhile has rotated it.
 *
 * On a 401 (docs/aws-protocol.md §6), under the session lock: a token that is no longer the current one is
 * simply retried with the current one; the current one is refreshed once per call; only when a token that this
 * call refreshed to, or found current after that, is refused again is the session over (its cached data stays).
 * A refresh that AWS refuses ends the session too (`refreshAccessToken`).
 */
export async function withAccessToken<T>(
  portalId: string,
  call: (accessToken: string) => Promise<T>,
  via: SendVia = sendNow,
): Promise<T> {
  let refreshed = false;
  for (let attempt = 1; ; attempt += 1) {
    let used: string | null = null;
    try {
      return await via(async () => {
        used = await getAccessToken(portalId);
        return call(used);
      });
    } catch (error) {
      if (awsErrorName(error) !== 'UnauthorizedException' || used === null || attempt >= MAX_ATTEMPTS) {
        throw error;
      }
      const step = await afterUnauthorized(portalId, used, refreshed);
      if (step === 'ended') throw error;
      if (step === 'refreshed') refreshed = true;
    }
  }
}

type AfterUnauthorized = 'retry' | 'refreshed' | 'ended';

async function afterUnauthorized(
  portalId: string,
  used: string,
  refreshed: boolean,
): Promise<AfterUnauthorized> {
  return underSessionLock(portalId, async () => {
    const current = await accessTokenItem(portalId).get();
    // Signed out (or ended) meanwhile: nothing to end again, and no reason to overwrite what the user did.
    if (!current) throw new SignedOutError();
    if (current.accessToken !== used) return 'retry';
    if (!refreshed) {
      await refreshLocked(portalId);
      return 'refreshed';
    }
    await endSessionLocked(portalId);
    return 'ended';
  });
}

/**
 * Refreshes the access token unless it was already replaced. Callers that arrive together share one refresh:
 * whoever gets the lock second sees that the token it held was replaced and uses the new one.
 */
export async function refreshAccessToken(portalId: string, staleToken: string | null): Promise<string> {
  return underSessionLock(portalId, async () => {
    const current = await accessTokenItem(portalId).get();
    if (current && current.accessToken !== staleToken && usable(current, Date.now())) {
      return current.accessToken;
    }
    return refreshLocked(portalId);
  });
}

/**
 * The refresh alarm's work: refresh only when the stored token is close to expiry (or missing while a refresh
 * token is kept). An alarm can be late, early or doubled (a reschedule, a restart); a token that was just
 * refreshed by use needs nothing, and refreshing it anyway would rotate tokens under requests in flight.
 */
export async function refreshIfDue(portalId: string): Promise<void> {
  const token = await accessTokenItem(portalId).get();
  if (token && token.expiresAt - Date.now() > REFRESH_BEFORE_MS) {
    await scheduleRefresh(portalId, token.expiresAt - REFRESH_BEFORE_MS);
    return;
  }
  if (!token && !(await refreshTokenItem(portalId).get())) return;
  await refreshAccessToken(portalId, token?.accessToken ?? null);
}

async function refreshLocked(portalId: string): Promise<string> {
  const sealed = await refreshTokenItem(portalId).get();
  const refreshToken = sealed ? await unseal(sealed) : null;
  const registration = await storedRegistration(portalId);
  if (!refreshToken || !registration) {
    // Something of a session was left (e.g. a refresh token that no longer unseals): say it ended. Nothing at
    // all means the user signed out: a request that was queued before must not paint "session ended" over that.
    if (sealed || (await accessTokenItem(portalId).get())) await endSessionLocked(portalId);
    throw new SignedOutError();
  }
  const portal = await findPortal(portalId);
  try {
    const tokens = await createTokenFromRefreshToken(serviceEndpoint(portal), registration, refreshToken);
    await storeTokensLocked(portalId, tokens);
    await notifyUi();
    return tokens.accessToken;
  } catch (error) {
    if (isNetworkError(error)) {
      await scheduleRefresh(portalId, Date.now() + 60_000);
      throw new UserFacingError('Could not reach AWS to renew your session. Check your connection.');
    }
    if (REFRESH_REFUSED.has(awsErrorName(error))) {
      await endSessionLocked(portalId);
      throw new SignedOutError('Your session for this portal has ended. Sign in again.');
    }
    throw error;
  }
}

/** CreateToken's answers that mean the refresh token, or the client, is no good any more (§4). */
const REFRESH_REFUSED: ReadonlySet<string> = new Set([
  'InvalidGrantException',
  'InvalidClientException',
  'ExpiredTokenException',
  'AccessDeniedException',
]);

/** The session is over (expired or revoked): forget tokens, say so, keep everything else. */
async function endSessionLocked(portalId: string): Promise<void> {
  await forgetTokens(portalId);
  await signInOutcomeItem(portalId).set({ reason: 'ended', message: 'Your session ended. Sign in again.' });
  await notifyUi();
}

/** Signs out at AWS (best effort: offline must not keep the user signed in here) and forgets every token. */
export async function signOut(portalId: string): Promise<void> {
  const portal = await findPortal(portalId);
  await underSessionLock(portalId, async () => {
    const token = await accessTokenItem(portalId).get();
    if (token) await logout(serviceEndpoint(portal), token.accessToken).catch(() => undefined);
    await forgetTokens(portalId);
    await deviceFlowItem(portalId).remove();
    await signInOutcomeItem(portalId).remove();
  });
  await notifyUi();
}

async function forgetTokens(portalId: string): Promise<void> {
  await accessTokenItem(portalId).remove();
  await refreshTokenItem(portalId).remove();
  await forgetRoleCredentials(portalId);
  await clearRefresh(portalId);
}
