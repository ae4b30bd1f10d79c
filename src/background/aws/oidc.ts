import {
  CreateTokenCommand,
  type CreateTokenCommandOutput,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { guardHost, type ServiceEndpoint, sdkConfig } from './service-endpoint';

/**
 * The three SSO OIDC calls we make, on the real endpoint of the portal's home region and endpoint family
 * (service-endpoint.ts). A client object per call: creating one is cheap, and keeping none means the worker holds
 * no state between events.
 */
function client(endpoint: ServiceEndpoint, options: { maxAttempts?: number } = {}): SSOOIDCClient {
  return guardHost(new SSOOIDCClient({ ...sdkConfig(endpoint), ...options }), 'oidc', endpoint);
}

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export async function registerClient(endpoint: ServiceEndpoint) {
  const output = await client(endpoint).send(
    new RegisterClientCommand({
      clientName: 'AWS SSO Switcher',
      clientType: 'public',
      // sso:account:access is what makes AWS issue refresh tokens (docs/aws-protocol.md §4.3).
      scopes: ['sso:account:access'],
      grantTypes: [DEVICE_CODE_GRANT, 'refresh_token'],
    }),
  );
  if (!output.clientId || !output.clientSecret || !output.clientSecretExpiresAt) {
    throw new Error('RegisterClient returned an incomplete registration');
  }
  return {
    clientId: output.clientId,
    clientSecret: output.clientSecret,
    clientSecretExpiresAt: output.clientSecretExpiresAt,
  };
}

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
}

export async function startDeviceAuthorization(
  endpoint: ServiceEndpoint,
  credentials: ClientCredentials,
  startUrl: string,
) {
  const output = await client(endpoint).send(
    new StartDeviceAuthorizationCommand({ ...credentials, startUrl }),
  );
  const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn } = output;
  if (!deviceCode || !userCode || !verificationUri || !verificationUriComplete || expiresIn === undefined) {
    throw new Error('StartDeviceAuthorization returned an incomplete answer');
  }
  // Interval and expiry are checked, and the RFC 8628 default applied, by auth/device-authorization-checks.ts.
  return {
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete,
    expiresIn,
    interval: output.interval,
  };
}

export interface TokenSet {
  readonly accessToken: string;
  /** Epoch ms. */
  readonly expiresAt: number;
  readonly refreshToken?: string;
}

function toTokenSet(output: CreateTokenCommandOutput, now: number): TokenSet {
  if (!output.accessToken || !output.expiresIn) throw new Error('CreateToken returned no access token');
  return {
    accessToken: output.accessToken,
    expiresAt: now + output.expiresIn * 1000,
    ...(output.refreshToken ? { refreshToken: output.refreshToken } : {}),
  };
}

export async function createTokenFromDeviceCode(
  endpoint: ServiceEndpoint,
  credentials: ClientCredentials,
  deviceCode: string,
): Promise<TokenSet> {
  const now = Date.now();
  // One attempt: pending/slow-down answers are the protocol, not failures to retry.
  const output = await client(endpoint, { maxAttempts: 1 }).send(
    new CreateTokenCommand({ ...credentials, grantType: DEVICE_CODE_GRANT, deviceCode }),
  );
  return toTokenSet(output, now);
}

export async function createTokenFromRefreshToken(
  endpoint: ServiceEndpoint,
  credentials: ClientCredentials,
  refreshToken: string,
): Promise<TokenSet> {
  const now = Date.now();
  const output = await client(endpoint).send(
    new CreateTokenCommand({ ...credentials, grantType: 'refresh_token', refreshToken }),
  );
  return toTokenSet(output, now);
}
