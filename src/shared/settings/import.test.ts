import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../test/support/memory-storage';
import { exportSettings } from './export';
import partlyInvalid from './fixtures/import-partly-invalid.json' with { type: 'json' };
import { fixture, notSettings } from './fixtures/load';
import { importSettings } from './import';
import { runMigrations } from './run-migrations';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

const now = () => 1_767_400_000_000;
let counter = 0;
const newId = () => `new-${++counter}`;
const file = (content: Record<string, unknown>) =>
  JSON.stringify({ format: 'aws-sso-switcher/settings', version: 2, ...content });

async function migratedStorage() {
  const storage = memoryStorage(fixture('v1-storage'));
  await runMigrations(storage, now);
  return storage;
}

describe('importSettings: refused files change nothing', () => {
  it('gives the line and column of a JSON syntax error', async () => {
    const storage = await migratedStorage();
    const writes = storage.writes().length;
    const result = await importSettings(
      '{\n  "format": "aws-sso-switcher/settings",\n  "version": 2,\n}',
      {},
      storage,
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: '(file)',
          message: expect.stringMatching(/^is not valid JSON at line 4, column 1: .*trailing comma/),
          line: 4,
          column: 1,
        },
      ],
    });
    expect(storage.writes()).toHaveLength(writes);
  });

  it('says what is wrong and where, for every problem at once', async () => {
    const result = await importSettings(JSON.stringify(partlyInvalid), {}, await migratedStorage());
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([
      'preferences.tagging.pill: expected true or false',
      'preferences.consoleTabMode: expected one of "current" | "new-tab" | "new-window"',
      'accountPrefs["12345"]: expected a 12-digit AWS account id as the key',
      'accountPrefs["123456789012"].color: expected a colour like #1a2b3c',
      'portals[1].region: this start URL belongs to eu-north-1',
      'portals[2].region: is missing, and this start URL does not tell it',
    ]);
  });

  it('names a portal by its index in the file, even after an earlier one failed', async () => {
    const portals = [
      { startUrl: 42 },
      { startUrl: 'https://acme.awsapps.com/start', region: 'xx-nowhere-1' },
    ];
    const result = await importSettings(file({ portals }), {}, await migratedStorage());
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'portals[0].startUrl',
      'portals[1].region',
    ]);
  });

  it('refuses another kind of file and a file from a newer version', async () => {
    const storage = await migratedStorage();
    expect(await importSettings('{"portals": []}', {}, storage)).toMatchObject({
      ok: false,
      errors: [{ path: 'format' }, { path: 'version' }],
    });
    expect(await importSettings(file({ version: 3 }), {}, storage)).toMatchObject({
      ok: false,
      errors: [{ path: 'version', message: expect.stringMatching(/newer version/) }],
    });
  });
});

describe('importSettings: merge', () => {
  const content = {
    portals: [
      { startUrl: 'https://d-9067642ac7.awsapps.com/start', region: 'eu-west-1', name: 'Acme (renamed)' },
      {
        id: 'from-elsewhere',
        startUrl: 'https://newco.awsapps.com/start',
        region: 'ap-southeast-2',
        name: 'NewCo',
      },
    ],
    preferences: { multiSession: 'off', keepSignedIn: true },
    accountPrefs: { '111122223333': { color: '#00aa00' }, '999900001111': { alias: 'new account' } },
    colour: 'ignored',
  };

  it('previews what will change and writes nothing yet', async () => {
    const storage = await migratedStorage();
    const writes = storage.writes().length;
    const result = await importSettings(file(content), { newId }, storage);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.preview).toEqual({
      mode: 'merge',
      portals: {
        added: [{ id: 'from-elsewhere', label: 'NewCo', startUrl: 'https://newco.awsapps.com/start' }],
        changed: [
          {
            id: '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10',
            label: 'Acme (renamed)',
            startUrl: 'https://d-9067642ac7.awsapps.com/start',
            changes: [{ field: 'name', from: 'Acme', to: 'Acme (renamed)' }],
          },
        ],
        startUrlChanged: [],
        removed: [],
      },
      // Values before and after, not only field names: "Red → green" is what the user must see.
      accounts: [
        { accountId: '111122223333', changes: [{ field: 'color', from: '#d13212', to: '#00aa00' }] },
        { accountId: '999900001111', changes: [{ field: 'alias', to: 'new account' }] },
      ],
      preferences: [{ field: 'multiSession', from: 'auto', to: 'off' }],
      warnings: [
        'colour: not a setting; ignored',
        'preferences.keepSignedIn is kept by each browser for itself; not imported',
      ],
      hasChanges: true,
    });
    expect(storage.writes()).toHaveLength(writes);
  });

  it('applies: keeps known portals’ ids, merges per field, leaves secrets and this browser’s settings', async () => {
    const storage = await migratedStorage();
    const before = storage.dump();
    const result = await importSettings(file(content), { newId, now }, storage);
    if (!result.ok) throw new Error('refused');
    expect(await result.apply()).toMatchObject({ ok: true, removedPortalIds: [] });
    const { local, sync } = storage.dump();
    expect((local.portals as { id: string }[]).map((p) => p.id)).toEqual([
      '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10',
      'a7b4c3d2-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
      'from-elsewhere',
    ]);
    expect((local.accountPrefs as Record<string, unknown>)['111122223333']).toEqual({
      alias: 'prod-payments',
      color: '#00aa00',
      tier: 'production',
      favorite: true,
    });
    expect(sync.preferences).toMatchObject({ multiSession: 'off', consoleTabMode: 'new-tab' });
    expect(local['preferences.device']).toEqual({ keepSignedIn: false });
    expect(local.roleUsage).toEqual(before.local.roleUsage);
    expect(notSettings(local)).toEqual(notSettings(fixture('v1-storage').local));
  });

  it('carries a portal’s forced endpoints through export and import, and refuses an unknown choice', async () => {
    const forced = {
      portals: [
        { startUrl: 'https://d-9067642ac7.awsapps.com/start', region: 'eu-west-1', ipStack: 'dualstack' },
      ],
    };
    const storage = await migratedStorage();
    const result = await importSettings(file(forced), { now }, storage);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.preview.portals.changed).toEqual([
      {
        id: '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10',
        label: 'Acme',
        startUrl: 'https://d-9067642ac7.awsapps.com/start',
        changes: [{ field: 'ipStack', to: 'dualstack' }],
      },
    ]);
    await result.apply();
    const exported = await exportSettings(storage, now());
    expect(exported.ok && exported.file.portals[0]).toMatchObject({ ipStack: 'dualstack' });
    const bad = {
      portals: [{ startUrl: 'https://d-9067642ac7.awsapps.com/start', region: 'eu-west-1', ipStack: 'ipv6' }],
    };
    const refused = await importSettings(file(bad), {}, await migratedStorage());
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.map((e) => e.path)).toEqual(['portals[0].ipStack']);
  });

  it('keeps a known portal’s region and says so', async () => {
    const moved = { portals: [{ startUrl: 'https://d-9067642ac7.awsapps.com/start', region: 'us-west-2' }] };
    const result = await importSettings(file(moved), {}, await migratedStorage());
    expect(result.ok && result.preview.warnings).toEqual([
      'Acme: kept region eu-west-1 (the file says us-west-2); remove and add the portal to change it',
    ]);
    expect(result.ok && result.preview.hasChanges).toBe(false);
  });
});

describe('importSettings: what it keeps', () => {
  it('keeps stored fields this version does not know, and writes nothing when nothing changes', async () => {
    const storage = await migratedStorage();
    const dump = storage.dump();
    const accountPrefs = {
      ...(dump.local.accountPrefs as object),
      '111122223333': { alias: 'p', fromFuture: 1 },
    };
    const seeded = memoryStorage({ ...dump, local: { ...dump.local, accountPrefs } });
    const same = await importSettings(
      file({ accountPrefs: { '111122223333': { alias: 'p' } } }),
      { now },
      seeded,
    );
    if (!same.ok) throw new Error('refused');
    expect(same.preview.hasChanges).toBe(false);
    await same.apply();
    expect(seeded.writes()).toEqual([]);

    const changed = await importSettings(
      file({ accountPrefs: { '111122223333': { color: '#000000' } } }),
      { now },
      seeded,
    );
    if (!changed.ok) throw new Error('refused');
    await changed.apply();
    expect((seeded.dump().local.accountPrefs as Record<string, unknown>)['111122223333']).toEqual({
      alias: 'p',
      color: '#000000',
      fromFuture: 1,
    });
  });
});

describe('importSettings: what it never writes', () => {
  it('ignores keys that are not settings, secrets included', async () => {
    const storage = await migratedStorage();
    const sneaky = { 'auth.refresh:p1': { iv: 'x', data: 'y' }, 'directory:p1': '[]', accountPrefs: {} };
    const result = await importSettings(file(sneaky), {}, storage);
    if (!result.ok) throw new Error('refused');
    expect(result.preview.warnings).toEqual([
      '["auth.refresh:p1"]: not a setting; ignored',
      '["directory:p1"]: not a setting; ignored',
    ]);
    await result.apply();
    expect(storage.dump().local).not.toHaveProperty('auth.refresh:p1');
    expect(storage.dump().local).not.toHaveProperty('directory:p1');
  });
});

describe('importSettings: replace', () => {
  it('removes what the file does not carry and reports the portals to sign out', async () => {
    const storage = await migratedStorage();
    const content = {
      portals: [{ startUrl: 'https://d-9067642ac7.awsapps.com/start', region: 'eu-west-1' }],
      preferences: { multiSession: 'on' },
      accountPrefs: { '111122223333': { alias: 'payments' } },
    };
    const result = await importSettings(file(content), { mode: 'replace', now }, storage);
    if (!result.ok) throw new Error('refused');
    expect(result.preview.portals.removed).toEqual([
      {
        id: 'a7b4c3d2-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
        label: 'ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws',
        startUrl: 'https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws',
      },
    ]);
    expect(result.preview.portals.changed).toEqual([
      {
        id: '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10',
        label: 'd-9067642ac7.awsapps.com',
        startUrl: 'https://d-9067642ac7.awsapps.com/start',
        changes: [{ field: 'name', from: 'Acme' }],
      },
    ]);
    expect(await result.apply()).toMatchObject({
      ok: true,
      removedPortalIds: ['a7b4c3d2-1e0f-4a9b-8c7d-6e5f4a3b2c1d'],
    });
    const { local, sync } = storage.dump();
    expect(local.accountPrefs).toEqual({ '111122223333': { alias: 'payments' } });
    expect(sync.preferences).toMatchObject({
      multiSession: 'on',
      consoleTabMode: 'current',
      credentialFormat: 'bash',
    });
  });
});

describe('importSettings: replace keeps portals an administrator manages', () => {
  it('neither removes nor reports them, and says why', async () => {
    const storage = await migratedStorage();
    const managed = 'https://ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws';
    const content = {
      portals: [{ startUrl: 'https://d-9067642ac7.awsapps.com/start', region: 'eu-west-1' }],
    };
    const result = await importSettings(
      file(content),
      { mode: 'replace', now, keepPortalStartUrls: [managed] },
      storage,
    );
    if (!result.ok) throw new Error('refused');
    expect(result.preview.portals.removed).toEqual([]);
    expect(result.preview.warnings).toContain(
      'ssoins-7223a0e0d5f4c8b1.portal.us-east-1.app.aws: set by your organisation; kept',
    );
    expect(await result.apply()).toMatchObject({ ok: true, removedPortalIds: [] });
    const portals = storage.dump().local.portals as { startUrl: string }[];
    expect(portals.map((p) => p.startUrl)).toEqual(['https://d-9067642ac7.awsapps.com/start', managed]);
  });
});

describe('importSettings: files and versions', () => {
  it('round-trips an export into an empty browser', async () => {
    const source = await migratedStorage();
    const exported = await exportSettings(source, now());
    if (!exported.ok) throw new Error(exported.message);
    const target = memoryStorage();
    await runMigrations(target, now);
    const result = await importSettings(exported.text, { now }, target);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    await result.apply();
    expect(await exportSettings(target, now())).toEqual(exported);
  });

  it('migrates a version 1 file first (keepSignedIn inside preferences)', async () => {
    const v1 = fixture('v1-storage').local;
    const text = JSON.stringify({
      format: 'aws-sso-switcher/settings',
      version: 1,
      portals: v1.portals,
      preferences: { ...(v1.preferences as object), consoleTabMode: 'current' },
      accountPrefs: v1.accountPrefs,
    });
    const storage = await migratedStorage();
    const result = await importSettings(text, {}, storage);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.preview.preferences).toEqual([{ field: 'consoleTabMode', from: 'new-tab', to: 'current' }]);
    expect(result.preview.warnings).toEqual([
      'preferences.keepSignedIn is kept by each browser for itself; not imported',
    ]);
  });

  it('applies to a browser whose storage.sync refuses the preferences', async () => {
    const storage = memoryStorage(fixture('v1-storage'), { syncQuotaBytes: 10 });
    const result = await importSettings(file({ preferences: { multiSession: 'off' } }), { now }, storage);
    if (!result.ok) throw new Error('refused');
    await result.apply();
    expect(storage.dump().local.preferences).toMatchObject({ multiSession: 'off' });
    expect(storage.dump().local['settings.meta']).toMatchObject({ preferencesArea: 'local' });
  });
});

describe('company vanity portals through export and import', () => {
  it('keep the AWS portal their address leads to, so a new browser signs in without following it again', async () => {
    const vanity = {
      startUrl: 'https://aws.example-corp.com',
      resolvedStartUrl: 'https://ssoins-1234567890abcdef.portal.us-west-2.app.aws',
      region: 'us-west-2',
    };
    const source = await migratedStorage();
    const added = await importSettings(file({ portals: [vanity] }), { newId }, source);
    if (!added.ok) throw new Error(JSON.stringify(added.errors));
    await added.apply();
    const exported = await exportSettings(source, now());
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.file.portals).toContainEqual(expect.objectContaining(vanity));

    const target = memoryStorage();
    await runMigrations(target, now);
    const imported = await importSettings(exported.text, { mode: 'replace', newId }, target);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    await imported.apply();
    const again = await exportSettings(target, now());
    expect(again.ok && again.file.portals).toContainEqual(expect.objectContaining(vanity));
  });
});
