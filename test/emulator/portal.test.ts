import {
  GetRoleCredentialsCommand,
  ListAccountRolesCommand,
  ListAccountsCommand,
  LogoutCommand,
  paginateListAccountRoles,
  paginateListAccounts,
} from '@aws-sdk/client-sso';
import { CreateTokenCommand } from '@aws-sdk/client-sso-oidc';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { at, raw, rejection, type SdkClients, sdkClients, signIn } from './support.ts';

let emulator: Emulator;
let sdk: SdkClients;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator({ organization: { seed: 7, accounts: 45 } });
  sdk = sdkClients(emulator, { maxAttempts: 1 });
});
beforeEach(async () => {
  ({ accessToken } = await signIn(emulator, sdk.oidc));
  emulator.resetLog();
});
afterAll(async () => {
  sdk.close();
  await emulator.close();
});

const status = (error: Record<string, unknown>) =>
  (error.$metadata as { httpStatusCode: number }).httpStatusCode;

describe('ListAccounts', () => {
  it('pages 20 at a time by default, and the SDK paginator walks every page', async () => {
    const pages = [];
    for await (const page of paginateListAccounts({ client: sdk.sso }, { accessToken })) pages.push(page);
    expect(pages.map((p) => p.accountList?.length)).toEqual([20, 20, 5]);
    const ids = pages.flatMap((p) => p.accountList?.map((a) => a.accountId));
    expect(ids).toEqual(emulator.organization.accounts.map((a) => a.accountId));
    expect(pages[0]?.accountList?.[0]).toEqual({
      accountId: emulator.organization.accounts[0]?.accountId,
      accountName: emulator.organization.accounts[0]?.accountName,
      emailAddress: emulator.organization.accounts[0]?.emailAddress,
    });
    expect(emulator.requests().map((r) => [r.path, r.query])).toEqual([
      ['/assignment/accounts', {}],
      ['/assignment/accounts', { next_token: pages[0]?.nextToken }],
      ['/assignment/accounts', { next_token: pages[1]?.nextToken }],
    ]);
  });

  it('honours max_result up to 100 and refuses values outside 1-100 with 400', async () => {
    const pages = [];
    for await (const page of paginateListAccounts({ client: sdk.sso, pageSize: 100 }, { accessToken }))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]?.nextToken).toBeUndefined();
    for (const maxResults of [0, 101]) {
      const error = await rejection(sdk.sso.send(new ListAccountsCommand({ accessToken, maxResults })));
      expect(error.name).toBe('InvalidRequestException');
      expect(status(error)).toBe(400);
      expect(error.message).toBe('ResultSize parameter must be within the valid limits of: 1-100');
    }
  });
});

describe('ListAccountRoles', () => {
  it('lists the permission sets of an account, paginated', async () => {
    const account = emulator.organization.accounts.find((a) => a.roles.length > 1);
    const roles = [];
    const paginator = paginateListAccountRoles(
      { client: sdk.sso, pageSize: 1 },
      { accessToken, accountId: account?.accountId },
    );
    for await (const page of paginator) roles.push(...(page.roleList ?? []));
    expect(roles).toEqual(account?.roles.map((roleName) => ({ roleName, accountId: account.accountId })));
  });

  it('answers 400 without account_id', async () => {
    const response = await raw(emulator, `${emulator.baseUrl}/assignment/roles`, {
      headers: { 'x-amz-sso_bearer_token': accessToken },
    });
    expect(response.status).toBe(400);
    expect(response.headers['x-amzn-errortype']).toBe('InvalidRequestException');
    expect(JSON.parse(response.body)).toHaveProperty('message');
  });
});

describe('GetRoleCredentials', () => {
  it('returns ASIA credentials whose expiration is epoch milliseconds about an hour ahead', async () => {
    const account = emulator.organization.accounts[0];
    const { roleCredentials } = await sdk.sso.send(
      new GetRoleCredentialsCommand({
        accessToken,
        accountId: account?.accountId,
        roleName: account?.roles[0],
      }),
    );
    expect(roleCredentials?.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(roleCredentials?.secretAccessKey).toHaveLength(40);
    expect(roleCredentials?.sessionToken?.length).toBeGreaterThan(100);
    const expiration = new Date(roleCredentials?.expiration ?? 0).getTime();
    expect(expiration - Date.now()).toBeGreaterThan(3590_000);
    expect(expiration - Date.now()).toBeLessThanOrEqual(3600_000);
  });

  it('answers 404 ResourceNotFoundException for a role that is not assigned', async () => {
    const accountId = emulator.organization.accounts[0]?.accountId;
    const error = await rejection(
      sdk.sso.send(new GetRoleCredentialsCommand({ accessToken, accountId, roleName: 'NotAssigned' })),
    );
    expect(error.name).toBe('ResourceNotFoundException');
    expect(status(error)).toBe(404);
  });

  it('uses the configured credential lifetime', async () => {
    emulator.configure({ lifetimes: { roleCredentialSeconds: 900 } });
    const account = emulator.organization.accounts[1];
    const { roleCredentials } = await sdk.sso.send(
      new GetRoleCredentialsCommand({
        accessToken,
        accountId: account?.accountId,
        roleName: account?.roles[0],
      }),
    );
    emulator.configure({ lifetimes: { roleCredentialSeconds: 3600 } });
    expect((roleCredentials?.expiration ?? 0) - Date.now()).toBeLessThanOrEqual(900_000);
  });
});

describe('authorization', () => {
  it('answers 401 UnauthorizedException for unknown and expired tokens', async () => {
    const unknown = await rejection(sdk.sso.send(new ListAccountsCommand({ accessToken: 'not-a-token' })));
    expect(unknown.name).toBe('UnauthorizedException');
    expect(status(unknown)).toBe(401);
    expect(unknown.message).toBe('Session token not found or invalid');
    emulator.expireAccessTokens();
    expect((await rejection(sdk.sso.send(new ListAccountsCommand({ accessToken })))).name).toBe(
      'UnauthorizedException',
    );
  });

  it('answers 401 without the bearer header', async () => {
    const response = await raw(emulator, `${emulator.baseUrl}/assignment/accounts`);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body)).toEqual({ message: 'Session token not found or invalid' });
  });

  it('logout kills the access token everywhere and its refresh token', async () => {
    const session = await signIn(emulator, sdk.oidc);
    await sdk.sso.send(new LogoutCommand({ accessToken: session.accessToken }));
    const accountId = emulator.organization.accounts[0]?.accountId;
    for (const command of [
      new ListAccountsCommand({ accessToken: session.accessToken }),
      new ListAccountRolesCommand({ accessToken: session.accessToken, accountId }),
      new GetRoleCredentialsCommand({
        accessToken: session.accessToken,
        accountId,
        roleName: 'ReadOnlyAccess',
      }),
      new LogoutCommand({ accessToken: session.accessToken }),
    ]) {
      // biome-ignore lint/suspicious/noExplicitAny: one loop over four command types
      expect((await rejection(sdk.sso.send(command as any))).name).toBe('UnauthorizedException');
    }
    const refresh = await rejection(
      sdk.oidc.send(
        new CreateTokenCommand({
          clientId: session.client.clientId,
          clientSecret: session.client.clientSecret,
          grantType: 'refresh_token',
          refreshToken: session.token.refreshToken,
        }),
      ),
    );
    expect(refresh.name).toBe('InvalidGrantException');
    // Other sign-ins are unaffected.
    await expect(sdk.sso.send(new ListAccountsCommand({ accessToken }))).resolves.toHaveProperty(
      'accountList',
    );
  });

  it('accepts the token only on the home region portal host', async () => {
    const headers = { 'x-amz-sso_bearer_token': accessToken };
    const home = await raw(
      emulator,
      at(emulator, 'portal.sso.us-east-1.amazonaws.com', '/assignment/accounts'),
      { headers },
    );
    expect(home.status).toBe(200);
    const other = await raw(
      emulator,
      at(emulator, 'portal.sso.eu-west-1.amazonaws.com', '/assignment/accounts'),
      { headers },
    );
    expect(other.status).toBe(401);
  });
});
