import { Agent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { SSOClient } from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { Emulator } from './index.ts';

/**
 * Test helpers: the real AWS SDK clients pointed at the emulator, and a tiny HTTPS client that resolves every
 * AWS host name to the emulator (what Chromium's host-resolver rules do) for the browser-facing endpoints.
 */

export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** Resolves every name to 127.0.0.1; Node asks with `all: true` when it races address families. */
export const toLoopback: LookupFunction = (_hostname, options, callback) => {
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

/**
 * The certificate is still pinned as the only CA; only the name check is skipped, because the SAN lists the
 * home region's hosts and tests also call other regions' (Chromium trusts the SPKI hash whatever the name).
 */
const checkServerIdentity = () => undefined;

export interface SdkClients {
  oidc: SSOOIDCClient;
  sso: SSOClient;
  close(): void;
}

/** An HTTPS agent that trusts the emulator's certificate and sends every AWS host name to its loopback port. */
function emulatorAgent(emulator: Emulator): Agent {
  return new Agent({ ca: emulator.certificatePem, keepAlive: true, lookup: toLoopback, checkServerIdentity });
}

/** Both SDK clients with the emulator's certificate pinned as CA; `endpoint` defaults to the IP base URL. */
export function sdkClients(
  emulator: Emulator,
  options: { maxAttempts?: number; endpoint?: string } = {},
): SdkClients {
  const agent = emulatorAgent(emulator);
  const config = {
    region: emulator.region,
    endpoint: options.endpoint ?? emulator.baseUrl,
    requestHandler: new NodeHttpHandler({ httpsAgent: agent }),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  };
  const oidc = new SSOOIDCClient(config);
  const sso = new SSOClient(config);
  return {
    oidc,
    sso,
    close: () => {
      oidc.destroy();
      sso.destroy();
      agent.destroy();
    },
  };
}

/**
 * Both SDK clients with no endpoint override: the SDK resolves the real AWS host for the region (and
 * `useDualstackEndpoint`), and only the connection goes to the emulator's port, as Chromium's `MAP host
 * 127.0.0.1:port` does. `hosts()` lists the hosts the SDK resolved, so tests can check them.
 */
export function resolvedSdkClients(
  emulator: Emulator,
  options: { region: string; useDualstackEndpoint?: boolean },
): SdkClients & { hosts(): string[] } {
  const agent = emulatorAgent(emulator);
  const config = {
    region: options.region,
    useDualstackEndpoint: options.useDualstackEndpoint ?? false,
    requestHandler: new NodeHttpHandler({ httpsAgent: agent }),
    maxAttempts: 1,
  };
  const seen: string[] = [];
  const oidc = new SSOOIDCClient(config);
  const sso = new SSOClient(config);
  for (const client of [oidc, sso] as { middlewareStack: SSOClient['middlewareStack'] }[]) {
    client.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { hostname: string; port?: number; headers: Record<string, string> };
        seen.push(request.hostname);
        request.port = emulator.port;
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'mapToEmulator' },
    );
  }
  return {
    oidc,
    sso,
    hosts: () => [...seen],
    close: () => {
      oidc.destroy();
      sso.destroy();
      agent.destroy();
    },
  };
}

export async function register(oidc: SSOOIDCClient, scopes: string[] | undefined = ['sso:account:access']) {
  return oidc.send(
    new RegisterClientCommand({
      clientName: 'aws-sso-switcher-test',
      clientType: 'public',
      ...(scopes ? { scopes } : {}),
    }),
  );
}

/** Register, start a device authorization and return everything a test needs to poll. */
export async function startDevice(emulator: Emulator, oidc: SSOOIDCClient, scopes?: string[]) {
  const client = await register(oidc, scopes);
  const device = await oidc.send(
    new StartDeviceAuthorizationCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      startUrl: emulator.startUrl,
    }),
  );
  const poll = () =>
    oidc.send(
      new CreateTokenCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        grantType: DEVICE_GRANT,
        deviceCode: device.deviceCode,
      }),
    );
  return { client, device, poll };
}

/** A signed-in user: device flow approved through the in-process control. */
export async function signIn(emulator: Emulator, oidc: SSOOIDCClient, scopes?: string[]) {
  const { client, device, poll } = await startDevice(emulator, oidc, scopes);
  emulator.approve(device.userCode as string);
  const token = await poll();
  return { client, token, accessToken: token.accessToken as string };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('Expected the call to fail');
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request, no redirect following, any host name sent to the emulator's port. */
export function raw(
  emulator: Emulator,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: init.method ?? 'GET',
        headers: init.headers,
        ca: emulator.certificatePem,
        lookup: toLoopback,
        checkServerIdentity,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** `https://{host}:{port}{path}`: an AWS host name at the emulator's port, as a mapped browser would reach it. */
export function at(emulator: Emulator, host: string, path = '/'): string {
  return `https://${host}:${emulator.port}${path}`;
}

/** name=value pairs from Set-Cookie headers, ready for a Cookie header (attributes dropped). */
export function cookieHeader(response: RawResponse): string {
  const setCookie = response.headers['set-cookie'] ?? [];
  return (Array.isArray(setCookie) ? setCookie : [setCookie]).map((c) => c.split(';')[0]).join('; ');
}
