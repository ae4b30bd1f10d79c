import { randomBytes } from 'node:crypto';
import { type Ctx, jsonError, send, sendJson } from './http.ts';
import { randomChars } from './random.ts';
import type { PortalSession, RoleCredential } from './state.ts';

/**
 * SSO portal (`portal.sso.{region}.amazonaws.com`): ListAccounts, ListAccountRoles, GetRoleCredentials and
 * Logout (protocol doc §3). Bodies are `{message}`; auth is the `x-amz-sso_bearer_token` header only.
 */

const DEFAULT_PAGE_SIZE = 20;
export const PORTAL_PATHS = new Set([
  '/assignment/accounts',
  '/assignment/roles',
  '/federation/credentials',
  '/logout',
]);

const invalidRequest = (ctx: Ctx, message: string) =>
  jsonError(ctx, 400, 'InvalidRequestException', { message });

export async function handlePortal(ctx: Ctx): Promise<boolean> {
  const route = `${ctx.method} ${ctx.path}`;
  const handler = {
    'GET /assignment/accounts': listAccounts,
    'GET /assignment/roles': listAccountRoles,
    'GET /federation/credentials': getRoleCredentials,
    'POST /logout': logout,
  }[route];
  if (!handler) return false;
  await ctx.body(); // drain, so keep-alive connections stay usable
  const session = authenticate(ctx);
  if (session) handler(ctx, session);
  return true;
}

/** Missing, unknown, expired, logged-out or other-region tokens all look the same to the caller. */
function authenticate(ctx: Ctx): PortalSession | undefined {
  const { state } = ctx;
  const header = ctx.req.headers['x-amz-sso_bearer_token'];
  const token = state.accessTokens.get(typeof header === 'string' ? header : '');
  const session = token && state.sessions.get(token.sessionId);
  const regionOk = ctx.hostInfo.service !== 'portal' || ctx.hostInfo.region === session?.region;
  if (token && session && token.expiresAt > state.now() && !session.loggedOut && regionOk) return session;
  jsonError(ctx, 401, 'UnauthorizedException', { message: 'Session token not found or invalid' });
  return undefined;
}

/** One page of `items`, or undefined after answering 400 for a bad `max_result`/`next_token`. */
function paginate<T>(ctx: Ctx, items: T[], scope: string): { page: T[]; nextToken?: string } | undefined {
  const maxResult = ctx.query.get('max_result');
  const size = maxResult === null ? DEFAULT_PAGE_SIZE : Number(maxResult);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    invalidRequest(ctx, 'ResultSize parameter must be within the valid limits of: 1-100');
    return undefined;
  }
  let offset = 0;
  const nextToken = ctx.query.get('next_token');
  if (nextToken) {
    // Opaque to clients; carries what it pages so a token from another list is rejected.
    const [tokenScope, tokenOffset] = Buffer.from(nextToken, 'base64url').toString('utf8').split('|');
    offset = Number(tokenOffset);
    if (tokenScope !== scope || !Number.isInteger(offset) || offset < 0) {
      invalidRequest(ctx, 'Invalid next token');
      return undefined;
    }
  }
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return next < items.length
    ? { page, nextToken: Buffer.from(`${scope}|${next}`).toString('base64url') }
    : { page };
}

function listAccounts(ctx: Ctx) {
  const accounts = ctx.state.options.organization.accounts;
  const result = paginate(ctx, accounts, 'accounts');
  if (!result) return;
  sendList(ctx, null, {
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
    accountList: result.page.map(({ accountId, accountName, emailAddress }) => ({
      accountId,
      accountName,
      emailAddress,
    })),
  });
}

function listAccountRoles(ctx: Ctx) {
  const accountId = ctx.query.get('account_id');
  if (!accountId) return invalidRequest(ctx, 'account_id is required');
  const account = ctx.state.options.organization.accounts.find((a) => a.accountId === accountId);
  const result = paginate(ctx, account?.roles ?? [], `roles:${accountId}`);
  if (!result) return;
  sendList(ctx, accountId, {
    ...(result.nextToken ? { nextToken: result.nextToken } : {}),
    roleList: result.page.map((roleName) => ({ roleName, accountId })),
  });
}

/** A list answer, as configured `malformed` rules reshape it (none: exactly what AWS sends). */
function sendList(ctx: Ctx, accountId: string | null, answer: Record<string, unknown>) {
  send(
    ctx,
    200,
    { 'content-type': 'application/json' },
    ctx.state.malformed.apply(ctx.path, accountId, answer),
  );
}

function getRoleCredentials(ctx: Ctx) {
  const { state } = ctx;
  const accountId = ctx.query.get('account_id');
  const roleName = ctx.query.get('role_name');
  if (!accountId || !roleName) return invalidRequest(ctx, 'account_id and role_name are required');
  const account = state.options.organization.accounts.find((a) => a.accountId === accountId);
  if (!account?.roles.includes(roleName)) {
    return jsonError(ctx, 404, 'ResourceNotFoundException', { message: 'No access' });
  }
  // Whole seconds, as AWS sends them, but in milliseconds (protocol doc §3.1).
  const expiration = Math.floor(state.now() / 1000 + state.lifetimes.roleCredentialSeconds) * 1000;
  const credential: RoleCredential = {
    accessKeyId: `ASIA${randomChars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(480).toString('base64')}`,
    expiration,
    accountId,
    roleName,
  };
  state.roleCredentials.set(credential.accessKeyId, credential);
  const { accessKeyId, secretAccessKey, sessionToken } = credential;
  sendJson(ctx, 200, { roleCredentials: { accessKeyId, secretAccessKey, sessionToken, expiration } });
}

/** Ends the portal session: its access tokens answer 401 and its refresh tokens `invalid_grant` from now on. */
function logout(ctx: Ctx, session: PortalSession) {
  session.loggedOut = true;
  session.ended = true;
  send(ctx, 200, { 'content-type': 'application/json' }, '');
}
