import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../test/support/memory-storage';
import { PreferencesSchema } from '../storage/items';
import { fixture } from './fixtures/load';
import { DEVICE_PREFERENCE_FIELDS } from './meta';
import { definePreferencesItem } from './preferences-item';
import { runMigrations } from './run-migrations';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const spec = {
  schema: PreferencesSchema,
  fallback: v.parse(PreferencesSchema, {}),
  deviceFields: [...DEVICE_PREFERENCE_FIELDS],
};

describe('definePreferencesItem', () => {
  it('reads a version 1 layout before the migration ran', async () => {
    const item = definePreferencesItem(spec, memoryStorage(fixture('v1-storage')));
    expect(await item.get()).toMatchObject({
      keepSignedIn: false,
      consoleTabMode: 'new-tab',
      credentialFormat: 'fish',
    });
  });

  it('reads the same preferences after it, from storage.sync and this browser', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    const item = definePreferencesItem(spec, storage);
    const before = await item.get();
    await runMigrations(storage);
    expect(await item.get()).toEqual(before);
  });

  it('reads an invalid field as its default and keeps the others', async () => {
    const storage = memoryStorage({
      local: { 'settings.meta': { version: 2, preferencesArea: 'sync' } },
      sync: { preferences: { multiSession: 'sometimes', consoleTabMode: 'new-window' } },
    });
    expect(await definePreferencesItem(spec, storage).get()).toMatchObject({
      multiSession: 'auto',
      consoleTabMode: 'new-window',
    });
  });

  it('writes keepSignedIn and consoleGroups to this browser only, the rest to storage.sync, keeping fields it does not know', async () => {
    const storage = memoryStorage({
      local: { 'settings.meta': { version: 2, preferencesArea: 'sync' } },
      sync: { preferences: { fromNewerVersion: 'x' } },
    });
    const item = definePreferencesItem(spec, storage);
    await item.set({ ...(await item.get()), keepSignedIn: false, multiSession: 'off' });
    const { local, sync } = storage.dump();
    expect(local['preferences.device']).toEqual({ keepSignedIn: false, consoleGroups: 'off' });
    expect(sync.preferences).toMatchObject({ fromNewerVersion: 'x', multiSession: 'off' });
    expect(sync.preferences).not.toHaveProperty('keepSignedIn');
    expect(sync.preferences).not.toHaveProperty('consoleGroups');
  });

  it('tells a batched reader which keys to read, and parses what it read', async () => {
    const storage = memoryStorage({ local: { 'settings.meta': { version: 2, preferencesArea: 'sync' } } });
    const item = definePreferencesItem(spec, storage);
    expect(await item.sources()).toEqual([
      { area: 'sync', key: 'preferences' },
      { area: 'local', key: 'preferences.device' },
    ]);
    expect(item.parseSources([{ multiSession: 'off' }, { keepSignedIn: false }])).toMatchObject({
      multiSession: 'off',
      keepSignedIn: false,
      consoleTabMode: 'current',
    });
    expect(item.parseSources([undefined, undefined])).toEqual(spec.fallback);
  });

  it('keeps a change in storage.local when storage.sync refuses it', async () => {
    const storage = memoryStorage(
      { local: { 'settings.meta': { version: 2, preferencesArea: 'sync' } } },
      { syncQuotaBytes: 10 },
    );
    const item = definePreferencesItem(spec, storage);
    await item.set({ ...(await item.get()), multiSession: 'on' });
    expect(storage.dump().local['settings.meta']).toMatchObject({
      preferencesArea: 'local',
      fallback: { reason: 'quota' },
    });
    expect(await item.get()).toMatchObject({ multiSession: 'on' });
  });
});
