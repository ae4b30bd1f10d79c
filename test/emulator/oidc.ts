import { arrivalStack } from './dual-stack.ts';
import { isLoopback } from './hosts.ts';
import { type Ctx, oidcError, parseJsonObject, sendJson } from './http.ts';
import {
  authenticate,
  type Body,
  DEVICE_GRANT,
  invalidRequest,
  region,
  str,
  strings,
} from './oidc-common.ts';
import { token } from './oidc-token.ts';
import { opaqueToken, userCode } from './random.ts';
import type { ClientRegistration, DeviceAuthorization } from './state.ts';
import { verificationLink } from './verification-link.ts';

/**
 * SSO OIDC (`oidc.{region}.amazonaws.com`): RegisterClient, StartDeviceAuthorization, CreateToken with the
 * device_code and refresh_token grants (protocol doc §2). Errors are `{error, error_description}` with a
 * namespaced `x-amzn-ErrorType`, which is what the SDK uses to name them.
 */

const KNOWN_GRANTS = new Set([DEVICE_GRANT, 'refresh_token', 'authorization_code']);

export const OIDC_PATHS = new Set(['/client/register', '/device_authorization', '/token']);

/** Start URLs are compared the way people paste them: trailing slash and `#/` fragment ignored. */
function normalizeStartUrl(url: string): string {
  return url.replace(/#.*$/, '').replace(/\/+$/, '').toLowerCase();
}

export async function handleOidc(ctx: Ctx): Promise<boolean> {
  if (ctx.method !== 'POST') return false;
  const handler = { '/client/register': register, '/device_authorization': startDevice, '/token': token }[
    ctx.path
  ];
  if (!handler) return false;
  const body = parseJsonObject(await ctx.body());
  if (!body) invalidRequest(ctx, 'Invalid JSON request body');
  else handler(ctx, body);
  return true;
}

function register(ctx: Ctx, body: Body) {
  const { state } = ctx;
  const clientName = str(body, 'clientName');
  const clientType = str(body, 'clientType');
  if (!clientName || !clientType) return invalidRequest(ctx, 'clientName and clientType are required');
  if (clientType !== 'public') {
    return oidcError(
      ctx,
      400,
      'InvalidClientMetadataException',
      'invalid_client_metadata',
      'Invalid client type',
    );
  }
  const scopes = strings(body, 'scopes');
  const grantTypes = strings(body, 'grantTypes');
  const redirectUris = strings(body, 'redirectUris');
  if (scopes === null || grantTypes === null || redirectUris === null) {
    return invalidRequest(ctx, 'scopes, grantTypes and redirectUris must be lists of strings');
  }
  if (scopes?.some((s) => !/^[\w.-]+(:[\w.*-]+)+$/.test(s))) {
    return oidcError(ctx, 400, 'InvalidScopeException', 'invalid_scope', 'Invalid scope requested');
  }
  if (grantTypes?.some((g) => !KNOWN_GRANTS.has(g))) {
    return oidcError(
      ctx,
      400,
      'UnsupportedGrantTypeException',
      'unsupported_grant_type',
      'Invalid grant type',
    );
  }
  const loopback = (uri: string) =>
    URL.canParse(uri) && isLoopback(new URL(uri).hostname) && uri.startsWith('http:');
  if (redirectUris?.some((u) => !loopback(u))) {
    return oidcError(ctx, 400, 'InvalidRedirectUriException', 'invalid_redirect_uri', 'Invalid redirect URI');
  }
  const issuedAt = Math.floor(state.now() / 1000);
  const client: ClientRegistration = {
    clientId: opaqueToken('', 16),
    clientSecret: `eyJraWQiOiJrZXktMTU2NDAyODA5OSIsImFsZyI6IkhTMzg0In0.${opaqueToken('', 96)}`,
    clientName,
    scopes: scopes ?? [],
    region: region(ctx),
    issuedAt,
    expiresAt: issuedAt + state.lifetimes.registrationSeconds,
  };
  state.clients.set(client.clientId, client);
  sendJson(ctx, 200, {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: client.issuedAt,
    clientSecretExpiresAt: client.expiresAt,
  });
}

function startDevice(ctx: Ctx, body: Body) {
  const { state } = ctx;
  const startUrl = str(body, 'startUrl');
  if (!str(body, 'clientId') || !str(body, 'clientSecret') || !startUrl) {
    return invalidRequest(ctx, 'clientId, clientSecret and startUrl are required');
  }
  const client = authenticate(ctx, body, true);
  if (!client) return;
  if (
    normalizeStartUrl(startUrl) !== normalizeStartUrl(state.options.startUrl) ||
    client.region !== state.options.region
  ) {
    return invalidRequest(ctx, 'Invalid start URL');
  }
  const { deviceCodeSeconds, pollIntervalSeconds } = state.lifetimes;
  const auth: DeviceAuthorization = {
    deviceCode: opaqueToken('', 64),
    userCode: userCode(),
    clientId: client.clientId,
    expiresAt: state.now() + deviceCodeSeconds * 1000,
    interval: pollIntervalSeconds,
    status: state.autoApprove ? 'approved' : 'pending',
    requestUri: `urn:ietf:params:oauth:request_uri:${opaqueToken('', 24)}`,
    via: arrivalStack(ctx),
  };
  state.deviceAuthorizations.set(auth.userCode, auth);
  sendJson(ctx, 200, {
    deviceCode: auth.deviceCode,
    userCode: auth.userCode,
    ...verificationLinkOf(ctx, auth),
    expiresIn: deviceCodeSeconds,
    interval: pollIntervalSeconds,
  });
}

/**
 * The page AWS links this authorization to: the instance's style, on the domain of the endpoint family the call
 * came through (IPv4 here: `oidc.{r}.amazonaws.com`). A client that came in by IP gets the classic page on that
 * address, as the real device page lives on its own host.
 */
function verificationLinkOf(ctx: Ctx, auth: DeviceAuthorization) {
  const { state } = ctx;
  if (ctx.hostInfo.service !== 'oidc') {
    const verificationUri = `https://${ctx.host}${ctx.portSuffix}/device/`;
    return { verificationUri, verificationUriComplete: `${verificationUri}?user_code=${auth.userCode}` };
  }
  const instance = {
    region: region(ctx),
    startUrl: state.options.startUrl,
    partition: ctx.hostInfo.partition,
  };
  const link = verificationLink(state.verification, instance, auth.via, auth, ctx.portSuffix);
  return state.hostileVerificationLink
    ? { ...link, verificationUriComplete: state.hostileVerificationLink }
    : link;
}
