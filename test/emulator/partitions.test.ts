import { GetRoleCredentialsCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import {
  at,
  cookieHeader,
  type RawResponse,
  raw,
  resolvedSdkClients,
  type SdkClients,
  signIn,
} from './support.ts';

/**
 * The European Sovereign Cloud and GovCloud as the real SDK clients resolve them (docs/aws-protocol.md §1, §8):
 * EUSC's services on amazonaws.eu but its sign-in and console on amazonaws-eusc.eu; GovCloud's sign-in host
 * refusing getSigninToken by POST.
 */

const INS = 'ssoins-7223d9a3d2ab4b6b';
let emulator: Emulator;
let sdk: SdkClients & { hosts(): string[] };

afterEach(async () => {
  sdk.close();
  await emulator.close();
});

async function signedIn(region: string, startUrl: string) {
  emulator = await startEmulator({ region, startUrl });
  sdk = resolvedSdkClients(emulator, { region });
  const { accessToken } = await signIn(emulator, sdk.oidc);
  const { accountList } = await sdk.sso.send(new ListAccountsCommand({ accessToken }));
  const account = emulator.organization.accounts[0];
  if (!account || !accountList?.length) throw new Error('no account');
  const { roleCredentials: c } = await sdk.sso.send(
    new GetRoleCredentialsCommand({ accessToken, accountId: account.accountId, roleName: account.roles[0] }),
  );
  const session = JSON.stringify({
    sessionId: c?.accessKeyId,
    sessionKey: c?.secretAccessKey,
    sessionToken: c?.sessionToken,
  });
  return { session, accountId: account.accountId };
}

const form = (params: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(params).toString(),
});

async function follow(url: string): Promise<RawResponse[]> {
  const hops: RawResponse[] = [];
  let next = url;
  let cookie = '';
  for (let i = 0; i < 5; i++) {
    const response = await raw(emulator, next, { headers: cookie ? { cookie } : {} });
    hops.push(response);
    if (response.headers['set-cookie']) cookie = cookieHeader(response);
    if (response.status !== 302) break;
    next = new URL(String(response.headers.location), next).href;
  }
  return hops;
}

describe('the AWS European Sovereign Cloud', () => {
  it('signs in on amazonaws.eu and federates to the console on amazonaws-eusc.eu', async () => {
    const { session, accountId } = await signedIn(
      'eusc-de-east-1',
      `https://${INS}.eusc-de-east-1.portal.amazonaws.eu`,
    );
    expect(new Set(sdk.hosts())).toEqual(
      new Set(['oidc.eusc-de-east-1.amazonaws.eu', 'portal.sso.eusc-de-east-1.amazonaws.eu']),
    );
    const signin = 'eusc-de-east-1.signin.amazonaws-eusc.eu';
    const token = await raw(
      emulator,
      at(emulator, signin, '/federation'),
      form({ Action: 'getSigninToken', Session: session }),
    );
    expect(token.status).toBe(200);
    const destination = at(
      emulator,
      'eusc-de-east-1.console.amazonaws-eusc.eu',
      '/console/home?region=eusc-de-east-1',
    );
    const login = new URLSearchParams({
      Action: 'login',
      Issuer: emulator.startUrl,
      Destination: destination,
      SigninToken: JSON.parse(token.body).SigninToken,
    });
    const hops = await follow(at(emulator, signin, `/federation?${login}`));
    expect(hops.map((h) => h.status)).toEqual([302, 302, 200]);
    expect(hops[1]?.headers.location).toBe(destination);
    expect(hops[2]?.body).toContain(`arn:aws-eusc:sts::${accountId}`);
  });

  it('refuses a console destination in another partition', async () => {
    const { session } = await signedIn('eusc-de-east-1', `https://${INS}.eusc-de-east-1.portal.amazonaws.eu`);
    const signin = 'eusc-de-east-1.signin.amazonaws-eusc.eu';
    const token = await raw(
      emulator,
      at(emulator, signin, '/federation'),
      form({ Action: 'getSigninToken', Session: session }),
    );
    const login = new URLSearchParams({
      Action: 'login',
      Issuer: emulator.startUrl,
      Destination: at(emulator, 'console.aws.amazon.com', '/'),
      SigninToken: JSON.parse(token.body).SigninToken,
    });
    expect((await raw(emulator, at(emulator, signin, `/federation?${login}`))).status).toBe(400);
  });
});

describe('GovCloud console sign-in', () => {
  it('refuses getSigninToken by POST and answers it by GET', async () => {
    const { session } = await signedIn('us-gov-west-1', `https://${INS}.us-gov-west-1.portal.amazonaws.com`);
    expect(new Set(sdk.hosts())).toEqual(
      new Set(['oidc.us-gov-west-1.amazonaws.com', 'portal.sso.us-gov-west-1.amazonaws.com']),
    );
    const signin = 'us-gov-west-1.signin.amazonaws-us-gov.com';
    const post = await raw(
      emulator,
      at(emulator, signin, '/federation'),
      form({ Action: 'getSigninToken', Session: session }),
    );
    expect(post.status).toBe(405);
    const query = new URLSearchParams({ Action: 'getSigninToken', Session: session });
    const get = await raw(emulator, at(emulator, signin, `/federation?${query}`));
    expect(get.status).toBe(200);
    expect(JSON.parse(get.body).SigninToken).toMatch(/^[\w-]{100,}$/);
  });

  it('still takes POST on the commercial sign-in host', async () => {
    const { session } = await signedIn('us-east-1', 'https://d-9067c0ffee.awsapps.com/start');
    const post = await raw(
      emulator,
      at(emulator, 'us-east-1.signin.aws.amazon.com', '/federation'),
      form({ Action: 'getSigninToken', Session: session }),
    );
    expect(post.status).toBe(200);
  });
});
