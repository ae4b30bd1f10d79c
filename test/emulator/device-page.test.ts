import { RegisterClientCommand, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { at, raw, rejection, type SdkClients, sdkClients, startDevice } from './support.ts';

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

const devicePage = (path: string) => at(emulator, 'device.sso.us-east-1.amazonaws.com', path);

function submit(url: string, userCode: string, action: string) {
  return raw(emulator, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ user_code: userCode, action }).toString(),
  });
}

describe('device verification page', () => {
  it('shows the code with Approve and Deny buttons, and approving lets the client in', async () => {
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    const userCode = device.userCode as string;
    const page = await raw(emulator, devicePage(`/?user_code=${userCode}`));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain(`<p class="code" data-testid="user-code">${userCode}</p>`);
    expect(page.body).toMatch(/<form method="post"[^>]*>/);
    expect(page.body).toMatch(/<button[^>]*name="action" value="approve">Approve<\/button>/);
    expect(page.body).toMatch(/<button[^>]*name="action" value="deny">Deny<\/button>/);

    const approved = await submit(devicePage('/'), userCode, 'approve');
    expect(approved.body).toContain('Request approved. You can close this tab.');
    expect(emulator.pendingUserCodes()).not.toContain(userCode);
    await expect(poll()).resolves.toHaveProperty('accessToken');
  });

  it('denying makes the client fail with access_denied', async () => {
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    // Typed by hand: lower case, no dash.
    const denied = await submit(
      devicePage('/'),
      (device.userCode as string).replace('-', '').toLowerCase(),
      'deny',
    );
    expect(denied.body).toContain('Request denied.');
    expect((await rejection(poll())).name).toBe('AccessDeniedException');
  });

  it('handles unknown and expired codes and asks for a code when none is given', async () => {
    const unknown = await raw(emulator, devicePage('/?user_code=ZZZZ-ZZZZ'));
    expect(unknown.status).toBe(200);
    expect(unknown.body).toContain('is not valid or has expired');
    expect(unknown.body).not.toContain('>Approve<');
    const { device } = await startDevice(emulator, sdk.oidc);
    emulator.advanceClock(601);
    const expired = await submit(devicePage('/'), device.userCode as string, 'approve');
    expect(expired.status).toBe(400);
    expect(expired.body).toContain('is not valid or has expired');
    const blank = await raw(emulator, devicePage('/'));
    expect(blank.body).toMatch(/<input id="user_code" name="user_code"/);
  });

  it('says "Invalid client" for a code started with an expired registration', async () => {
    const { device } = await startDevice(emulator, sdk.oidc);
    emulator.expireRegistrations();
    const page = await raw(emulator, devicePage(`/?user_code=${device.userCode}`));
    expect(page.body).toContain('Invalid client');
  });

  it('escapes the client name and is also served on the IP address under /device/', async () => {
    const client = await sdk.oidc.send(
      new RegisterClientCommand({ clientName: '<img src=x onerror=alert(1)>', clientType: 'public' }),
    );
    const device = await sdk.oidc.send(
      new StartDeviceAuthorizationCommand({
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl: emulator.startUrl,
      }),
    );
    expect(device.verificationUriComplete).toBe(`${emulator.baseUrl}/device/?user_code=${device.userCode}`);
    const page = await raw(emulator, device.verificationUriComplete as string);
    expect(page.body).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(page.body).not.toContain('<img');
  });
});
