import { ListAccountRolesCommand, ListAccountsCommand } from '@aws-sdk/client-sso';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from './index.ts';
import { raw, rejection, type SdkClients, sdkClients, signIn } from './support.ts';

/**
 * The `malformed` knob: portal answers with wrong types, junk or huge sizes, and what the real SDK makes of
 * them. The SDK checks no types, so whatever the emulator sends here reaches the extension's own code.
 */
let emulator: Emulator;
let sdk: SdkClients;
let accessToken: string;

beforeAll(async () => {
  emulator = await startEmulator({ organization: { seed: 4, accounts: 3 } });
  sdk = sdkClients(emulator, { maxAttempts: 1 });
  ({ accessToken } = await signIn(emulator, sdk.oidc));
});
beforeEach(() => emulator.configure({ malformed: [] }));
afterAll(async () => {
  sdk.close();
  await emulator.close();
});

const accounts = () => sdk.sso.send(new ListAccountsCommand({ accessToken, maxResults: 100 }));
const roles = (accountId: string) =>
  sdk.sso.send(new ListAccountRolesCommand({ accessToken, accountId, maxResults: 100 }));
const first = () => emulator.organization.accounts[0]?.accountId as string;
const second = () => emulator.organization.accounts[1]?.accountId as string;

describe('malformed portal answers', () => {
  it('appends raw entries of any type, which the SDK hands over unchecked', async () => {
    const items = [{ accountId: 123456789012, accountName: null }, 'junk', null, { accountName: 'no id' }];
    emulator.configure({ malformed: [{ path: '/assignment/accounts', kind: 'append', items }] });
    const page = await accounts();
    expect(page.accountList?.slice(0, 3).map((a) => a.accountId)).toEqual(
      emulator.organization.accounts.map((a) => a.accountId),
    );
    // `null` members read as absent; numbers, strings and nulls in the list stay as they came.
    expect(page.accountList?.slice(3)).toEqual([
      { accountId: 123456789012 },
      'junk',
      null,
      { accountName: 'no id' },
    ]);
  });

  it('replaces the list with another type, for one account only when asked', async () => {
    emulator.configure({
      malformed: [
        { path: '/assignment/roles', accountId: first(), kind: 'replace-list', value: { roleName: 'x' } },
      ],
    });
    expect((await roles(first())).roleList).toEqual({ roleName: 'x' });
    expect(Array.isArray((await roles(second())).roleList)).toBe(true);
  });

  it('sends junk as the body with status 200: the SDK fails to parse it, status 200 in its metadata', async () => {
    emulator.configure({
      malformed: [{ path: '/assignment/accounts', kind: 'body', text: '{"accountList": [' }],
    });
    const error = await rejection(accounts());
    expect(error.name).toBe('SyntaxError');
    expect((error.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(200);
  });

  it('pads a well-formed answer to a huge body, and stops after `count` answers', async () => {
    emulator.configure({
      malformed: [{ path: '/assignment/roles', kind: 'pad', bytes: 20 * 1024 * 1024, count: 1 }],
    });
    const response = await raw(emulator, `${emulator.baseUrl}/assignment/roles?account_id=${first()}`, {
      headers: { 'x-amz-sso_bearer_token': accessToken },
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers['content-length'])).toBeGreaterThan(20 * 1024 * 1024);
    expect(JSON.parse(response.body).roleList.length).toBeGreaterThan(0);
    const after = await raw(emulator, `${emulator.baseUrl}/assignment/roles?account_id=${first()}`, {
      headers: { 'x-amz-sso_bearer_token': accessToken },
    });
    expect(after.body.length).toBeLessThan(10_000);
  });

  it('refuses a rule that could not apply, and is set and shown over the control API', async () => {
    expect(() =>
      emulator.configure({ malformed: [{ path: '/logout', kind: 'append', items: [] } as never] }),
    ).toThrow(/path of/);
    expect(() =>
      emulator.configure({ malformed: [{ path: '/assignment/roles', kind: 'pad', bytes: -1 }] }),
    ).toThrow(/bytes/);
    const control = (body: unknown) =>
      raw(emulator, `${emulator.baseUrl}/_emulator/config`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const items = Array.from({ length: 5000 }, (_, i) => ({ roleName: `Role${i}`, accountId: first() }));
    const answer = await control({ malformed: [{ path: '/assignment/roles', kind: 'append', items }] });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).malformed).toEqual([
      { path: '/assignment/roles', kind: 'append', items: ['5000 items'] },
    ]);
    expect((await roles(first())).roleList?.length).toBeGreaterThan(5000);
    expect((await control({ malformed: [{ path: '*', kind: 'pad', bytes: 1 }] })).status).toBe(400);
  });
});
