import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { roleCredentials } from './role-credentials';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));
// The portal's answer is what this test varies; the token plumbing around it is not under test.
let answer: unknown;
vi.mock('../auth/session', () => ({
  withAccessToken: (_portalId: string, call: (token: string) => Promise<unknown>) => call('token'),
}));
vi.mock('../aws/portal-api', () => ({ portalClient: () => ({ send: async () => answer }) }));

const role = { portalId: 'p1', accountId: '111122223333', roleName: 'ReadOnly' };
const good = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'session',
  expiration: Date.now() + 3_600_000,
};

const US_EAST_1 = { region: 'us-east-1', stack: 'ipv4' } as const;

describe('role credentials from GetRoleCredentials', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores what AWS issued, in storage.session only, and reuses it', async () => {
    answer = { roleCredentials: { ...good, extra: 'dropped' } };
    expect(await roleCredentials(role, US_EAST_1)).toEqual(good);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    answer = { roleCredentials: null };
    expect(await roleCredentials(role, US_EAST_1)).toEqual(good);
  });

  it.each([
    ['a number for a key', { ...good, accessKeyId: 42 }],
    ['an empty secret', { ...good, secretAccessKey: '' }],
    ['a string expiry', { ...good, expiration: String(good.expiration) }],
    ['no session token', { ...good, sessionToken: undefined }],
  ])('refuses %s and stores nothing', async (_case, roleCredentialsAnswer) => {
    answer = { roleCredentials: roleCredentialsAnswer };
    await expect(roleCredentials(role, US_EAST_1)).rejects.toThrow('incomplete credentials');
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });
});
