import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CREDENTIALS_EXPIRY_ALARM } from './credential-expiry-alarm';
import { forgetExpiredRoleCredentials } from './expired-credentials';
import { roleCredentials } from './role-credentials';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));
let answer: unknown;
vi.mock('../auth/session', () => ({
  withAccessToken: (_portalId: string, call: (token: string) => Promise<unknown>) => call('token'),
}));
vi.mock('../aws/portal-api', () => ({ portalClient: () => ({ send: async () => answer }) }));

const START = Date.parse('2026-12-08T10:00:00Z');
const HOUR = 3_600_000;
const US_EAST_1 = { region: 'us-east-1', stack: 'ipv4' } as const;
const credentials = (expiration: number) => ({
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'secret',
  sessionToken: 'session',
  expiration,
});

async function open(roleName: string, expiration: number): Promise<void> {
  answer = { roleCredentials: credentials(expiration) };
  await roleCredentials({ portalId: 'p1', accountId: '111122223333', roleName }, US_EAST_1);
}
const storedKeys = async () => Object.keys(await fakeBrowser.storage.session.get(null)).sort();
const alarmAt = async () => (await fakeBrowser.alarms.get(CREDENTIALS_EXPIRY_ALARM))?.scheduledTime;

describe('expired role credentials are deleted when they expire', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('storing credentials sets the alarm for the earliest expiry', async () => {
    await open('Admin', START + 2 * HOUR);
    expect(await alarmAt()).toBe(START + 2 * HOUR);
    await open('ReadOnly', START + HOUR);
    expect(await alarmAt()).toBe(START + HOUR);
    // A later expiry does not push back an alarm that must ring sooner.
    await open('Billing', START + 3 * HOUR);
    expect(await alarmAt()).toBe(START + HOUR);
  });

  it('the alarm deletes what has expired, keeps the rest, and sets itself for the next', async () => {
    await open('Admin', START + 2 * HOUR);
    await open('ReadOnly', START + HOUR);
    await fakeBrowser.storage.session.set({
      consoleTabs: {},
      'creds:p1/111122223333/Broken': { expiration: 'soon' },
    });
    vi.setSystemTime(START + HOUR);
    await forgetExpiredRoleCredentials();
    expect(await storedKeys()).toEqual(['consoleTabs', 'creds:p1/111122223333/Admin']);
    expect(await alarmAt()).toBe(START + 2 * HOUR);

    vi.setSystemTime(START + 2 * HOUR + 1);
    await forgetExpiredRoleCredentials();
    expect(await storedKeys()).toEqual(['consoleTabs']);
    expect(await alarmAt()).toBeUndefined();
  });

  it('nothing expired: nothing deleted', async () => {
    await open('Admin', START + 2 * HOUR);
    await forgetExpiredRoleCredentials();
    expect(await storedKeys()).toEqual(['creds:p1/111122223333/Admin']);
  });
});
