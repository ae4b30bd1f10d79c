import { randomUUID } from 'node:crypto';
import { clearCookies, endConsoleSessions } from './console-session.ts';
import { classifyHost, consoleApex, isLoopback, type Partition } from './hosts.ts';
import { type Ctx, jsonError, redirect, sendHtml, sendJson } from './http.ts';
import { messagePage } from './page.ts';
import { opaqueToken, randomChars } from './random.ts';
import type { LoginGrant } from './state.ts';

/**
 * AWS sign-in federation (`signin.aws.amazon.com` and partition/regional variants, protocol doc §4):
 * `getSigninToken` (GET or form POST), `login` (302 towards the console) and `/oauth?Action=logout`.
 */

const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60 * 1000;
const DEFAULT_REGION: Record<Partition, string> = {
  aws: 'us-east-1',
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
  'aws-eusc': 'eusc-de-east-1',
};

export async function handleSignin(ctx: Ctx): Promise<boolean> {
  if (ctx.path === '/federation' && ctx.method === 'POST' && ctx.hostInfo.partition === 'aws-us-gov') {
    // GovCloud is not known to take the POST form (docs/aws-protocol.md §8); the status is our assumption.
    jsonError(ctx, 405, 'MethodNotAllowedException', { message: 'POST is not supported here' });
    return true;
  }
  if (ctx.path === '/federation' && (ctx.method === 'GET' || ctx.method === 'POST')) {
    // POST takes the same parameters as a form body; they win over the query string.
    const params = new URLSearchParams(ctx.query);
    if (ctx.method === 'POST') for (const [k, v] of new URLSearchParams(await ctx.body())) params.set(k, v);
    const action = params.get('Action');
    if (action === 'getSigninToken') getSigninToken(ctx, params);
    else if (action === 'login' && ctx.method === 'GET') login(ctx, params);
    else jsonError(ctx, 400, 'InvalidActionException', { message: 'Invalid Action parameter' });
    return true;
  }
  if (ctx.path === '/oauth' && ctx.method === 'GET') {
    logout(ctx);
    return true;
  }
  const perSession = /^\/sessions\/([^/]+)\/v1\/logout$/.exec(ctx.path);
  if (perSession) {
    for (const s of ctx.state.consoleSessions.values())
      if (s.sessionDifferentiator === perSession[1]) s.ended = true;
    redirect(
      ctx,
      ctx.query.get('redirect_uri') ?? `https://${consoleApex(ctx.hostInfo.partition)}${ctx.portSuffix}/`,
    );
    return true;
  }
  return false;
}

function invalidCredentials(ctx: Ctx, description: string) {
  jsonError(ctx, 400, 'InvalidCredentialsParameter', {
    message: 'Invalid credentials parameter',
    description,
  });
}

function getSigninToken(ctx: Ctx, params: URLSearchParams) {
  const { state } = ctx;
  let session: { sessionId?: unknown; sessionKey?: unknown; sessionToken?: unknown } = {};
  try {
    session = JSON.parse(params.get('Session') ?? '') ?? {};
  } catch {
    return invalidCredentials(ctx, 'The request sent by the client was syntactically incorrect.');
  }
  const credential = state.roleCredentials.get(String(session.sessionId));
  const matches =
    credential?.secretAccessKey === session.sessionKey && credential?.sessionToken === session.sessionToken;
  if (!credential || !matches || credential.expiration <= state.now()) {
    return invalidCredentials(ctx, 'The credentials in the Session parameter are invalid or have expired.');
  }
  const durationParam = params.get('SessionDuration');
  const duration = durationParam === null ? undefined : Number(durationParam);
  if (duration !== undefined && (!/^\d+$/.test(durationParam ?? '') || duration < 900 || duration > 43200)) {
    return invalidCredentials(ctx, 'SessionDuration must be between 900 and 43200 seconds.');
  }
  if (duration !== undefined && state.refuseSessionDuration) {
    return invalidCredentials(
      ctx,
      'Invalid credentials parameter: SessionDuration is not allowed for these credentials.',
    );
  }
  const token = opaqueToken('', 300);
  state.signinTokens.set(token, {
    token,
    credential,
    createdAt: state.now(),
    // Without SessionDuration the console session lasts as long as the credentials do.
    sessionDurationSeconds: duration ?? Math.floor((credential.expiration - state.now()) / 1000),
  });
  sendJson(ctx, 200, { SigninToken: token });
}

function badLogin(ctx: Ctx, title: string, text: string) {
  sendHtml(ctx, 400, messagePage(title, [text]), 'InvalidSigninTokenException');
}

function login(ctx: Ctx, params: URLSearchParams) {
  const { state } = ctx;
  const signin = state.signinTokens.get(params.get('SigninToken') ?? '');
  if (!signin || state.now() - signin.createdAt >= SIGNIN_TOKEN_LIFETIME_MS) {
    return badLogin(
      ctx,
      'Sign-in token expired',
      'Your request included an invalid or expired sign-in token.',
    );
  }
  const destinationParam = params.get('Destination') ?? '';
  const destination = URL.canParse(destinationParam) ? new URL(destinationParam) : undefined;
  const target = destination && classifyHost(destination.hostname);
  const local = destination && isLoopback(destination.hostname);
  const samePartition = ctx.hostInfo.service !== 'signin' || target?.partition === ctx.hostInfo.partition;
  if (destination?.protocol !== 'https:' || !(local || (target?.service === 'console' && samePartition))) {
    return badLogin(ctx, 'Invalid destination', 'The Destination parameter must be an AWS console URL.');
  }
  const partition = target?.partition ?? 'aws';
  const region = target?.region ?? destination.searchParams.get('region') ?? DEFAULT_REGION[partition];
  const { accountId } = signin.credential;
  const grant: LoginGrant = {
    id: randomUUID(),
    credential: signin.credential,
    issuer: params.get('Issuer') ?? '',
    destination,
    consoleHost: destination.hostname,
    partition,
    region,
    sessionDurationSeconds: signin.sessionDurationSeconds,
    expiresAt: state.now() + SIGNIN_TOKEN_LIFETIME_MS,
    used: false,
  };
  if (state.multiSession && partition === 'aws' && !local) {
    // Multi-session: each sign-in gets its own `{accountId}-{8 chars}.{region}` console host.
    grant.sessionDifferentiator = `${accountId}-${randomChars(8, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
    grant.consoleHost = `${grant.sessionDifferentiator}.${region}.${consoleApex(partition)}`;
    grant.destination = new URL(destination.href);
    grant.destination.hostname = grant.consoleHost;
  }
  state.loginGrants.set(grant.id, grant);
  const port = destination.port ? `:${destination.port}` : '';
  redirect(ctx, `https://${grant.consoleHost}${port}/_emulator/session?grant=${grant.id}`);
}

/** On a loopback host the console cookies are visible here; on AWS hosts sign-out hops via the console host. */
function logout(ctx: Ctx) {
  if (ctx.query.get('Action') !== 'logout') {
    return jsonError(ctx, 400, 'InvalidActionException', { message: 'Invalid Action parameter' });
  }
  const partition = ctx.hostInfo.partition;
  const target = ctx.query.get('redirect_uri') ?? `https://${consoleApex(partition)}${ctx.portSuffix}/`;
  if (ctx.hostInfo.service !== 'signin') {
    endConsoleSessions(ctx);
    return redirect(ctx, target, { 'set-cookie': clearCookies(ctx) });
  }
  const hop = new URL(`https://${consoleApex(partition)}${ctx.portSuffix}/_emulator/logout`);
  hop.searchParams.set('redirect_uri', target);
  redirect(ctx, hop.href);
}
