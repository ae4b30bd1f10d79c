import { describe, expect, it } from 'vitest';
import { fixture, notSettings } from './fixtures/load';
import { MIGRATIONS, migrate, storedVersion } from './migrations';

const now = 1_767_400_000_000;

describe('migration 1 → 2', () => {
  it('moves preferences to storage.sync and keeps keepSignedIn with this browser', () => {
    const before = fixture('v1-storage');
    const result = migrate(before, { now });
    expect(result.status).toBe('migrated');
    if (result.status !== 'migrated') return;
    const { local, sync } = result.snapshot;
    const { keepSignedIn: _device, ...roaming } = before.local.preferences as Record<string, unknown>;
    expect(sync.preferences).toEqual(roaming);
    expect(local['preferences.device']).toEqual({ keepSignedIn: false });
    expect(local.preferences).toBeUndefined();
    expect(local['settings.meta']).toEqual({ version: 2, preferencesArea: 'sync' });
    expect(sync['settings.meta']).toEqual({ version: 2 });
  });

  it('leaves portals, account settings, usage, secrets and caches exactly as they were', () => {
    const before = fixture('v1-storage');
    const result = migrate(before, { now });
    if (result.status !== 'migrated') throw new Error(result.status);
    for (const key of ['portals', 'accountPrefs', 'roleUsage']) {
      expect(result.snapshot.local[key]).toEqual(before.local[key]);
    }
    expect(notSettings(result.snapshot.local)).toEqual(notSettings(before.local));
    expect(Object.keys(notSettings(before.local))).toHaveLength(4);
  });

  it('does not push untouched defaults to storage.sync (an early v1 install)', () => {
    const result = migrate(fixture('v1-early-preferences'), { now });
    if (result.status !== 'migrated') throw new Error(result.status);
    expect(result.snapshot.sync.preferences).toBeUndefined();
    expect(result.snapshot.local['preferences.device']).toEqual({ keepSignedIn: true });
  });

  it('lets preferences another browser already synced win, and keeps this browser’s in the backup', () => {
    const before = fixture('v1-storage');
    const synced = { consoleTabMode: 'new-window' };
    const result = migrate(
      { local: before.local, sync: { preferences: synced, 'settings.meta': { version: 2 } } },
      { now },
    );
    if (result.status !== 'migrated') throw new Error(result.status);
    expect(result.snapshot.sync.preferences).toEqual(synced);
    expect(result.snapshot.local['settings.backup']).toEqual([
      expect.objectContaining({ savedAt: now, key: 'preferences', value: before.local.preferences }),
    ]);
  });

  it('finishes a run that stopped after moving preferences but before the marker', () => {
    const once = migrate(fixture('v1-storage'), { now });
    if (once.status !== 'migrated') throw new Error(once.status);
    const { 'settings.meta': _marker, ...unmarked } = once.snapshot.local;
    const again = migrate({ local: unmarked, sync: once.snapshot.sync }, { now });
    if (again.status !== 'migrated') throw new Error(again.status);
    expect(again.snapshot).toEqual(once.snapshot);
  });

  it('treats an empty storage (a fresh install) as version 1 and only adds the markers', () => {
    const result = migrate({ local: {}, sync: {} }, { now });
    if (result.status !== 'migrated') throw new Error(result.status);
    expect(result.snapshot).toEqual({
      local: { 'settings.meta': { version: 2, preferencesArea: 'sync' } },
      sync: { 'settings.meta': { version: 2 } },
    });
  });
});

describe('migrate', () => {
  it('applies nothing to data of the current version', () => {
    const once = migrate(fixture('v1-storage'), { now });
    if (once.status !== 'migrated') throw new Error(once.status);
    const twice = migrate(once.snapshot, { now });
    expect(twice).toEqual({ status: 'current', version: 2, snapshot: once.snapshot });
  });

  it('reports data written by a newer version, here or in storage.sync, instead of touching it', () => {
    expect(migrate({ local: { 'settings.meta': { version: 9, layout: 'future' } }, sync: {} })).toEqual({
      status: 'newer',
      storedVersion: 9,
      area: 'local',
    });
    expect(
      migrate({ local: fixture('v1-storage').local, sync: { 'settings.meta': { version: 3 } } }),
    ).toEqual({
      status: 'newer',
      storedVersion: 3,
      area: 'sync',
    });
  });

  it('has one step per version, in order', () => {
    expect(MIGRATIONS.map((m) => m.to)).toEqual([2]);
    expect(storedVersion(fixture('v1-storage'))).toBe(1);
  });
});
