import { describe, expect, it, vi } from 'vitest';
import { fixture, notSettings } from './fixtures/load';
import { migrate } from './migrations';
import { formatPath } from './path';
import { recoverSnapshot } from './recover';
import type { Snapshot } from './storage-port';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const now = 1_767_400_000_000;

function migrated(snapshot: Snapshot): Snapshot {
  const result = migrate(snapshot, { now });
  if (result.status === 'newer') throw new Error('newer');
  return result.snapshot;
}

describe('recoverSnapshot on corrupt version 1 data', () => {
  const before = migrated(fixture('v1-corrupt'));
  const { snapshot, recovered, notice } = recoverSnapshot(before, now);
  const { local, sync } = snapshot;

  it('keeps every valid portal and drops the ones it cannot repair', () => {
    expect(local.portals).toEqual([
      // name 42 is dropped, the portal stays
      {
        id: '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10',
        startUrl: 'https://d-9067642ac7.awsapps.com/start',
        region: 'eu-west-1',
      },
      // an unknown field stays with its portal
      {
        id: 'a7b4c3d2-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        startUrl: 'https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws',
        region: 'us-east-1',
        pinned: true,
      },
    ]);
  });

  it('repairs preferences field by field in storage.sync', () => {
    expect(sync.preferences).toEqual({
      tagging: { strip: false, pill: true, title: true, favicon: true },
      consoleTabMode: 'new-window',
      sessionDurationMinutes: null,
      defaultRegion: null,
      profileTemplate: '{account}',
    });
    expect(local['preferences.device']).toEqual({ keepSignedIn: true });
  });

  it('repairs account settings per account and per field', () => {
    expect(local.accountPrefs).toEqual({
      '111122223333': { alias: 'prod-payments', tier: 'production' },
      '777788889999': { alias: 'shared', favoriteRoles: ['ReadOnly'], nickname: 'kept' },
    });
  });

  it('removes a key with nothing worth keeping, so reads give its default', () => {
    expect(local).not.toHaveProperty('roleUsage');
  });

  it('says where and why', () => {
    const problems = recovered.flatMap((r) => r.problems.map((p) => `${formatPath(p.path)}: ${p.message}`));
    expect(problems).toContain('accountPrefs["111122223333"].color: expected a colour like #1a2b3c');
    expect(problems).toContain('portals[1].region: is missing');
    expect(problems).toContain('preferences.defaultRegion: expected an AWS region like eu-west-1');
    expect(notice).toMatch(
      /^Some settings were unreadable and were reset: portals\[0\]\.name, .* and \d+ more; a copy was kept\.$/,
    );
    expect(local['settings.notice']).toEqual({ text: notice, at: now });
  });

  it('keeps each damaged original in the backup', () => {
    const backup = local['settings.backup'] as { key: string; area: string; value: unknown }[];
    expect(backup.map((entry) => `${entry.area}:${entry.key}`)).toEqual([
      'local:portals',
      'sync:preferences',
      'local:preferences.device',
      'local:accountPrefs',
      'local:roleUsage',
    ]);
    expect(backup[0]?.value).toEqual(before.local.portals);
    expect(backup[4]?.value).toBe('{"count": 3, "lastUs');
  });

  it('never reads or changes secrets and caches', () => {
    expect(notSettings(local)).toEqual(notSettings(fixture('v1-corrupt').local));
  });
});

describe('recoverSnapshot', () => {
  it('changes nothing and says nothing when all is valid', () => {
    const valid = migrated(fixture('v1-storage'));
    expect(recoverSnapshot(valid, now)).toEqual({ snapshot: valid, recovered: [], notice: null });
  });

  it('repairs preferences where the marker says they are (storage.local after a fall-back)', () => {
    const snapshot = {
      local: {
        'settings.meta': { version: 2, preferencesArea: 'local' },
        preferences: { multiSession: 'sometimes' },
      },
      sync: { preferences: { multiSession: 'sometimes' } },
    };
    const result = recoverSnapshot(snapshot, now);
    expect(result.snapshot.local.preferences).toEqual({ multiSession: 'auto' });
    expect(result.snapshot.sync.preferences).toEqual({ multiSession: 'sometimes' });
  });

  it('keeps the backup bounded', () => {
    let snapshot: Snapshot = {
      local: { 'settings.meta': { version: 2, preferencesArea: 'local' } },
      sync: {},
    };
    for (let i = 0; i < 30; i++) {
      snapshot = {
        ...snapshot,
        local: { ...snapshot.local, accountPrefs: { '111122223333': { color: `bad-${i}` } } },
      };
      snapshot = recoverSnapshot(snapshot, now + i).snapshot;
    }
    const backup = snapshot.local['settings.backup'] as { savedAt: number }[];
    expect(backup).toHaveLength(20);
    expect(backup[0]?.savedAt).toBe(now + 10);
  });
});
