import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classifyHost } from './hosts.ts';
import { type Emulator, startEmulator } from './index.ts';
import { at, cookieHeader, raw, type SdkClients, sdkClients, startDevice } from './support.ts';
import { portalAppBase, verificationLink } from './verification-link.ts';

/** The three verification pages AWS links to today (docs/aws-protocol.md §5), through the real SDK client. */

let emulator: Emulator;
let sdk: SdkClients;

beforeAll(async () => {
  emulator = await startEmulator();
  // The OIDC host by name, as the SDK resolves it: the link is built the way AWS builds it for that host.
  sdk = sdkClients(emulator, { endpoint: at(emulator, 'oidc.us-east-1.amazonaws.com') });
});
afterEach(() => emulator.configure({ verification: 'device', portalLogin: false }));
afterAll(async () => {
  sdk.close();
  await emulator.close();
});

function post(url: string, form: Record<string, string>) {
  return raw(emulator, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

describe('the link StartDeviceAuthorization returns', () => {
  it('is the classic device page by default', async () => {
    const { device } = await startDevice(emulator, sdk.oidc);
    expect(device.verificationUriComplete).toBe(
      `https://device.sso.us-east-1.amazonaws.com:${emulator.port}/?user_code=${device.userCode}`,
    );
    expect(device.expiresIn).toBe(600);
    expect(device.interval).toBe(1);
  });

  it('is the portal app route on an awsapps.com portal, the code in the fragment', async () => {
    emulator.configure({ verification: 'portal' });
    const { device } = await startDevice(emulator, sdk.oidc);
    expect(device.verificationUriComplete).toBe(
      `https://d-9067c0ffee.awsapps.com:${emulator.port}/start/#/device?user_code=${device.userCode}`,
    );
    expect(device.verificationUri).toBe(`https://device.sso.us-east-1.amazonaws.com:${emulator.port}/`);
  });

  it('is signin.aws with an opaque request_uri and no code', async () => {
    emulator.configure({ verification: 'signin' });
    const { device } = await startDevice(emulator, sdk.oidc);
    const link = new URL(device.verificationUriComplete as string);
    expect(link.hostname).toBe('us-east-1.signin.aws');
    expect(link.pathname).toBe('/platform/authorize');
    expect([...link.searchParams.keys()]).toEqual(['request_uri']);
    expect(device.verificationUriComplete).not.toContain(device.userCode as string);
  });
});

describe('verificationLink(style, instance, endpointFamily)', () => {
  const codes = { userCode: 'RHHX-BCTS', requestUri: 'urn:x' };
  const dualStack = {
    region: 'us-east-2',
    startUrl: 'https://ssoins-1234567890abcdef.portal.us-east-2.app.aws',
    partition: 'aws' as const,
  };

  it('gives a dual-stack instance the legacy portal domain through IPv4 OIDC, its own through dual-stack', () => {
    expect(verificationLink('portal', dualStack, 'ipv4', codes).verificationUriComplete).toBe(
      'https://ssoins-1234567890abcdef.us-east-2.portal.amazonaws.com/#/device?user_code=RHHX-BCTS',
    );
    expect(verificationLink('portal', dualStack, 'dualstack', codes).verificationUriComplete).toBe(
      'https://ssoins-1234567890abcdef.portal.us-east-2.app.aws/#/device?user_code=RHHX-BCTS',
    );
  });

  it('uses the China domains in China', () => {
    const china = { region: 'cn-north-1', startUrl: dualStack.startUrl, partition: 'aws-cn' as const };
    expect(portalAppBase(china, 'ipv4')).toBe(
      'https://ssoins-1234567890abcdef.cn-north-1.portal.amazonaws.com.cn/',
    );
    expect(portalAppBase(china, 'dualstack')).toBe(
      'https://ssoins-1234567890abcdef.portal.cn-north-1.app.amazonwebservices.com.cn/',
    );
  });

  it('classifies every host it builds as the page that serves it', () => {
    for (const style of ['device', 'portal', 'signin'] as const) {
      for (const family of ['ipv4', 'dualstack'] as const) {
        const host = new URL(verificationLink(style, dualStack, family, codes).verificationUriComplete)
          .hostname;
        expect(classifyHost(host).service).toBe(
          { device: 'device', portal: 'portal-app', signin: 'signin-aws' }[style],
        );
      }
    }
  });
});

describe('the portal app', () => {
  it('serves one shell whose script reads the code from the fragment; approving lets the client in', async () => {
    emulator.configure({ verification: 'portal' });
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    const shell = await raw(emulator, at(emulator, 'd-9067c0ffee.awsapps.com', '/start/'));
    expect(shell.status).toBe(200);
    expect(shell.body).toContain("addEventListener('hashchange', draw)");
    expect(shell.body).not.toContain(device.userCode as string);
    const approved = await post(at(emulator, 'd-9067c0ffee.awsapps.com', '/start/'), {
      user_code: device.userCode as string,
      action: 'approve',
    });
    expect(approved.body).toContain('Request approved. You can close this tab.');
    await expect(poll()).resolves.toHaveProperty('accessToken');
  });

  it('answers on the instance portal domains too, at the root', async () => {
    for (const host of [
      'ssoins-7223c0ffee123456.us-east-1.portal.amazonaws.com',
      'ssoins-7223c0ffee123456.portal.us-east-1.app.aws',
    ]) {
      const shell = await raw(emulator, at(emulator, host, '/'));
      expect(shell.status, host).toBe(200);
      expect(shell.body).toContain('<main id="app">');
    }
  });
});

describe('the portal app page names its region as AWS’s does (docs/aws-protocol.md §2.1)', () => {
  it('in its CSP connect-src: the region’s own API hosts, from the host where it has one', async () => {
    const classic = await raw(emulator, at(emulator, 'd-9067c0ffee.awsapps.com', '/start/'));
    expect(classic.body).toContain(
      '<meta http-equiv="Content-Security-Policy" content="connect-src https://portal.sso.us-east-1.amazonaws.com https://oidc.us-east-1.amazonaws.com',
    );
    const regional = await raw(
      emulator,
      at(emulator, 'ssoins-7223c0ffee123456.portal.eu-west-2.app.aws', '/'),
    );
    expect(regional.body).toContain('connect-src https://portal.sso.eu-west-2.amazonaws.com ');
    expect(regional.body).not.toContain('us-east-1');
  });
});

describe('signin.aws', () => {
  it('shows the code it fetches, asks to confirm it, then continues on the portal app to approve', async () => {
    emulator.configure({ verification: 'signin' });
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    const link = new URL(device.verificationUriComplete as string);
    const requestUri = link.searchParams.get('request_uri') as string;
    const page = await raw(emulator, link.href);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Confirm this code matches the one given to you.');
    expect(page.body).toMatch(/<button[^>]*value="confirm">Confirm and continue<\/button>/);
    // The code is not in the HTML: the page's script fetches it.
    expect(page.body).not.toContain(device.userCode as string);
    const details = await raw(
      emulator,
      `${link.origin}/platform/api/authorize?request_uri=${encodeURIComponent(requestUri)}`,
    );
    expect(JSON.parse(details.body)).toEqual({ userCode: device.userCode });

    const confirmed = await post(`${link.origin}/platform/authorize`, {
      request_uri: requestUri,
      action: 'confirm',
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.location).toBe(
      `https://d-9067c0ffee.awsapps.com:${emulator.port}/start/#/device?user_code=${device.userCode}`,
    );
    await post(at(emulator, 'd-9067c0ffee.awsapps.com', '/start/'), {
      user_code: device.userCode as string,
      action: 'approve',
    });
    await expect(poll()).resolves.toHaveProperty('accessToken');
  });

  it('shows no code for an unknown or used request', async () => {
    const page = await raw(
      emulator,
      at(emulator, 'us-east-1.signin.aws', '/platform/authorize?request_uri=urn:nope'),
    );
    expect(page.status).toBe(200);
    expect(page.body).toContain('not valid or has expired');
    expect(page.body).not.toMatch(/[A-Z]{4}-[A-Z]{4}/);
  });

  it('cancelling denies the request', async () => {
    emulator.configure({ verification: 'signin' });
    const { device, poll } = await startDevice(emulator, sdk.oidc);
    const link = new URL(device.verificationUriComplete as string);
    const cancelled = await post(`${link.origin}/platform/authorize`, {
      request_uri: link.searchParams.get('request_uri') as string,
      action: 'cancel',
    });
    expect(cancelled.body).toContain('Request denied.');
    await expect(poll()).rejects.toHaveProperty('name', 'AccessDeniedException');
  });
});

describe('the portal app with a sign-in first (portalLogin)', () => {
  it('sends a visitor to signin.aws and back, then serves the app with a session cookie', async () => {
    emulator.configure({ portalLogin: true });
    const portal = at(emulator, 'd-9067c0ffee.awsapps.com', '/start/');
    const first = await raw(emulator, portal);
    expect(first.status).toBe(302);
    const login = new URL(first.headers.location as string);
    expect(login.host).toBe(`us-east-1.signin.aws:${emulator.port}`);
    expect(login.pathname).toBe('/platform/login');
    expect(login.searchParams.get('redirect_uri')).toBe(portal);

    const page = await raw(emulator, login.href);
    expect(page.body).toMatch(/<button[^>]*>Sign in<\/button>/);
    const signedIn = await post(`${login.origin}/platform/login`, { redirect_uri: portal });
    expect(signedIn.status).toBe(302);
    const back = new URL(signedIn.headers.location as string);
    expect(`${back.origin}${back.pathname}`).toBe(portal);

    const landed = await raw(emulator, back.href);
    expect(landed.status).toBe(302);
    expect(landed.headers.location).toBe(portal);
    const shell = await raw(emulator, portal, { headers: { cookie: cookieHeader(landed) } });
    expect(shell.status).toBe(200);
    expect(shell.body).toContain('<main id="app">');
    // The handle works once.
    expect((await raw(emulator, back.href)).headers.location).toContain('/platform/login');
  });

  it('goes back only to a portal app, never elsewhere', async () => {
    const login = at(emulator, 'us-east-1.signin.aws', '/platform/login');
    for (const redirectUri of [
      'https://evil.example/start/',
      'http://d-9067c0ffee.awsapps.com/start/',
      'nope',
    ]) {
      const answer = await post(login, { redirect_uri: redirectUri });
      expect(answer.status, redirectUri).toBe(400);
    }
  });
});
