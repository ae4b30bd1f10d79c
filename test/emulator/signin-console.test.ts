import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { reservedRoleName } from './organization.ts';
import { at, cookieHeader, type RawResponse, raw, type SdkClients, sdkClients, signIn } from './support.ts';

let emulator: Emulator;
let sdk: SdkClients;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator();
  sdk = sdkClients(emulator, { maxAttempts: 1 });
  ({ accessToken } = await signIn(emulator, sdk.oidc));
});
beforeEach(() => {
  emulator.configure({ multiSession: false });
  emulator.resetLog();
});
afterAll(async () => {
  sdk.close();
  await emulator.close();
});

const account = (i: number) => {
  const found = emulator.organization.accounts[i];
  if (!found) throw new Error(`no account ${i}`);
  return { accountId: found.accountId, roleName: found.roles[0] as string };
};

async function credentials(i: number) {
  const { roleCredentials } = await sdk.sso.send(
    new GetRoleCredentialsCommand({ accessToken, ...account(i) }),
  );
  return roleCredentials as { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

async function sessionParam(i: number) {
  const c = await credentials(i);
  return JSON.stringify({
    sessionId: c.accessKeyId,
    sessionKey: c.secretAccessKey,
    sessionToken: c.sessionToken,
  });
}

async function signinToken(i: number, signinHost = 'signin.aws.amazon.com'): Promise<string> {
  const query = new URLSearchParams({ Action: 'getSigninToken', Session: await sessionParam(i) });
  const response = await raw(emulator, at(emulator, signinHost, `/federation?${query}`));
  expect(response.status).toBe(200);
  return JSON.parse(response.body).SigninToken;
}

function loginUrl(token: string, destination: string, signinHost = 'signin.aws.amazon.com'): string {
  const query = new URLSearchParams({
    Action: 'login',
    Issuer: emulator.startUrl,
    Destination: destination,
    SigninToken: token,
  });
  return at(emulator, signinHost, `/federation?${query}`);
}

/** Follows redirects like a browser with one cookie jar (cookies are not scoped by domain here). */
async function browse(url: string, jar: { cookie: string } = { cookie: '' }) {
  const hops: RawResponse[] = [];
  let next = url;
  for (;;) {
    const response = await raw(emulator, next, { headers: jar.cookie ? { cookie: jar.cookie } : {} });
    hops.push(response);
    if (response.headers['set-cookie']) jar.cookie = cookieHeader(response);
    if (response.status !== 302) return { hops, final: response, url: next, jar };
    next = new URL(String(response.headers.location), next).href;
  }
}

describe('getSigninToken', () => {
  it('exchanges portal credentials for a sign-in token by GET and by form POST', async () => {
    expect(await signinToken(0)).toMatch(/^[\w-]{100,}$/);
    const response = await raw(emulator, at(emulator, 'us-east-1.signin.aws.amazon.com', '/federation'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        Action: 'getSigninToken',
        SessionDuration: '43200',
        Session: await sessionParam(0),
      }).toString(),
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(Object.keys(JSON.parse(response.body))).toEqual(['SigninToken']);
  });

  it('answers 400 "Invalid credentials parameter" for bad durations and credentials', async () => {
    const session = await sessionParam(0);
    const forged = JSON.stringify({ ...JSON.parse(session), sessionKey: 'wrong' });
    for (const [Session, SessionDuration] of [
      [session, '899'],
      [session, '43201'],
      [session, '3600.5'],
      [forged, '3600'],
      ['not json', '3600'],
    ] as const) {
      const query = new URLSearchParams({ Action: 'getSigninToken', SessionDuration, Session });
      const response = await raw(emulator, at(emulator, 'signin.aws.amazon.com', `/federation?${query}`));
      expect(response.status).toBe(400);
      expect(response.headers['x-amzn-errortype']).toBeTruthy();
      expect(JSON.parse(response.body)).toMatchObject({ message: 'Invalid credentials parameter' });
    }
  });
});

describe('login', () => {
  it('redirects through the console host, which sets aws-userInfo, then to the destination', async () => {
    const destination = at(emulator, 'us-east-1.console.aws.amazon.com', '/ec2/home?region=us-east-1');
    const { hops, final, jar } = await browse(loginUrl(await signinToken(0), destination));
    expect(hops.map((h) => h.status)).toEqual([302, 302, 200]);
    expect(String(hops[0]?.headers.location)).toMatch(
      new RegExp(
        `^https://us-east-1\\.console\\.aws\\.amazon\\.com:${emulator.port}/_emulator/session\\?grant=`,
      ),
    );
    expect(hops[1]?.headers.location).toBe(destination);
    const setCookies = hops[1]?.headers['set-cookie'] as string[];
    const userInfo = setCookies.find((c) => c.startsWith('aws-userInfo='));
    expect(userInfo).toContain('Domain=console.aws.amazon.com');
    expect(userInfo).not.toContain('HttpOnly');

    const { accountId, roleName } = account(0);
    const role = reservedRoleName(accountId, roleName);
    const info = JSON.parse(decodeURIComponent(jar.cookie.match(/aws-userInfo=([^;]+)/)?.[1] ?? ''));
    expect(info).toMatchObject({
      arn: `arn:aws:sts::${accountId}:assumed-role/${role}/jane.doe`,
      issuer: emulator.startUrl,
      signinType: 'PUBLIC',
    });
    expect(decodeURIComponent(info.username)).toBe(`assumed-role/${role}/jane.doe`);

    expect(final.body).toContain('<title>Instances | EC2 | us-east-1</title>');
    const meta = final.body.match(/<meta name="awsc-session-data" content='([^']+)'>/)?.[1] ?? '';
    expect(JSON.parse(meta.replace(/&amp;/g, '&'))).toMatchObject({
      accountId,
      infrastructureRegion: 'us-east-1',
      prismModeEnabled: false,
      signInEndpoint: 'us-east-1.signin.aws.amazon.com',
    });
    expect(final.body).toMatch(
      /data-testid="awsc-nav-account-menu-button"[^>]*><span title="[^"]+">[^<]+ @ /,
    );
    expect(final.body).toContain(
      `<span>${accountId.replace(/(\d{4})(\d{4})(\d{4})/, '$1-$2-$3')}</span><button type="button" data-testid="awsc-copy-accountid">`,
    );
    expect(emulator.consoleSessions()).toContainEqual({
      accountId,
      roleName,
      host: 'us-east-1.console.aws.amazon.com',
    });
    expect(emulator.requests().map((r) => `${r.status} ${r.host}${r.path}`)).toEqual([
      '200 127.0.0.1/federation/credentials',
      '200 signin.aws.amazon.com/federation',
      '302 signin.aws.amazon.com/federation',
      '302 us-east-1.console.aws.amazon.com/_emulator/session',
      '200 us-east-1.console.aws.amazon.com/ec2/home',
    ]);
    expect(emulator.requests()[2]?.query).toMatchObject({ Action: 'login', SigninToken: '<redacted>' });
  });

  it('refuses a sign-in token older than 15 minutes with a 400 page', async () => {
    const token = await signinToken(0);
    emulator.advanceClock(15 * 60);
    const response = await raw(emulator, loginUrl(token, at(emulator, 'console.aws.amazon.com', '/')));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
  });

  it('walls a second identity until sign-out, then lets it in', async () => {
    const console1 = at(emulator, 'console.aws.amazon.com', '/console/home');
    const first = await browse(loginUrl(await signinToken(0), console1));
    expect(first.final.body).toContain('<title>Console Home</title>');
    const second = await browse(loginUrl(await signinToken(1), console1), first.jar);
    expect(second.final.body).toContain('You must first sign out');

    const logout = at(
      emulator,
      'signin.aws.amazon.com',
      `/oauth?Action=logout&redirect_uri=${encodeURIComponent(console1)}`,
    );
    const out = await browse(logout, first.jar);
    expect(out.hops.map((h) => h.status)).toEqual([302, 302, 200]);
    expect(out.final.body).toContain('You are signed out');
    expect(emulator.consoleSessions().map((s) => s.host)).not.toContain('console.aws.amazon.com');

    const third = await browse(loginUrl(await signinToken(1), console1), out.jar);
    expect(third.final.body).toContain(`"accountId":"${account(1).accountId}"`);
  });

  it('in multi-session mode gives each sign-in its own host, up to five', async () => {
    emulator.configure({ multiSession: true });
    const hosts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { final, url } = await browse(
        loginUrl(await signinToken(i), at(emulator, 'eu-west-1.console.aws.amazon.com', '/console/home')),
      );
      const host = new URL(url).hostname;
      expect(host).toMatch(
        new RegExp(`^${account(i).accountId}-[a-z0-9]{8}\\.eu-west-1\\.console\\.aws\\.amazon\\.com$`),
      );
      expect(final.body).toContain('"prismModeEnabled":true');
      expect(final.body).toContain(`"sessionDifferentiator":"${host.split('.')[0]}"`);
      hosts.push(host);
    }
    expect(emulator.consoleSessions().filter((s) => hosts.includes(s.host))).toHaveLength(5);
    const sixth = await browse(loginUrl(await signinToken(5), at(emulator, 'console.aws.amazon.com', '/')));
    expect(sixth.final.body).toContain('Maximum number of sessions reached');
    await browse(at(emulator, 'signin.aws.amazon.com', '/oauth?Action=logout'));
    expect(emulator.consoleSessions().filter((s) => hosts.includes(s.host))).toEqual([]);
  });

  it('works in the GovCloud partition and refuses a destination in another partition', async () => {
    const gov = 'signin.amazonaws-us-gov.com';
    const ok = await browse(
      loginUrl(await signinToken(0, gov), at(emulator, 'console.amazonaws-us-gov.com', '/'), gov),
    );
    expect(ok.final.body).toContain('"infrastructureRegion":"us-gov-west-1"');
    expect(ok.final.body).toContain(`arn:aws-us-gov:sts::${account(0).accountId}`);
    const cross = await raw(
      emulator,
      loginUrl(await signinToken(0, gov), at(emulator, 'console.aws.amazon.com', '/'), gov),
    );
    expect(cross.status).toBe(400);
    await browse(at(emulator, gov, '/oauth?Action=logout'), ok.jar);
  });
});

describe('loopback console', () => {
  it('signs in and out entirely on 127.0.0.1, for clients that cannot map host names', async () => {
    const destination = `${emulator.baseUrl}/console/home`;
    const login = loginUrl(await signinToken(2), destination).replace(
      at(emulator, 'signin.aws.amazon.com', ''),
      emulator.baseUrl,
    );
    const { hops, final, jar } = await browse(login);
    expect(hops.map((h) => h.status)).toEqual([302, 302, 200]);
    expect(String(hops[1]?.headers['set-cookie'])).not.toContain('Domain=');
    expect(final.body).toContain(`"accountId":"${account(2).accountId}"`);
    const signOut = final.body
      .match(/data-testid="awsc-nav-sign-out" href="([^"]+)"/)?.[1]
      ?.replace(/&amp;/g, '&');
    expect(signOut?.startsWith(`${emulator.baseUrl}/oauth?Action=logout`)).toBe(true);
    const out = await browse(signOut ?? '', jar);
    expect(out.final.body).toContain('You are signed out');
  });
});

describe('console pages', () => {
  it('show "You are signed out" without a session', async () => {
    const response = await raw(emulator, at(emulator, 'console.aws.amazon.com', '/console/home'));
    expect(response.status).toBe(200);
    expect(response.body).toContain('You are signed out');
    expect(response.body).not.toContain('awsc-session-data');
  });
});
