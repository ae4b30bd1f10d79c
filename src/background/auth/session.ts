import { clearRefresh, scheduleRefresh } from '../alarms/schedule';
import { awsErrorName, isNetworkError } from '../aws/errors';
import { createTokenFromRefreshToken, type TokenSet } from '../aws/oidc';
import { logout } from '../aws/portal-api';
import { serviceEndpoint } from '../aws/service-endpoint';
import { forgetRoleCredentials } from '../console/role-credentials';
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

/** Thrown when a portal has no usable session: the UI offers to sign in again. */
export class SignedOutError extends UserFacingError {
  constructor(message = 'You are signed out of this portal. Sign in again.') {
    super(message);
    this.name = 'SignedOutError';
  }
}

export async function storeNewSession(portalId: string, tokens: TokenSet): Promise<void> {
  await accessTokenItem(portalId).set({ accessToken: tokens.accessToken, expiresAt: tokens.expiresAt });
  // A refresh may rotate the refresh token; keep the newest (aws-protocol.md §2.4.3).
  if (tokens.refreshToken) await refreshTokenItem(portalId).set(await seal(tokens.refreshToken));
  await signInOutcomeItem(portalId).remove();
  await scheduleRefresh(portalId, tokens.expiresAt - REFRESH_BEFORE_MS);
}

/** A valid access token for the portal, refreshed first if it is about to expire. */
export async function getAccessToken(portalId: string): Promise<string> {
  const token = await accessTokenItem(portalId).get();
  if (token && token.expiresAt - Date.now() > MIN_REMAINING_MS) return token.accessToken;
  return refreshAccessToken(portalId, token?.accessToken ?? null);
}

/**
 * Runs a portal API call with the portal's token; on a 401 refreshes once and retries, and if that fails too the
 * portal is signed out (its cached data stays).
 */
export async function withAccessToken<T>(
  portalId: string,
  call: (accessToken: string) => Promise<T>,
): Promise<T> {
  const token = await getAccessToken(portalId);
  try {
    return await call(token);
  } catch (error) {
    if (awsErrorName(error) !== 'UnauthorizedException') throw error;
    const fresh = await refreshAccessToken(portalId, token);
    try {
      return await call(fresh);
    } catch (retryError) {
      if (awsErrorName(retryError) === 'UnauthorizedException') await endSession(portalId);
      throw retryError;
    }
  }
}

/**
 * Refreshes the access token. Callers that arrive together share one refresh: the Web Lock serialises them,
 * and whoever gets the lock second sees that the token it held was already replaced and uses the new one.
 */
export async function refreshAccessToken(portalId: string, staleToken: string | null): Promise<string> {
  return navigator.locks.request(`refresh:${portalId}`, async () => {
    const current = await accessTokenItem(portalId).get();
    if (current && current.accessToken !== staleToken && current.expiresAt - Date.now() > MIN_REMAINING_MS) {
      return current.accessToken;
    }
    const sealed = await refreshTokenItem(portalId).get();
    const refreshToken = sealed ? await unseal(sealed) : null;
    const registration = await storedRegistration(portalId);
    if (!refreshToken || !registration) {
      await endSession(portalId);
      throw new SignedOutError();
    }
    const portal = await findPortal(portalId);
    try {
      const tokens = await createTokenFromRefreshToken(serviceEndpoint(portal), registration, refreshToken);
      await storeNewSession(portalId, tokens);
      await notifyUi();
      return tokens.accessToken;
    } catch (error) {
      if (isNetworkError(error)) {
        await scheduleRefresh(portalId, Date.now() + 60_000);
        throw new UserFacingError('Could not reach AWS to renew your session. Check your connection.');
      }
      const name = awsErrorName(error);
      if (
        [
          'InvalidGrantException',
          'InvalidClientException',
          'ExpiredTokenException',
          'AccessDeniedException',
        ].includes(name)
      ) {
        await endSession(portalId);
        throw new SignedOutError('Your session for this portal has ended. Sign in again.');
      }
      throw error;
    }
  });
}

/** The session is over (expired or revoked): forget tokens, say so, keep everything else. */
export async function endSession(portalId: string): Promise<void> {
  await forgetTokens(portalId);
  await signInOutcomeItem(portalId).set({ reason: 'ended', message: 'Your session ended. Sign in again.' });
  await notifyUi();
}

/** Signs out at AWS (best effort: offline must not keep the user signed in here) and forgets every token. */
export async function signOut(portalId: string): Promise<void> {
  const portal = await findPortal(portalId);
  const token = await accessTokenItem(portalId).get();
  if (token) await logout(serviceEndpoint(portal), token.accessToken).catch(() => undefined);
  await forgetTokens(portalId);
  await deviceFlowItem(portalId).remove();
  await signInOutcomeItem(portalId).remove();
  await notifyUi();
}

async function forgetTokens(portalId: string): Promise<void> {
  await accessTokenItem(portalId).remove();
  await refreshTokenItem(portalId).remove();
  await forgetRoleCredentials(portalId);
  await clearRefresh(portalId);
}
