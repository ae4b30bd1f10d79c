import type { BrowserContext, ConsoleMessage, Page, Response, Worker } from 'playwright-core';

/**
 * Secret values the extension holds, captured where they enter the browser (the AWS responses the service
 * worker receives) or read from the worker's own storage, and helpers that look for them in replies, storage
 * and logs. Only the tests hold these values; they are never printed (a failure names the secret's kind).
 */

export type SecretKind =
  | 'access token'
  | 'refresh token'
  | 'client secret'
  | 'device code'
  | 'role secret access key'
  | 'role session token'
  | 'role access key id'
  /** getSigninToken's `SigninToken`: for its ~15 minutes, anyone holding it can open the console as the role. */
  | 'federation sign-in token';

export interface Secret {
  readonly kind: SecretKind;
  readonly value: string;
}

/** Every form a secret may take in text: as is, JSON-escaped, URL-encoded, and a distinctive slice of it. */
function forms(secret: string): string[] {
  const out = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  // A truncated or partly masked token is still a leak: look for 24 characters from its middle too.
  if (secret.length >= 40) {
    const start = Math.floor((secret.length - 24) / 2);
    out.add(secret.slice(start, start + 24));
  }
  return [...out];
}

/** The kinds of the secrets that occur in `text` (each kind once). */
export function secretsIn(text: string, secrets: readonly Secret[]): SecretKind[] {
  const found = new Set<SecretKind>();
  for (const secret of secrets) {
    if (forms(secret.value).some((form) => text.includes(form))) found.add(secret.kind);
  }
  return [...found];
}

/** Each value once; values too short to be a real secret are dropped (they would match by chance). */
export const uniqueSecrets = (secrets: readonly Secret[]): Secret[] => {
  const seen = new Set<string>();
  return secrets.filter((s) => s.value.length >= 8 && !seen.has(s.value) && seen.add(s.value));
};

/** The partitions' sign-in hosts, where getSigninToken answers (docs/aws-protocol.md §8). */
const SIGNIN_HOST =
  /(^|\.)signin\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn|amazonaws-eusc\.eu)$/;
/** Where AWS hands the extension a secret: the OIDC and portal APIs, and the sign-in host's getSigninToken. */
const ISSUING_HOST = /^(oidc|portal\.sso)\./;

function fromAwsResponse(url: URL, body: unknown): Secret[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as Record<string, unknown>;
  const take = (kind: SecretKind, value: unknown): Secret[] =>
    typeof value === 'string' && value ? [{ kind, value }] : [];
  if (url.hostname.startsWith('oidc.')) {
    return [
      ...take('access token', b.accessToken),
      ...take('refresh token', b.refreshToken),
      ...take('client secret', b.clientSecret),
      ...take('device code', b.deviceCode),
    ];
  }
  if (SIGNIN_HOST.test(url.hostname) && url.pathname === '/federation') {
    return take('federation sign-in token', b.SigninToken);
  }
  if (url.hostname.startsWith('portal.sso.') && url.pathname === '/federation/credentials') {
    const c = (b.roleCredentials ?? {}) as Record<string, unknown>;
    return [
      ...take('role secret access key', c.secretAccessKey),
      ...take('role session token', c.sessionToken),
      ...take('role access key id', c.accessKeyId),
    ];
  }
  return [];
}

/**
 * Records every secret AWS (the emulator) hands the extension: Playwright reports the service worker's
 * network traffic in Chromium, so the plain refresh token and client secret are known although the extension
 * stores them sealed, and so is the federation sign-in token, which it never stores. Attach before the first
 * sign-in.
 */
export function watchIssuedSecrets(context: BrowserContext): { all(): Promise<Secret[]> } {
  const secrets: Secret[] = [];
  const pending: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    const issuing = ISSUING_HOST.test(url.hostname) || SIGNIN_HOST.test(url.hostname);
    if (!issuing || response.status() !== 200) return;
    pending.push(
      response.json().then(
        (body: unknown) => {
          secrets.push(...fromAwsResponse(url, body));
        },
        () => undefined,
      ),
    );
  };
  context.on('response', onResponse);
  return {
    async all() {
      await Promise.all(pending);
      return uniqueSecrets(secrets);
    },
  };
}

export interface StorageSnapshot {
  readonly local: Record<string, unknown>;
  readonly sync: Record<string, unknown>;
  readonly session: Record<string, unknown>;
  /** The extension origin's localStorage (the popup's first paint: src/popup/first-paint), when a page was given. */
  readonly web: Record<string, unknown>;
}

export const STORAGE_AREAS = ['local', 'sync', 'session', 'web'] as const;

/**
 * All three storage areas, read in the service worker (only it can read storage.session), and the extension
 * origin's localStorage, read in one of its pages (a worker has none).
 */
export async function readStorage(worker: Worker, page?: Page): Promise<StorageSnapshot> {
  const areas = await worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
    session: await chrome.storage.session.get(null),
  }));
  const web = page ? await page.evaluate(() => ({ ...localStorage })) : {};
  return { ...areas, web };
}

/** The access tokens and role credentials the worker holds now (storage.session), by kind. */
export function heldSecrets(snapshot: StorageSnapshot): Secret[] {
  const secrets: Secret[] = [];
  for (const [key, value] of Object.entries(snapshot.session)) {
    const v = (value ?? {}) as Record<string, unknown>;
    const take = (kind: SecretKind, field: unknown) => {
      if (typeof field === 'string' && field) secrets.push({ kind, value: field });
    };
    if (key.startsWith('auth.token:')) take('access token', v.accessToken);
    if (key.startsWith('creds:')) {
      take('role secret access key', v.secretAccessKey);
      take('role session token', v.sessionToken);
      take('role access key id', v.accessKeyId);
    }
  }
  return uniqueSecrets(secrets);
}

/**
 * Every console line of every page and of the service worker (Playwright reports both on the context), with
 * the JSON of each logged argument, plus uncaught page errors. Attach at launch.
 */
export function watchLogs(context: BrowserContext): { lines(): Promise<string[]> } {
  const lines: string[] = [];
  const pending: Promise<void>[] = [];
  const onConsole = (message: ConsoleMessage) => {
    const where = message.worker()?.url() ?? message.page()?.url() ?? '?';
    lines.push(`[${message.type()}] ${where}: ${message.text()}`);
    pending.push(
      Promise.all(
        message.args().map((arg) =>
          arg.jsonValue().then(
            (value: unknown) => JSON.stringify(value) ?? '',
            () => '',
          ),
        ),
      ).then((args) => {
        lines.push(`[${message.type()} args] ${where}: ${args.join(' ')}`);
      }),
    );
  };
  context.on('console', onConsole);
  const watchPage = (page: import('playwright-core').Page) =>
    page.on('pageerror', (error) => lines.push(`[pageerror] ${page.url()}: ${error.stack ?? error.message}`));
  context.on('page', watchPage);
  for (const page of context.pages()) watchPage(page);
  return {
    async lines() {
      await Promise.all(pending);
      return [...lines];
    },
  };
}

declare global {
  // Set in the service worker by installWorkerErrorTrap.
  var __securityErrorTrap: string[] | undefined;
}

/**
 * Records uncaught errors and unhandled rejections in the running service worker (Playwright reports neither
 * for service workers). `readWorkerErrorTrap` answers null when the worker was restarted since: the trap lives
 * in that worker instance's memory.
 */
export async function installWorkerErrorTrap(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const errors: string[] = [];
    globalThis.__securityErrorTrap = errors;
    self.addEventListener('error', (event) => {
      errors.push(`error: ${String(event.message)}`);
    });
    self.addEventListener('unhandledrejection', (event) => {
      const reason = event.reason as unknown;
      errors.push(`unhandledrejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
    });
  });
}

export async function readWorkerErrorTrap(worker: Worker): Promise<string[] | null> {
  return worker.evaluate(() => globalThis.__securityErrorTrap ?? null);
}
