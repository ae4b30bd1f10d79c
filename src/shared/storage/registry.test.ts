import { fakeBrowser } from '@webext-core/fake-browser';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineItem, defineItemFamily, getItems } from './define-item';
import { STORAGE, STORAGE_DECLARATIONS } from './registry';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
beforeEach(() => fakeBrowser.reset());
afterEach(() => warn.mockClear());

const PROD = '111122223333';
const OTHER = '444455556666';

describe('the storage registry', () => {
  it('declares each key once per area', () => {
    const keys = STORAGE_DECLARATIONS.flatMap((d) => d.areas.map((area) => `${area}:${d.key}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every key a default its own schema accepts', () => {
    for (const decl of STORAGE_DECLARATIONS)
      if (decl.fallback !== undefined) expect(v.is(decl.schema, decl.fallback), decl.key).toBe(true);
  });

  it('marks the keys that hold secrets, none of them readable by content scripts unsealed', () => {
    const secret = STORAGE_DECLARATIONS.filter((d) => d.secret).map((d) => `${d.key} ${d.areas.join(',')}`);
    // Only the sealed two may be in storage.local (docs/security.md); the rest live in storage.session alone.
    expect(secret.sort()).toEqual([
      'auth.flow session',
      'auth.refresh local,session',
      'auth.registration local,session',
      'auth.token session',
      'creds session',
    ]);
  });
});

describe('reads of storage, all untrusted', () => {
  const accountPrefs = defineItem(STORAGE.accountPrefs);

  it('drop an invalid entry of a record, keep the valid ones, and report the key without the value', async () => {
    const hostile = 'x'.repeat(500);
    await fakeBrowser.storage.local.set({
      accountPrefs: {
        [PROD]: { alias: 'payments-prod', tier: 'production' },
        [OTHER]: { alias: hostile, tier: 'gold' },
      },
    });
    expect(await accountPrefs.get()).toEqual({ [PROD]: { alias: 'payments-prod', tier: 'production' } });
    expect(warn).toHaveBeenCalledTimes(1);
    const [message] = warn.mock.calls[0] as [string];
    expect(message).toBe(
      `Ignored an invalid stored value: "accountPrefs["${OTHER}"]" in storage.local (at alias, tier).`,
    );
    expect(message).not.toContain('xxxx');
  });

  it('read a value of the wrong kind as the default, reported, never thrown', async () => {
    await fakeBrowser.storage.local.set({ accountPrefs: 'not a record', portals: { 0: 'x' } });
    const [prefs, portals] = await getItems(accountPrefs, defineItem(STORAGE.portals));
    expect([prefs, portals]).toEqual([{}, []]);
    expect(warn.mock.calls.map(([m]) => m)).toEqual([
      'Ignored an invalid stored value: "accountPrefs" in storage.local (at (the value)).',
      'Ignored an invalid stored value: "portals" in storage.local (at (the value)).',
    ]);
  });

  it('report nothing when a key is simply absent', async () => {
    expect(await accountPrefs.get()).toEqual({});
    expect(warn).not.toHaveBeenCalled();
  });

  it('check what the background reads back too, secrets included, without printing them', async () => {
    const creds = defineItemFamily(STORAGE.roleCredentials)('p1/111122223333/Admin');
    await fakeBrowser.storage.session.set({
      [creds.key]: { accessKeyId: 'ASIASECRET', secretAccessKey: '', sessionToken: 'TOKEN', expiration: 1 },
    });
    expect(await creds.get()).toBeNull();
    expect(warn.mock.calls.join(' ')).not.toMatch(/ASIASECRET|TOKEN/);
  });

  it('refuse to write the administrator’s area', async () => {
    const policy = defineItem(STORAGE.managedAccountPrefs);
    await expect(policy.set({})).rejects.toThrow('read-only');
  });

  it('read no policy when the browser has none (Firefox rejects storage.managed.get)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(
      new Error('Managed storage manifest not found'),
    );
    expect(await defineItem(STORAGE.managedAccountPrefs).get()).toBeUndefined();
  });

  it('need the owner to pick the area of a key that lives in two', () => {
    expect(() => defineItemFamily(STORAGE.refreshToken)).toThrow('lives in several areas');
    expect(() => defineItem(STORAGE.directory)).toThrow('is a family');
  });
});
