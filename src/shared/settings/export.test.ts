import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../test/support/memory-storage';
import { exportSettings } from './export';
import { fixture } from './fixtures/load';
import { runMigrations } from './run-migrations';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const now = Date.UTC(2026, 0, 3, 12);

describe('exportSettings', () => {
  it('exports portals, preferences and account settings, and nothing secret', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    await runMigrations(storage);
    const result = await exportSettings(storage, now);
    if (!result.ok) throw new Error(result.message);
    expect(result.filename).toBe('aws-sso-switcher-settings-2026-01-03.json');
    expect(Object.keys(result.file)).toEqual([
      'format',
      'version',
      'exportedAt',
      'portals',
      'preferences',
      'accountPrefs',
    ]);
    expect(result.file).toMatchObject({
      format: 'aws-sso-switcher/settings',
      version: 2,
      exportedAt: '2026-01-03T12:00:00.000Z',
    });
    expect(result.file.portals).toHaveLength(2);
    expect(result.file.preferences).toMatchObject({
      consoleTabMode: 'new-tab',
      defaultRegion: 'eu-central-1',
    });
    expect(result.file.preferences).not.toHaveProperty('keepSignedIn');
    expect(result.file.accountPrefs['111122223333']).toEqual({
      alias: 'prod-payments',
      color: '#d13212',
      tier: 'production',
      favorite: true,
    });
    // Every secret in the fixture is marked SECRET; caches name their keys `directory:`.
    expect(result.text).not.toMatch(/SECRET|auth\.|directory|creds:|roleUsage|payments-prod/);
    expect(JSON.parse(result.text)).toEqual(result.file);
  });

  it('exports version 1 data without writing it (the migration has not run yet)', async () => {
    const storage = memoryStorage(fixture('v1-storage'));
    const result = await exportSettings(storage, now);
    expect(result.ok && result.file.preferences.credentialFormat).toBe('fish');
    expect(storage.writes()).toEqual([]);
  });

  it('exports what is valid of corrupt data', async () => {
    const result = await exportSettings(memoryStorage(fixture('v1-corrupt')), now);
    if (!result.ok) throw new Error(result.message);
    expect(result.file.portals.map((p) => p.id)).toEqual([
      '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10',
      'a7b4c3d2-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
    ]);
    expect(Object.keys(result.file.accountPrefs)).toEqual(['111122223333', '777788889999']);
  });

  it('refuses settings of a newer version', async () => {
    const storage = memoryStorage({ local: { 'settings.meta': { version: 7 } } });
    expect(await exportSettings(storage, now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer version/),
    });
  });
});
