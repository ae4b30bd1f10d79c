import { X509Certificate } from 'node:crypto';
import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumHostFlags, type Emulator, startEmulator } from './index.ts';
import { raw, rejection, type SdkClients, sdkClients, signIn, startDevice } from './support.ts';

let emulator: Emulator;
let sdk: SdkClients;

beforeAll(async () => {
  emulator = await startEmulator({
    organization: { seed: 5, accounts: 3 },
    lifetimes: { pollIntervalSeconds: 2 },
  });
  sdk = sdkClients(emulator, { maxAttempts: 1 });
});
afterAll(async () => {
  sdk.close();
  await emulator.close();
});

function control(path: string, body?: unknown) {
  return raw(emulator, `${emulator.baseUrl}/_emulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

describe('control API over HTTP', () => {
  it('shows state, approves codes and is left out of the request log', async () => {
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    expect(device.interval).toBe(2);
    const state = JSON.parse((await control('state')).body);
    expect(state).toMatchObject({ startUrl: emulator.startUrl, region: 'us-east-1' });
    expect(state.pendingUserCodes).toContain(device.userCode);
    expect(state.organization.accounts).toHaveLength(3);
    expect((await control('approve', { userCode: device.userCode })).status).toBe(200);
    await expect(poll()).resolves.toHaveProperty('accessToken');
    const unknown = await control('approve', { userCode: 'NOPE-NOPE' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).message).toMatch(/Unknown user code/);
    expect((await control('config', { throttle: { ratePerSecond: 0, burst: 1 } })).status).toBe(400);
    expect(() => emulator.approve('NOPE-NOPE')).toThrow(/Unknown user code/);
    const log = JSON.parse((await control('requests')).body) as { path: string }[];
    expect(log.map((r) => r.path)).toEqual(['/client/register', '/device_authorization', '/token']);
    await control('reset-log', {});
    expect(emulator.requests()).toEqual([]);
  });

  it('logs method, host, path, query, status and error type', async () => {
    await rejection(sdk.sso.send(new ListAccountsCommand({ accessToken: 'bad', maxResults: 5 })));
    expect(emulator.requests().at(-1)).toMatchObject({
      method: 'GET',
      host: '127.0.0.1',
      path: '/assignment/accounts',
      query: { max_result: '5' },
      status: 401,
      errorType: 'UnauthorizedException',
    });
    expect(Date.parse(emulator.requests().at(-1)?.time ?? '')).not.toBeNaN();
  });

  it('expires access tokens, ends sessions and changes config', async () => {
    const { accessToken } = await signIn(emulator, sdk.oidc);
    await control('expire-access-tokens', {});
    expect((await rejection(sdk.sso.send(new ListAccountsCommand({ accessToken })))).name).toBe(
      'UnauthorizedException',
    );
    const config = JSON.parse(
      (await control('config', { latencyMs: 5, lifetimes: { accessTokenSeconds: 60 } })).body,
    );
    expect(config).toMatchObject({
      latencyMs: 5,
      lifetimes: { accessTokenSeconds: 60, deviceCodeSeconds: 600 },
    });
    const fresh = await signIn(emulator, sdk.oidc);
    expect(fresh.token.expiresIn).toBe(60);
    await control('config', { latencyMs: 0, autoApprove: true });
    const auto = await startDevice(emulator, sdk.oidc);
    await expect(auto.poll()).resolves.toHaveProperty('accessToken');
    expect((await control('advance-clock', { seconds: 61 })).status).toBe(200);
    const expired = await rejection(
      sdk.sso.send(new ListAccountsCommand({ accessToken: fresh.accessToken })),
    );
    expect(expired.name).toBe('UnauthorizedException');
    expect((await control('no-such-thing', {})).status).toBe(404);
  });
});

describe('certificate and Chromium flags', () => {
  it('certifies localhost and 127.0.0.1 and reports the SPKI hash Chromium needs', () => {
    const cert = new X509Certificate(emulator.certificatePem);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(emulator.spkiSha256).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it('map every AWS host, apex and wildcard, to the emulator and trust its key', () => {
    const [rules, spki] = chromiumHostFlags(emulator);
    expect(spki).toBe(`--ignore-certificate-errors-spki-list=${emulator.spkiSha256}`);
    for (const host of [
      '*.amazonaws.com',
      '*.amazonaws.com.cn',
      'signin.aws.amazon.com',
      '*.signin.aws.amazon.com',
      'console.aws.amazon.com',
      '*.console.aws.amazon.com',
      'signin.amazonaws-us-gov.com',
      '*.console.amazonaws-us-gov.com',
      'console.amazonaws.cn',
      '*.signin.amazonaws.cn',
    ]) {
      expect(rules).toContain(`MAP ${host} 127.0.0.1:${emulator.port}`);
    }
    expect(rules?.startsWith('--host-resolver-rules=MAP ')).toBe(true);
  });
});
