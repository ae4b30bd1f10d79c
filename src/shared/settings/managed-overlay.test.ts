import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { accountPrefsItem } from '../directory/items';
import { getItems } from '../storage/define-item';
import { preferencesItem } from '../storage/items';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

/** What an administrator's policy holds in storage.managed. */
const policy = {
  accountPrefs: {
    '111122223333': { alias: 'payments-prod', color: '#d13212', tier: 'bogus' },
  },
  preferences: { defaultRegion: 'eu-west-1', keepSignedIn: false, tagging: { pill: false } },
};

type Stored = {
  accountPrefs: Record<string, unknown>;
  preferences: Record<string, unknown> & { tagging: Record<string, boolean> };
};

beforeEach(async () => {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({
    accountPrefs: { '111122223333': { alias: 'mine', hidden: true }, '444455556666': { alias: 'other' } },
    preferences: { consoleTabMode: 'new-tab', defaultRegion: 'us-east-1' },
    'preferences.device': { keepSignedIn: true },
  });
});

describe('managed overlay', () => {
  it('reads the administrator’s valid values over the user’s, and only those', async () => {
    expect(await accountPrefsItem.get()).toEqual({
      '111122223333': { alias: 'mine', hidden: true },
      '444455556666': { alias: 'other' },
    });
    await fakeBrowser.storage.managed.set(policy);
    const prefs = await accountPrefsItem.get();
    // tier 'bogus' is not a tier: ignored.
    expect(prefs['111122223333']).toEqual({ alias: 'payments-prod', color: '#d13212', hidden: true });
    expect(prefs['444455556666']).toEqual({ alias: 'other' });
    const preferences = await preferencesItem.get();
    expect(preferences).toMatchObject({ defaultRegion: 'eu-west-1', consoleTabMode: 'new-tab' });
    expect(preferences.tagging).toEqual({ strip: true, pill: false, title: true, favicon: true });
    // keepSignedIn moves secrets: applied by the background, never laid over on read.
    expect(preferences.keepSignedIn).toBe(true);
  });

  it('gives the same values through a batched read', async () => {
    await fakeBrowser.storage.managed.set(policy);
    const [prefs, preferences] = await getItems(accountPrefsItem, preferencesItem);
    expect(prefs).toEqual(await accountPrefsItem.get());
    expect(preferences).toEqual(await preferencesItem.get());
  });

  it('never stores the administrator’s values as the user’s', async () => {
    await fakeBrowser.storage.managed.set(policy);
    const prefs = await accountPrefsItem.get();
    await accountPrefsItem.set({ ...prefs, '111122223333': { ...prefs['111122223333'], tier: 'normal' } });
    const preferences = await preferencesItem.get();
    await preferencesItem.set({ ...preferences, multiSession: 'off' });

    const stored = (await fakeBrowser.storage.local.get(['accountPrefs', 'preferences'])) as Stored;
    expect(stored.accountPrefs['111122223333']).toEqual({ alias: 'mine', hidden: true, tier: 'normal' });
    expect(stored.preferences).toMatchObject({ defaultRegion: 'us-east-1', multiSession: 'off' });
    expect(stored.preferences.tagging.pill).toBe(true);

    // Without the policy, the user's own values are back.
    await fakeBrowser.storage.managed.clear();
    expect((await accountPrefsItem.get())['111122223333']).toEqual({
      alias: 'mine',
      hidden: true,
      tier: 'normal',
    });
    expect((await preferencesItem.get()).defaultRegion).toBe('us-east-1');
  });

  it('ignores a copy of the policy in storage.local, which content scripts can write', async () => {
    await fakeBrowser.storage.managed.set(policy);
    // What versions before 0.2 kept, and what a content script could forge to lift a lock or repaint a tier.
    await fakeBrowser.storage.local.set({ 'settings.managed': { accountPrefs: {}, preferences: {} } });
    expect((await accountPrefsItem.get())['111122223333']).toMatchObject({ alias: 'payments-prod' });
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.local.set({
      'settings.managed': { accountPrefs: { '444455556666': { tier: 'production' } }, preferences: {} },
    });
    expect((await accountPrefsItem.get())['444455556666']).toEqual({ alias: 'other' });
  });

  it('leaves out a managed field the user never set', async () => {
    await fakeBrowser.storage.managed.set({
      ...policy,
      accountPrefs: { '777788889999': { color: '#2e8540' } },
    });
    const prefs = await accountPrefsItem.get();
    expect(prefs['777788889999']).toEqual({ color: '#2e8540' });
    await accountPrefsItem.set(prefs);
    const stored = (await fakeBrowser.storage.local.get('accountPrefs')) as Stored;
    expect(stored.accountPrefs['777788889999']).toBeUndefined();
  });
});
