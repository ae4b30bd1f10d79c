import { ListAccountsCommand } from '@aws-sdk/client-sso';
import {
  CreateTokenCommand,
  RegisterClientCommand,
  StartDeviceAuthorizationCommand,
} from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { at, raw, register, rejection, type SdkClients, sdkClients, signIn, startDevice } from './support.ts';

let emulator: Emulator;
let sdk: SdkClients;

beforeAll(async () => {
  emulator = await startEmulator();
  sdk = sdkClients(emulator, { maxAttempts: 1 });
});
afterAll(async () => {
  sdk.close();
  await emulator.close();
});

const secret = (client: { clientId?: string; clientSecret?: string }) => ({
  clientId: client.clientId,
  clientSecret: client.clientSecret,
});

const refresh = (client: { clientId?: string; clientSecret?: string }, refreshToken: string | undefined) =>
  sdk.oidc.send(
    new CreateTokenCommand({
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      grantType: 'refresh_token',
      refreshToken,
    }),
  );

describe('RegisterClient', () => {
  it('returns a public client whose times are epoch seconds, expiring after 90 days', async () => {
    const client = await register(sdk.oidc);
    const nowSeconds = Date.now() / 1000;
    expect(client.clientId).toBeTruthy();
    expect(client.clientSecret?.length).toBeGreaterThan(100);
    expect(client.clientIdIssuedAt).toBeCloseTo(nowSeconds, -1);
    expect(client.clientSecretExpiresAt).toBe((client.clientIdIssuedAt ?? 0) + 90 * 86400);
  });

  it('rejects a non-public client type and non-loopback redirect URIs as the service does', async () => {
    const confidential = await rejection(
      sdk.oidc.send(new RegisterClientCommand({ clientName: 'x', clientType: 'confidential' })),
    );
    expect(confidential.name).toBe('InvalidClientMetadataException');
    expect(confidential.error).toBe('invalid_client_metadata');
    const redirect = await rejection(
      sdk.oidc.send(
        new RegisterClientCommand({
          clientName: 'x',
          clientType: 'public',
          redirectUris: ['https://x.chromiumapp.org/'],
        }),
      ),
    );
    expect(redirect.name).toBe('InvalidRedirectUriException');
  });

  it('sends the error wire format AWS sends: namespaced x-amzn-ErrorType, {error, error_description}', async () => {
    const response = await raw(emulator, `${emulator.baseUrl}/client/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientName: 'x', clientType: 'confidential' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-errortype']).toBe(
      'InvalidClientMetadataException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/',
    );
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(JSON.parse(response.body))).toEqual(['error', 'error_description']);
  });
});

describe('device authorization', () => {
  it('answers pending, then slow_down when polled too fast, then tokens once approved', async () => {
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    expect(device.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(device.verificationUriComplete).toBe(`${device.verificationUri}?user_code=${device.userCode}`);
    expect(device).toMatchObject({ expiresIn: 600, interval: 1 });

    const pending = await rejection(poll());
    expect(pending.name).toBe('AuthorizationPendingException');
    expect(pending.error_description).toBe('Authorization is still pending');
    expect((pending.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);

    const tooFast = await rejection(poll());
    expect(tooFast.name).toBe('SlowDownException');
    expect(tooFast.error).toBe('slow_down');

    // RFC 8628: the interval grew by 5 s, so a poll 1 s later is still too fast.
    emulator.advanceClock(1);
    expect((await rejection(poll())).name).toBe('SlowDownException');

    emulator.advanceClock(20);
    emulator.approve(device.userCode as string);
    const token = await poll();
    expect(token).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600 });
    expect(token.accessToken).toBeTruthy();
    expect(token.refreshToken).toBeTruthy();

    emulator.advanceClock(20);
    const reused = await rejection(poll());
    expect(reused.name).toBe('InvalidGrantException');
  });

  it('answers access_denied once the user denies', async () => {
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    emulator.deny(device.userCode as string);
    const denied = await rejection(poll());
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.error).toBe('access_denied');
  });

  it('answers expired_token after expiresIn', async () => {
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    emulator.advanceClock(601);
    expect((await rejection(poll())).name).toBe('ExpiredTokenException');
    expect(emulator.pendingUserCodes()).not.toContain(device.userCode);
  });

  it('answers 401 invalid_client for an unknown client or a wrong secret', async () => {
    const unknown = await rejection(
      sdk.oidc.send(
        new StartDeviceAuthorizationCommand({
          clientId: 'nope',
          clientSecret: 'nope',
          startUrl: emulator.startUrl,
        }),
      ),
    );
    expect(unknown.name).toBe('InvalidClientException');
    expect((unknown.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(401);
    const client = await register(sdk.oidc);
    const wrongSecret = await rejection(
      sdk.oidc.send(
        new CreateTokenCommand({
          clientId: client.clientId,
          clientSecret: 'wrong',
          grantType: 'refresh_token',
          refreshToken: 'x',
        }),
      ),
    );
    expect(wrongSecret.name).toBe('InvalidClientException');
  });

  it('rejects another instance start URL and unsupported grant types', async () => {
    const client = await register(sdk.oidc);
    const wrongUrl = await rejection(
      sdk.oidc.send(
        new StartDeviceAuthorizationCommand({
          ...secret(client),
          startUrl: 'https://d-0000000000.awsapps.com/start',
        }),
      ),
    );
    expect(wrongUrl.name).toBe('InvalidRequestException');
    const authCode = await rejection(
      sdk.oidc.send(
        new CreateTokenCommand({ ...secret(client), grantType: 'authorization_code', code: 'c' }),
      ),
    );
    expect(authCode.name).toBe('UnsupportedGrantTypeException');
    // People paste the start URL with a trailing slash or the portal's `#/` fragment.
    await expect(
      sdk.oidc.send(
        new StartDeviceAuthorizationCommand({ ...secret(client), startUrl: `${emulator.startUrl}/#/` }),
      ),
    ).resolves.toHaveProperty('userCode');
  });
});

describe('registration expiry', () => {
  it('still starts a device authorization (as AWS does) but refuses tokens with 401 invalid_client', async () => {
    const { client, token } = await signIn(emulator, sdk.oidc);
    const fresh = await startDevice(emulator, sdk.oidc);
    emulator.expireRegistrations();
    const again = await sdk.oidc.send(
      new StartDeviceAuthorizationCommand({ ...secret(fresh.client), startUrl: emulator.startUrl }),
    );
    expect(again.userCode).toBeTruthy();
    emulator.approve(fresh.device.userCode as string);
    const onToken = await rejection(fresh.poll());
    expect(onToken.name).toBe('InvalidClientException');
    expect(onToken.error_description).toBe('Client registration has expired');
    const onRefresh = await rejection(refresh(client, token.refreshToken));
    expect(onRefresh.name).toBe('InvalidClientException');
  });
});

describe('refresh tokens', () => {
  it('are issued only for the sso:account:access scope; legacy tokens last 8 hours', async () => {
    const { token } = await signIn(emulator, sdk.oidc, []);
    expect(token.expiresIn).toBe(8 * 3600);
    expect(token.refreshToken).toBeUndefined();
  });

  it('rotate: each refresh returns a new refresh token and the old one is refused', async () => {
    const { client, token } = await signIn(emulator, sdk.oidc);
    const first = await refresh(client, token.refreshToken);
    expect(first.accessToken).not.toBe(token.accessToken);
    expect(first.refreshToken).not.toBe(token.refreshToken);
    const replay = await rejection(refresh(client, token.refreshToken));
    expect(replay.name).toBe('InvalidGrantException');
    expect(replay.error).toBe('invalid_grant');
    const second = await refresh(client, first.refreshToken);
    const accounts = await sdk.sso.send(new ListAccountsCommand({ accessToken: second.accessToken }));
    expect(accounts.accountList?.length).toBeGreaterThan(0);
  });

  it('die when the portal session ends (control or elapsed lifetime); access tokens live until expiry', async () => {
    const ended = await signIn(emulator, sdk.oidc);
    emulator.endSessions();
    expect((await rejection(refresh(ended.client, ended.token.refreshToken))).name).toBe(
      'InvalidGrantException',
    );
    await sdk.sso.send(new ListAccountsCommand({ accessToken: ended.accessToken }));

    const elapsed = await signIn(emulator, sdk.oidc);
    emulator.advanceClock(8 * 3600 + 1);
    expect((await rejection(refresh(elapsed.client, elapsed.token.refreshToken))).name).toBe(
      'InvalidGrantException',
    );
    expect((await rejection(refresh(elapsed.client, 'unknown'))).name).toBe('InvalidGrantException');
  });
});

describe('OIDC on its AWS host name', () => {
  it('serves the oidc host, points at the device host, and treats registrations as regional', async () => {
    const mapped = sdkClients(emulator, {
      maxAttempts: 1,
      endpoint: at(emulator, 'oidc.us-east-1.amazonaws.com', ''),
    });
    try {
      const { device } = await startDevice(emulator, mapped.oidc);
      expect(device.verificationUri).toBe(`https://device.sso.us-east-1.amazonaws.com:${emulator.port}/`);
      const client = await register(mapped.oidc);
      const elsewhere = sdkClients(emulator, {
        maxAttempts: 1,
        endpoint: at(emulator, 'oidc.eu-west-1.amazonaws.com', ''),
      });
      const error = await rejection(
        elsewhere.oidc.send(
          new StartDeviceAuthorizationCommand({ ...secret(client), startUrl: emulator.startUrl }),
        ),
      );
      elsewhere.close();
      expect(error.name).toBe('InvalidClientException');
      const portalPathOnOidcHost = await raw(
        emulator,
        at(emulator, 'oidc.us-east-1.amazonaws.com', '/assignment/accounts'),
      );
      expect(portalPathOnOidcHost.status).toBe(404);
      expect(portalPathOnOidcHost.headers['x-amzn-errortype']).toBe('UnknownOperationException');
    } finally {
      mapped.close();
    }
  });
});
