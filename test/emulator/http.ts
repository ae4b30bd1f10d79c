import { randomUUID } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { classifyHost, type HostInfo, hostWithoutPort } from './hosts.ts';
import type { EmulatorState } from './state.ts';

/** One request as every handler sees it; responses go through `send` so each one is logged exactly once. */
export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  state: EmulatorState;
  method: string;
  /** Host without port, lower case. */
  host: string;
  /** `:port` when the Host header had one (kept in redirects so mapped and direct clients both follow them). */
  portSuffix: string;
  hostInfo: HostInfo;
  path: string;
  query: URLSearchParams;
  requestId: string;
  /** Control-API calls are not logged: tests assert on the calls their client made. */
  logged: boolean;
  body(): Promise<string>;
}

/** Query values that are credentials; the log keeps the key so tests still see the call's shape. */
const SECRET_PARAMS = new Set(['Session', 'SigninToken', 'grant']);
const MAX_BODY = 1024 * 1024;

export function createCtx(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Ctx {
  const hostHeader = req.headers.host ?? '';
  const host = hostWithoutPort(hostHeader);
  const url = new URL(req.url ?? '/', 'https://emulator.invalid');
  let body: Promise<string> | undefined;
  return {
    req,
    res,
    state,
    method: (req.method ?? 'GET').toUpperCase(),
    host,
    portSuffix: hostHeader.slice(host.length).match(/^:\d+$/)?.[0] ?? '',
    hostInfo: classifyHost(host),
    path: url.pathname,
    query: url.searchParams,
    requestId: randomUUID(),
    logged: true,
    body: () => {
      body ??= readBody(req);
      return body;
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function logRequest(ctx: Ctx, status: number, errorType?: string): void {
  if (!ctx.logged) return;
  const query: Record<string, string> = {};
  for (const [key, value] of ctx.query) query[key] = SECRET_PARAMS.has(key) ? '<redacted>' : value;
  ctx.state.log.push({
    time: new Date().toISOString(),
    method: ctx.method,
    host: ctx.host,
    path: ctx.path,
    query,
    status,
    ...(errorType ? { errorType } : {}),
  });
}

export function send(
  ctx: Ctx,
  status: number,
  headers: OutgoingHttpHeaders,
  body: string,
  errorType?: string,
): void {
  logRequest(ctx, status, errorType);
  const payload = Buffer.from(body, 'utf8');
  ctx.res.writeHead(status, {
    'x-amzn-RequestId': ctx.requestId,
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
    ...headers,
    'content-length': payload.length,
  });
  ctx.res.end(payload);
}

export function sendJson(ctx: Ctx, status: number, value: unknown, headers: OutgoingHttpHeaders = {}): void {
  send(ctx, status, { 'content-type': 'application/json', ...headers }, JSON.stringify(value));
}

const OIDC_NAMESPACE = 'http://internal.amazon.com/coral/com.amazonaws.sso.oidc/';

/** OIDC errors: `{error, error_description}` and the namespaced `x-amzn-ErrorType` the real service sends. */
export function oidcError(
  ctx: Ctx,
  status: number,
  exception: string,
  error: string,
  description: string,
): void {
  const headers = {
    'content-type': 'application/json',
    'x-amzn-ErrorType': `${exception}:${OIDC_NAMESPACE}`,
  };
  send(ctx, status, headers, JSON.stringify({ error, error_description: description }), exception);
}

/** Portal (and sign-in/control) errors: `{message}` with a plain `x-amzn-ErrorType`. */
export function jsonError(
  ctx: Ctx,
  status: number,
  exception: string,
  body: Record<string, string>,
  headers: OutgoingHttpHeaders = {},
): void {
  send(ctx, status, { 'content-type': 'application/json', ...headers }, JSON.stringify(body), exception);
}

export function sendHtml(ctx: Ctx, status: number, html: string, errorType?: string): void {
  send(
    ctx,
    status,
    { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    html,
    errorType,
  );
}

export function redirect(ctx: Ctx, location: string, headers: OutgoingHttpHeaders = {}): void {
  send(ctx, 302, { location, 'cache-control': 'no-store', ...headers }, '');
}

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON object body, or undefined when the body is not a JSON object. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text || '{}');
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

export function cookies(ctx: Ctx): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (ctx.req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return jar;
}
