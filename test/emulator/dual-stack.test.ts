import { ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { at, raw, rejection, resolvedSdkClients, type SdkClients, startDevice } from './support.ts';

/**
 * Dual-stack instances against the real SDK clients, which resolve the hosts themselves (`useDualstackEndpoint`)
 * as the extension's do: docs/aws-protocol.md §1.
 */

const INS = 'ssoins-7223d9a3d2ab4b6b';
let emulator: Emulator;
let sdk: SdkClients & { hosts(): string[] };

afterEach(async () => {
  sdk.close();
  await emulator.close();
});

async function instance(region: string, startUrl: string, useDualstackEndpoint: boolean) {
  emulator = await startEmulator({ region, startUrl });
  sdk = resolvedSdkClients(emulator, { region, useDualstackEndpoint });
}

describe.each([
  [
    'us-east-1',
    `https://${INS}.portal.us-east-1.app.aws`,
    'api.aws',
    `${INS}.us-east-1.portal.amazonaws.com`,
  ],
  [
    'us-gov-west-1',
    `https://${INS}.portal.us-gov-west-1.app.aws`,
    'api.aws',
    `${INS}.us-gov-west-1.portal.amazonaws.com`,
  ],
  [
    'cn-north-1',
    `https://${INS}.portal.cn-north-1.app.amazonwebservices.com.cn`,
    'api.amazonwebservices.com.cn',
    `${INS}.cn-north-1.portal.amazonaws.com.cn`,
  ],
  [
    'eusc-de-east-1',
    `https://${INS}.portal.eusc-de-east-1.api.amazonwebservices.eu`,
    'api.amazonwebservices.eu',
    `${INS}.eusc-de-east-1.portal.amazonaws.eu`,
  ],
])('a dual-stack instance in %s', (region, startUrl, dualStackSuffix, legacyHost) => {
  it('signs in through the dual-stack endpoints, with a link on its own portal domain that works', async () => {
    await instance(region, startUrl, true);
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    const portalHost = new URL(startUrl).hostname;
    expect(device.verificationUriComplete).toBe(
      `https://${portalHost}/#/device?user_code=${device.userCode}`,
    );
    emulator.approve(device.userCode as string);
    const { accessToken } = await poll();
    const accounts = await sdk.sso.send(new ListAccountsCommand({ accessToken }));
    expect(accounts.accountList?.length).toBeGreaterThan(0);
    expect(new Set(sdk.hosts())).toEqual(
      new Set([`oidc.${region}.${dualStackSuffix}`, `portal.sso.${region}.${dualStackSuffix}`]),
    );
  });

  it('through the IPv4 endpoint, links to the legacy portal domain, where approval fails as on AWS', async () => {
    await instance(region, startUrl, false);
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    expect(device.verificationUriComplete).toBe(
      `https://${legacyHost}/#/device?user_code=${device.userCode}`,
    );
    expect(() => emulator.approve(device.userCode as string)).toThrow(
      "Something doesn't compute. We couldn't verify your sign-in credentials. Please try again.",
    );
    // The same through the portal's device page, as a person would approve it.
    const approve = await raw(emulator, at(emulator, legacyHost, '/'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: device.userCode as string, action: 'approve' }).toString(),
    });
    expect(approve.status).toBe(400);
    expect(approve.body).toContain('Something doesn&#39;t compute');
    expect(approve.body).toContain('We couldn&#39;t verify your sign-in credentials. Please try again.');
    expect((await rejection(poll())).name).toBe('AuthorizationPendingException');
  });
});

describe('the portal device page on a dual-stack instance', () => {
  it('is served on the portal host and approves the code it is posted', async () => {
    await instance('us-east-1', `https://${INS}.portal.us-east-1.app.aws`, true);
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    const host = `${INS}.portal.us-east-1.app.aws`;
    const page = await raw(emulator, at(emulator, host, '/'));
    expect(page.status).toBe(200);
    // The portal's single-page app (portal-app-page.ts): it draws Approve / Deny from the `#/device` route.
    expect(page.body).toContain('Approve');
    const approve = await raw(emulator, at(emulator, host, '/'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: device.userCode as string, action: 'approve' }).toString(),
    });
    expect(approve.status).toBe(200);
    expect((await poll()).accessToken).toBeTruthy();
  });
});

describe('a classic instance', () => {
  it('keeps the IPv4 endpoints and the device page link', async () => {
    await instance('eu-west-1', 'https://d-9067c0ffee.awsapps.com/start', false);
    const { device } = await startDevice(emulator, sdk.oidc);
    expect(device.verificationUriComplete).toBe(
      `https://device.sso.eu-west-1.amazonaws.com/?user_code=${device.userCode}`,
    );
    emulator.approve(device.userCode as string);
    expect(sdk.hosts()).toEqual(['oidc.eu-west-1.amazonaws.com', 'oidc.eu-west-1.amazonaws.com']);
  });
});
