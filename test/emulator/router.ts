import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { handleConsolePage } from './console-page.ts';
import { handleConsoleHop } from './console-session.ts';
import { handleControl } from './control.ts';
import { handleDevicePage } from './device-page.ts';
import { type Ctx, createCtx, jsonError, logRequest, oidcError, send, sendJson } from './http.ts';
import { handleOidc, OIDC_PATHS } from './oidc.ts';
import { handlePortal, PORTAL_PATHS } from './portal.ts';
import { handlePortalDevicePage } from './portal-device-page.ts';
import { handleSignin } from './signin.ts';
import type { EmulatorState } from './state.ts';

/**
 * Front door: control API first (never delayed, throttled or failed), then the knobs that make the network
 * realistic (latency, injected faults, portal throttling), then dispatch by Host header. Hosts that are not
 * AWS names (127.0.0.1, localhost) answer every API path, which do not collide across services.
 */

export function createHandler(state: EmulatorState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const ctx = createCtx(req, res, state);
    handle(ctx).catch((error: unknown) => {
      if (res.headersSent || req.socket.destroyed) {
        res.destroy();
        return;
      }
      jsonError(ctx, 500, 'InternalServerException', {
        message: `Emulator error: ${(error as Error).message}`,
      });
    });
  };
}

async function handle(ctx: Ctx): Promise<void> {
  const { state } = ctx;
  if (ctx.path.startsWith('/_emulator/')) {
    if (handleConsoleHop(ctx) || (await handleControl(ctx))) return;
    ctx.logged = false;
    return jsonError(ctx, 404, 'UnknownOperationException', { message: 'Unknown control operation' });
  }
  if (ctx.path === '/favicon.ico') {
    // Browser noise, not a client call: kept out of the log so tests can assert on exact call lists.
    ctx.logged = false;
    return send(ctx, 204, {}, '');
  }
  if (state.latencyMs > 0) await sleep(state.latencyMs);
  const isOidc = OIDC_PATHS.has(ctx.path);
  const fault = state.faults.match(ctx.method, ctx.path);
  if (fault === 'drop-connection') {
    logRequest(ctx, 0, 'ConnectionDropped');
    ctx.req.socket.destroy();
    return;
  }
  if (fault === 'internal-error') {
    if (isOidc)
      return oidcError(ctx, 500, 'InternalServerException', 'server_error', 'An internal error occurred');
    return jsonError(ctx, 500, 'InternalServerException', { message: 'An internal error occurred' });
  }
  const service = ctx.hostInfo.service;
  if (state.throttle && PORTAL_PATHS.has(ctx.path) && (service === 'portal' || service === 'local')) {
    const verdict = state.throttle.take();
    if (!verdict.ok) {
      const headers = { 'Retry-After': String(verdict.retryAfterSeconds) };
      return jsonError(ctx, 429, 'TooManyRequestsException', { message: 'Too many requests' }, headers);
    }
  }
  if (await dispatch(ctx)) return;
  jsonError(ctx, 404, 'UnknownOperationException', { message: 'Unknown operation' });
}

async function dispatch(ctx: Ctx): Promise<boolean> {
  switch (ctx.hostInfo.service) {
    case 'oidc':
      return handleOidc(ctx);
    case 'portal':
      return handlePortal(ctx);
    case 'signin':
      return handleSignin(ctx);
    case 'device':
      return ctx.path === '/' && handleDevicePage(ctx);
    case 'portal-app':
      return handlePortalDevicePage(ctx);
    case 'console':
      handleConsolePage(ctx);
      return true;
    case 'local':
      if ((await handleOidc(ctx)) || (await handlePortal(ctx)) || (await handleSignin(ctx))) return true;
      if (ctx.path === '/device' || ctx.path === '/device/') return handleDevicePage(ctx);
      if (ctx.path.startsWith('/console/')) {
        handleConsolePage(ctx);
        return true;
      }
      if (ctx.path === '/' && ctx.method === 'GET') {
        sendJson(ctx, 200, {
          emulator: 'AWS SSO Switcher local AWS emulator',
          startUrl: ctx.state.options.startUrl,
          region: ctx.state.options.region,
          deviceVerificationPage: `https://${ctx.host}${ctx.portSuffix}/device/`,
          console: `https://${ctx.host}${ctx.portSuffix}/console/home`,
          control: '/_emulator/state',
        });
        return true;
      }
      return false;
  }
}
