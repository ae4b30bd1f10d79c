import { randomUUID } from 'node:crypto';
import { consoleIdentity, userInfoCookieValue } from './console-identity.ts';
import { consoleApex, isLoopback, signinApex } from './hosts.ts';
import { type Ctx, cookies, escapeHtml, redirect, sendHtml } from './http.ts';
import { messagePage } from './page.ts';
import type { ConsoleSession } from './state.ts';

/**
 * Console sessions live in cookies on the console host, but sign-in happens on the sign-in host, which cannot
 * set them. So `/federation?Action=login` redirects through `https://{console host}/_emulator/session`, which
 * sets the cookies and redirects on to the destination; sign-out hops through `/_emulator/logout` likewise.
 */

export const SESSION_COOKIE = 'aws-emulator-session';
const MAX_MULTI_SESSIONS = 5;

/** Single-session cookies cover the console apex and every regional host; multi-session ones stay on their host. */
function cookieDomain(ctx: Ctx, multi: boolean): string {
  return multi || isLoopback(ctx.host) || ctx.hostInfo.service !== 'console'
    ? ''
    : `; Domain=${consoleApex(ctx.hostInfo.partition)}`;
}

function cookie(name: string, value: string, domain: string, maxAge: number, httpOnly: boolean): string {
  return `${name}=${value}${domain}; Path=/; Max-Age=${maxAge}; Secure; SameSite=Lax${httpOnly ? '; HttpOnly' : ''}`;
}

/** The live session this request's cookies name, if it belongs on this host. */
export function currentConsoleSession(ctx: Ctx): ConsoleSession | undefined {
  const session = ctx.state.consoleSessions.get(cookies(ctx).get(SESSION_COOKIE) ?? '');
  if (!session || session.ended || session.expiresAt <= ctx.state.now()) return undefined;
  return session.sessionDifferentiator === ctx.hostInfo.sessionDifferentiator ? session : undefined;
}

export function handleConsoleHop(ctx: Ctx): boolean {
  if (ctx.method !== 'GET') return false;
  if (ctx.path === '/_emulator/session') startSession(ctx);
  else if (ctx.path === '/_emulator/logout') endSession(ctx);
  else return false;
  return true;
}

function startSession(ctx: Ctx) {
  const { state } = ctx;
  const grant = state.loginGrants.get(ctx.query.get('grant') ?? '');
  if (!grant || grant.used || grant.expiresAt <= state.now() || grant.consoleHost !== ctx.host) {
    const text = [
      'This sign-in link is invalid or has already been used. Sign in again from your access portal.',
    ];
    return sendHtml(ctx, 400, messagePage('Sign-in link expired', text), 'InvalidSigninTokenException');
  }
  const signout = `https://${signinApex(grant.partition)}${ctx.portSuffix}/oauth?Action=logout&redirect_uri=${encodeURIComponent(`https://${ctx.host}${ctx.portSuffix}/`)}`;
  const existing = currentConsoleSession(ctx);
  if (!grant.sessionDifferentiator && existing) {
    const same =
      existing.accountId === grant.credential.accountId && existing.roleName === grant.credential.roleName;
    if (!same) {
      // The real console's wall: one identity per browser unless multi-session is on.
      const who = consoleIdentity(state, existing).displayName;
      const text = [
        'You must first sign out before signing in to a different AWS account.',
        `You are signed in as ${who}.`,
      ];
      return sendHtml(
        ctx,
        200,
        messagePage(
          'You must first sign out',
          text,
          `<p><a class="button" href="${escapeHtml(signout)}">Sign out</a></p>`,
        ),
      );
    }
    existing.ended = true;
  }
  const live = state.liveConsoleSessions().filter((s) => s.sessionDifferentiator);
  if (grant.sessionDifferentiator && live.length >= MAX_MULTI_SESSIONS) {
    const text = [
      `You can be signed in to at most ${MAX_MULTI_SESSIONS} sessions. Sign out of one to add another.`,
    ];
    return sendHtml(ctx, 200, messagePage('Maximum number of sessions reached', text));
  }
  grant.used = true;
  const { sessionDurationSeconds } = grant;
  const session: ConsoleSession = {
    id: randomUUID(),
    accountId: grant.credential.accountId,
    roleName: grant.credential.roleName,
    host: grant.consoleHost,
    partition: grant.partition,
    region: grant.region,
    issuer: grant.issuer,
    expiresAt: state.now() + sessionDurationSeconds * 1000,
    ended: false,
    ...(grant.sessionDifferentiator ? { sessionDifferentiator: grant.sessionDifferentiator } : {}),
  };
  state.consoleSessions.set(session.id, session);
  const domain = cookieDomain(ctx, session.sessionDifferentiator !== undefined);
  const userInfo = userInfoCookieValue(consoleIdentity(state, session), grant.issuer);
  redirect(ctx, grant.destination.href, {
    'set-cookie': [
      cookie(SESSION_COOKIE, session.id, domain, sessionDurationSeconds, true),
      cookie('aws-userInfo', userInfo, domain, sessionDurationSeconds, false),
      cookie('noflush_Region', session.region, domain, sessionDurationSeconds, false),
    ],
  });
}

/** Ends this browser's session (all multi-session ones, whose cookies this host cannot see) and clears cookies. */
function endSession(ctx: Ctx) {
  endConsoleSessions(ctx);
  const target = ctx.query.get('redirect_uri') ?? `https://${ctx.host}${ctx.portSuffix}/`;
  redirect(ctx, target, { 'set-cookie': clearCookies(ctx) });
}

export function endConsoleSessions(ctx: Ctx) {
  const current = ctx.state.consoleSessions.get(cookies(ctx).get(SESSION_COOKIE) ?? '');
  if (current) current.ended = true;
  for (const session of ctx.state.liveConsoleSessions()) {
    if (session.sessionDifferentiator && session.partition === ctx.hostInfo.partition) session.ended = true;
  }
}

export function clearCookies(ctx: Ctx): string[] {
  const domain = cookieDomain(ctx, false);
  return [SESSION_COOKIE, 'aws-userInfo', 'noflush_Region'].map((name) => cookie(name, '', domain, 0, false));
}
