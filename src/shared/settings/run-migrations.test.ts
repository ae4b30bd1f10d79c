import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../test/support/memory-storage';
import { fixture, notSettings } from './fixtures/load';
import { dismissSettingsNotice, readSettingsNotice } from './notice';
import { runMigrations } from './run-migrations';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const now = 1_767_400_000_000;
const clock = () => now;

describe('runMigrations', () => {
  it('migrates a version 1 install and then finds nothing to do', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    expect(await runMigrations(storage, clock)).toEqual({
      status: 'migrated',
      from: 1,
      to: 2,
      notice: null,
      wrote: true,
    });
    const after = storage.dump();
    expect(after.sync.preferences).toMatchObject({
      consoleTabMode: 'new-tab',
      defaultRegion: 'eu-central-1',
    });
    expect(after.local['preferences.device']).toEqual({ keepSignedIn: false });
    expect(after.local).not.toHaveProperty('preferences');

    const writesBefore = storage.writes().length;
    expect(await runMigrations(storage, clock)).toMatchObject({ status: 'current', wrote: false });
    expect(storage.writes()).toHaveLength(writesBefore);
    expect(storage.dump()).toEqual(after);
  });

  it('never reads, writes or removes a secret or a cache key', async () => {
    const storage = memoryStorage(fixture('v1-corrupt'));
    await runMigrations(storage, clock);
    const touched = storage.calls.flatMap((call) => call.keys);
    expect(touched.filter((key) => /^(auth\.|creds:|directory)/.test(key))).toEqual([]);
    expect(notSettings(storage.dump().local)).toEqual(notSettings(fixture('v1-corrupt').local));
  });

  it('writes the version marker last, after the moved key is gone', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    await runMigrations(storage, clock);
    const writes = storage.writes().map((call) => `${call.area}.${call.op}:${call.keys.join(',')}`);
    expect(writes.at(-1)).toBe('local.set:settings.meta');
    expect(writes.indexOf('local.remove:preferences')).toBeLessThan(writes.length - 1);
  });

  it('repairs corrupt data and leaves the notice', async () => {
    const storage = memoryStorage(fixture('v1-corrupt'));
    const result = await runMigrations(storage, clock);
    expect(result).toMatchObject({ status: 'migrated', wrote: true });
    expect(result.status !== 'newer' && result.notice).toMatch(/^Some settings were unreadable/);
    expect(await readSettingsNotice(storage)).toEqual({
      text: result.status !== 'newer' && result.notice,
      at: now,
    });
    expect(await runMigrations(storage, clock)).toMatchObject({
      status: 'current',
      wrote: false,
      notice: null,
    });
    await dismissSettingsNotice(storage);
    expect(await readSettingsNotice(storage)).toBeNull();
  });

  it('reads the backup only when it adds to it, and then keeps its earlier entries', async () => {
    const earlier = { savedAt: 1, key: 'roleUsage', value: 'old' };
    const storage = memoryStorage(fixture('v1-storage'));
    await runMigrations(storage, clock);
    const valid = storage.dump();
    const upToDate = memoryStorage({ ...valid, local: { ...valid.local, 'settings.backup': [earlier] } });
    await runMigrations(upToDate, clock);
    expect(upToDate.calls.flatMap((call) => call.keys)).not.toContain('settings.backup');

    const damaged = memoryStorage({
      ...valid,
      local: {
        ...valid.local,
        'settings.backup': [earlier],
        accountPrefs: { '111122223333': { color: 'red' } },
      },
    });
    await runMigrations(damaged, clock);
    expect(damaged.dump().local['settings.backup']).toEqual([
      earlier,
      expect.objectContaining({ key: 'accountPrefs', value: { '111122223333': { color: 'red' } } }),
    ]);
  });

  it('keeps preferences in storage.local when storage.sync refuses them, and records why', async () => {
    const storage = memoryStorage(fixture('v1-storage'), { syncQuotaBytesPerItem: 64 });
    await runMigrations(storage, clock);
    const { local, sync } = storage.dump();
    expect(sync).not.toHaveProperty('preferences');
    expect(local.preferences).toMatchObject({ consoleTabMode: 'new-tab' });
    expect(local.preferences).not.toHaveProperty('keepSignedIn');
    expect(local['settings.meta']).toEqual({
      version: 2,
      preferencesArea: 'local',
      fallback: { reason: 'quota', at: now },
    });
  });

  it('works without storage.sync at all', async () => {
    const storage = memoryStorage(fixture('v1-storage'), { syncUnavailable: true });
    await runMigrations(storage, clock);
    expect(storage.dump().local['settings.meta']).toMatchObject({
      preferencesArea: 'local',
      fallback: { reason: 'unavailable' },
    });
    expect(await runMigrations(storage, clock)).toMatchObject({ status: 'current', wrote: false });
  });

  it('tries storage.sync again an hour after a fall-back', async () => {
    const storage = memoryStorage({
      local: {
        'settings.meta': {
          version: 2,
          preferencesArea: 'local',
          fallback: { reason: 'rate', at: now - 61 * 60_000 },
        },
        preferences: { multiSession: 'on' },
      },
    });
    await runMigrations(storage, clock);
    const { local, sync } = storage.dump();
    expect(sync.preferences).toEqual({ multiSession: 'on' });
    expect(local).not.toHaveProperty('preferences');
    expect(local['settings.meta']).toEqual({ version: 2, preferencesArea: 'sync' });
  });

  it('touches nothing written by a newer version', async () => {
    const dump = { local: { ...fixture('v1-corrupt').local, 'settings.meta': { version: 3 } }, sync: {} };
    const storage = memoryStorage(dump);
    expect(await runMigrations(storage, clock)).toEqual({ status: 'newer', storedVersion: 3, area: 'local' });
    expect(storage.writes()).toEqual([]);
  });

  it('runs concurrent calls one after the other; the second finds nothing to do', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    const [first, second] = await Promise.all([runMigrations(storage, clock), runMigrations(storage, clock)]);
    expect(first).toMatchObject({ status: 'migrated', wrote: true });
    expect(second).toMatchObject({ status: 'current', wrote: false });
  });
});
