import { randomUUID } from 'node:crypto';
import { type Ctx, oidcError, sendJson } from './http.ts';
import { authenticate, type Body, DEVICE_GRANT, invalidRequest, str } from './oidc-common.ts';
import { opaqueToken, randomChars } from './random.ts';
import { type ClientRegistration, LEGACY_ACCESS_TOKEN_SECONDS } from './state.ts';

/**
 * CreateToken (`POST /token`, protocol doc §2.4): the device_code grant with RFC 8628 polling rules, and the
 * refresh_token grant with rotation. The authorization_code grant is not emulated.
 */

const REFRESH_SCOPE = 'sso:account:access';
/** Network jitter must not turn an on-time poll into slow_down. */
const POLL_TOLERANCE_MS = 100;

const invalidGrant = (ctx: Ctx, description: string) =>
  oidcError(ctx, 400, 'InvalidGrantException', 'invalid_grant', description);

export function token(ctx: Ctx, body: Body) {
  const grantType = str(body, 'grantType');
  if (!str(body, 'clientId') || !str(body, 'clientSecret') || !grantType) {
    return invalidRequest(ctx, 'clientId, clientSecret and grantType are required');
  }
  const client = authenticate(ctx, body, false);
  if (!client) return;
  if (grantType === DEVICE_GRANT) return deviceCodeGrant(ctx, body, client);
  if (grantType === 'refresh_token') return refreshGrant(ctx, body, client);
  oidcError(ctx, 400, 'UnsupportedGrantTypeException', 'unsupported_grant_type', 'Unsupported grant type');
}

function deviceCodeGrant(ctx: Ctx, body: Body, client: ClientRegistration) {
  const { state } = ctx;
  const deviceCode = str(body, 'deviceCode');
  if (!deviceCode) return invalidRequest(ctx, 'deviceCode is required');
  const auth = [...state.deviceAuthorizations.values()].find((a) => a.deviceCode === deviceCode);
  if (!auth || auth.clientId !== client.clientId || auth.status === 'redeemed') {
    return invalidGrant(ctx, 'Invalid device code provided');
  }
  const now = state.now();
  if (auth.expiresAt <= now) {
    return oidcError(ctx, 400, 'ExpiredTokenException', 'expired_token', 'Device code has expired');
  }
  const tooSoon =
    auth.lastPolledAt !== undefined && now - auth.lastPolledAt < auth.interval * 1000 - POLL_TOLERANCE_MS;
  auth.lastPolledAt = now;
  if (tooSoon) {
    auth.interval += 5;
    return oidcError(ctx, 400, 'SlowDownException', 'slow_down', 'Client is polling too quickly');
  }
  if (auth.status === 'denied') {
    return oidcError(ctx, 400, 'AccessDeniedException', 'access_denied', 'Access denied by the user');
  }
  if (auth.status === 'pending') {
    return oidcError(
      ctx,
      400,
      'AuthorizationPendingException',
      'authorization_pending',
      'Authorization is still pending',
    );
  }
  auth.status = 'redeemed';
  const sessionId = randomUUID();
  state.sessions.set(sessionId, {
    id: sessionId,
    region: client.region,
    expiresAt: now + state.lifetimes.portalSessionSeconds * 1000,
    ended: false,
    loggedOut: false,
  });
  issueTokens(ctx, client, sessionId);
}

function refreshGrant(ctx: Ctx, body: Body, client: ClientRegistration) {
  const { state } = ctx;
  const refreshToken = str(body, 'refreshToken');
  if (!refreshToken) return invalidRequest(ctx, 'refreshToken is required');
  const stored = state.refreshTokens.get(refreshToken);
  const session = stored && state.sessions.get(stored.sessionId);
  if (!stored || !session || stored.clientId !== client.clientId || stored.used) {
    return invalidGrant(ctx, 'Invalid refresh token provided');
  }
  if (session.ended || session.loggedOut || session.expiresAt <= state.now()) {
    return invalidGrant(ctx, 'Session has expired');
  }
  // Rotation: the token just used is spent; the response carries its successor.
  stored.used = true;
  issueTokens(ctx, client, session.id);
}

/** Refresh tokens only for clients registered with `sso:account:access`; others get the legacy 8 h token. */
function issueTokens(ctx: Ctx, client: ClientRegistration, sessionId: string) {
  const { state } = ctx;
  const refreshable = client.scopes.includes(REFRESH_SCOPE);
  const expiresIn = refreshable ? state.lifetimes.accessTokenSeconds : LEGACY_ACCESS_TOKEN_SECONDS;
  const accessToken = opaqueToken('aoa', 180);
  state.accessTokens.set(accessToken, {
    token: accessToken,
    sessionId,
    expiresAt: state.now() + expiresIn * 1000,
  });
  const response: Record<string, unknown> = { accessToken, tokenType: 'Bearer', expiresIn };
  if (refreshable) {
    const refreshToken = `aor${randomChars(4, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}${opaqueToken('', 240)}`;
    state.refreshTokens.set(refreshToken, {
      token: refreshToken,
      sessionId,
      clientId: client.clientId,
      used: false,
    });
    response.refreshToken = refreshToken;
  }
  sendJson(ctx, 200, response);
}
