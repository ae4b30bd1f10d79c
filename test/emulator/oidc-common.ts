import { type Ctx, oidcError } from './http.ts';
import type { ClientRegistration } from './state.ts';

/** What the OIDC operations share: body access, the common errors, and client authentication. */

export type Body = Record<string, unknown>;

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export const invalidRequest = (ctx: Ctx, description: string) =>
  oidcError(ctx, 400, 'InvalidRequestException', 'invalid_request', description);

export function str(body: Body, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function strings(body: Body, key: string): string[] | undefined | null {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

export function region(ctx: Ctx): string {
  return ctx.hostInfo.region ?? ctx.state.options.region;
}

/**
 * Unknown client, wrong secret or another region's client: 401 invalid_client. An expired registration fails
 * here too unless `allowExpired`: AWS still starts a device authorization for one (protocol doc §2.2).
 */
export function authenticate(ctx: Ctx, body: Body, allowExpired: boolean): ClientRegistration | undefined {
  const client = ctx.state.clients.get(str(body, 'clientId') ?? '');
  const valid = client && client.clientSecret === str(body, 'clientSecret') && client.region === region(ctx);
  if (valid && (allowExpired || client.expiresAt * 1000 > ctx.state.now())) return client;
  const description = valid ? 'Client registration has expired' : 'Invalid client';
  oidcError(ctx, 401, 'InvalidClientException', 'invalid_client', description);
  return undefined;
}
