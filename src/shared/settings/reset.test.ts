import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../test/support/memory-storage';
import { fixture, notSettings } from './fixtures/load';
import { resetSettings } from './reset';
import { runMigrations } from './run-migrations';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const now = () => 1_767_400_000_000;

describe('resetSettings', () => {
  it('resets preferences, account settings and usage; keeps portals, sign-ins and keepSignedIn', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    await runMigrations(storage, now);
    const before = storage.dump();
    expect(await resetSettings(storage, now)).toEqual({
      ok: true,
      cleared: ['accountPrefs', 'roleUsage', 'preferences'],
    });
    const { local, sync } = storage.dump();
    expect(local).not.toHaveProperty('accountPrefs');
    expect(local).not.toHaveProperty('roleUsage');
    expect(sync).not.toHaveProperty('preferences');
    expect(local.portals).toEqual(before.local.portals);
    expect(local['preferences.device']).toEqual({ keepSignedIn: false });
    expect(notSettings(local)).toEqual(notSettings(before.local));
  });

  it('keeps a copy of everything it reset', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    await runMigrations(storage, now);
    const before = storage.dump();
    await resetSettings(storage, now);
    const backup = storage.dump().local['settings.backup'] as {
      key: string;
      area: string;
      value: unknown;
      reason: string;
    }[];
    expect(backup.map((entry) => [entry.area, entry.key, entry.reason])).toEqual([
      ['local', 'accountPrefs', 'reset'],
      ['local', 'roleUsage', 'reset'],
      ['sync', 'preferences', 'reset'],
    ]);
    expect(backup[0]?.value).toEqual(before.local.accountPrefs);
  });

  it('migrates version 1 data on the way, so nothing is left in the old layout', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    await resetSettings(storage, now);
    const { local } = storage.dump();
    expect(local).not.toHaveProperty('preferences');
    expect(local['settings.meta']).toEqual({ version: 2, preferencesArea: 'sync' });
    expect(local['preferences.device']).toEqual({ keepSignedIn: false });
  });
});
