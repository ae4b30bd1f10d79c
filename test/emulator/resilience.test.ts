import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { RegisterClientCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { raw, rejection, type SdkClients, sdkClients, signIn } from './support.ts';

let emulator: Emulator;
let once: SdkClients;
let retrying: SdkClients;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator();
  once = sdkClients(emulator, { maxAttempts: 1 });
  retrying = sdkClients(emulator);
  ({ accessToken } = await signIn(emulator, once.oidc));
});
beforeEach(() => {
  emulator.configure({ throttle: null, faults: [], latencyMs: 0 });
  emulator.resetLog();
});
afterAll(async () => {
  once.close();
  retrying.close();
  await emulator.close();
});

const statuses = () => emulator.requests().map((r) => r.status);

describe('throttling', () => {
  it('answers 429 as AWS does: its body, no Retry-After, and the SDK names it TooManyRequestsException', async () => {
    emulator.configure({ throttle: { ratePerSecond: 1, burst: 2 } });
    await once.sso.send(new ListAccountsCommand({ accessToken }));
    await once.sso.send(new ListAccountsCommand({ accessToken }));
    const error = await rejection(once.sso.send(new ListAccountsCommand({ accessToken })));
    expect(error.name).toBe('TooManyRequestsException');
    expect(error.message).toBe('HTTP 429 Unknown Code');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(429);
    // What the product's retry reads for a pause: nothing, so it falls back to its own default.
    const headers = (error.$response as { headers: Record<string, string> }).headers;
    expect(headers['retry-after']).toBeUndefined();
    const response = await raw(emulator, `${emulator.baseUrl}/assignment/accounts`, {
      headers: { 'x-amz-sso_bearer_token': accessToken },
    });
    expect(response.status).toBe(429);
    expect(JSON.parse(response.body)).toEqual({
      message: 'HTTP 429 Unknown Code',
      __type: 'com.amazonaws.switchboard.portal#TooManyRequestsException',
    });
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.headers['x-amzn-errortype']).toBe('TooManyRequestsException');
    // OIDC is not throttled.
    await once.oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public' }));
  });

  it('lets the SDK with default retries succeed after its own backoff (AWS names no wait)', async () => {
    emulator.configure({ throttle: { ratePerSecond: 5, burst: 1 } });
    await retrying.sso.send(new ListAccountsCommand({ accessToken }));
    // The SDK waits a random share ("full jitter") of its throttling backoff (500 ms base): a share drawn near 0
    // retries before the bucket refills (200 ms) and all three attempts meet 429. The draw is fixed at the top of
    // its range, so the test is about the retry, not about luck.
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const result = await retrying.sso.send(new ListAccountsCommand({ accessToken })).finally(() => {
      vi.mocked(Math.random).mockRestore();
    });
    expect(result.$metadata.attempts).toBeGreaterThanOrEqual(2);
    expect(statuses()[0]).toBe(200);
    expect(statuses()[1]).toBe(429);
    expect(statuses().at(-1)).toBe(200);
  });
});

describe('injected faults', () => {
  it('500s on a path are retried by the SDK', async () => {
    emulator.configure({ faults: [{ path: '/assignment/accounts', kind: 'internal-error', count: 2 }] });
    const result = await retrying.sso.send(new ListAccountsCommand({ accessToken }));
    expect(result.$metadata.attempts).toBe(3);
    expect(emulator.requests().map((r) => [r.status, r.errorType])).toEqual([
      [500, 'InternalServerException'],
      [500, 'InternalServerException'],
      [200, undefined],
    ]);
  });

  it('surface as InternalServerException when retries run out, on OIDC with its error shape', async () => {
    emulator.configure({ faults: [{ path: '/client/register', kind: 'internal-error' }] });
    const error = await rejection(
      once.oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'public' })),
    );
    expect(error.name).toBe('InternalServerException');
    expect(error.error).toBe('server_error');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(500);
  });

  it('dropped connections are retried by the SDK', async () => {
    emulator.configure({ faults: [{ path: '*', method: 'GET', kind: 'drop-connection', count: 1 }] });
    const result = await retrying.sso.send(new ListAccountsCommand({ accessToken }));
    expect(result.$metadata.attempts).toBe(2);
    expect(emulator.requests()[0]).toMatchObject({ status: 0, errorType: 'ConnectionDropped' });
  });

  it('a zero rate never fires', async () => {
    emulator.configure({ faults: [{ path: '*', kind: 'internal-error', rate: 0 }] });
    await once.sso.send(new ListAccountsCommand({ accessToken }));
    expect(statuses()).toEqual([200]);
  });
});

describe('latency', () => {
  it('delays every API response', async () => {
    emulator.configure({ latencyMs: 120 });
    const started = performance.now();
    await once.sso.send(new ListAccountsCommand({ accessToken }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });
});
