import { describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../test/support/memory-storage';
import { fixture } from './fixtures/load';
import { importSettings } from './import';
import { runMigrations } from './run-migrations';

vi.mock('../browser', async () => ({ browser: (await import('@webext-core/fake-browser')).fakeBrowser }));

/*
 * A settings file is hostile input (docs/security.md): the preview must show what it really changes. The
 * fixture's browser has "Acme" (https://d-9067642ac7.awsapps.com/start, eu-west-1) and a second, unnamed portal,
 * and account 111122223333 is prod-payments: red, production tier.
 */

const now = () => 1_767_400_000_000;
const ACME = '3f1c2a9e-6b7d-4e21-9a51-0c7d2f8e4b10';
const ACME_URL = 'https://d-9067642ac7.awsapps.com/start';
const LOOK_ALIKE = 'https://acme.awsapps.com.sso-login.example/start';
const file = (content: Record<string, unknown>) =>
  JSON.stringify({ format: 'aws-sso-switcher/settings', version: 2, ...content });

/** Acme swapped to a look-alike host, and prod dressed as a green sandbox. */
const crafted = file({
  portals: [{ name: 'Acme', startUrl: LOOK_ALIKE, region: 'us-east-1' }],
  accountPrefs: { '111122223333': { alias: 'sandbox', color: '#2e8540', tier: 'normal' } },
});

async function storage() {
  const store = memoryStorage(fixture('v1-storage'));
  await runMigrations(store, now);
  return store;
}

async function preview(text: string, mode: 'merge' | 'replace' = 'merge', keep: string[] = []) {
  const result = await importSettings(text, { mode, now, keepPortalStartUrls: keep }, await storage());
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.preview;
}

describe('the import preview of a crafted file', () => {
  it('shows a start URL change of the same portal, not "added: Acme / removed: Acme"', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      const { portals } = await preview(crafted, mode);
      expect(portals.added, mode).toEqual([]);
      expect(portals.startUrlChanged, mode).toEqual([
        {
          id: ACME,
          label: 'Acme',
          startUrl: LOOK_ALIKE,
          previous: { startUrl: ACME_URL },
          changes: [{ field: 'region', from: 'eu-west-1', to: 'us-east-1' }],
        },
      ]);
      expect(
        portals.removed.map((p) => p.id),
        mode,
      ).not.toContain(ACME);
    }
  });

  it('shows each account field with its value before and after', async () => {
    const { accounts } = await preview(crafted);
    expect(accounts).toEqual([
      {
        accountId: '111122223333',
        changes: [
          { field: 'alias', from: 'prod-payments', to: 'sandbox' },
          { field: 'color', from: '#d13212', to: '#2e8540' },
          { field: 'tier', from: 'production', to: 'normal' },
        ],
      },
    ]);
    // Replace clears what the file does not set: each cleared value is shown, `to` left out.
    const replaced = await preview(crafted, 'replace');
    expect(replaced.accounts).toContainEqual({
      accountId: '111122223333',
      changes: [
        { field: 'alias', from: 'prod-payments', to: 'sandbox' },
        { field: 'color', from: '#d13212', to: '#2e8540' },
        { field: 'tier', from: 'production', to: 'normal' },
        { field: 'favorite', from: true },
      ],
    });
  });

  it('matches by id first, then by a name only one portal has on each side', async () => {
    // The id of this browser's Acme under another name: still Acme, renamed, at a new start URL.
    const byId = await preview(
      file({ portals: [{ id: ACME, name: 'Other', startUrl: LOOK_ALIKE, region: 'eu-west-1' }] }),
    );
    expect(byId.portals.startUrlChanged).toMatchObject([
      { id: ACME, label: 'Other', changes: [{ field: 'name', from: 'Acme', to: 'Other' }] },
    ]);
    // Names compare without case or surrounding spaces.
    const byName = await preview(
      file({ portals: [{ name: ' ACME ', startUrl: LOOK_ALIKE, region: 'eu-west-1' }] }),
    );
    expect(byName.portals.startUrlChanged.map((p) => p.id)).toEqual([ACME]);
    // Two "Acme" in the file: which one is ours cannot be told, so both are new portals.
    const twice = await preview(
      file({
        portals: [
          { name: 'Acme', startUrl: LOOK_ALIKE, region: 'eu-west-1' },
          { name: 'Acme', startUrl: 'https://other.awsapps.com/start', region: 'eu-west-1' },
        ],
      }),
    );
    expect(twice.portals.startUrlChanged).toEqual([]);
    expect(twice.portals.added.map((p) => p.startUrl)).toEqual([
      LOOK_ALIKE,
      'https://other.awsapps.com/start',
    ]);
  });

  it('never matches by name a portal the file also names by its start URL', async () => {
    const both = await preview(
      file({
        portals: [
          { name: 'Acme', startUrl: ACME_URL, region: 'eu-west-1' },
          { name: 'Acme', startUrl: LOOK_ALIKE, region: 'eu-west-1' },
        ],
      }),
    );
    expect(both.portals.startUrlChanged).toEqual([]);
    expect(both.portals.added).toMatchObject([{ startUrl: LOOK_ALIKE }]);
  });

  it('keeps the start URL of a portal the administrator manages, and leaves the file’s portal out', async () => {
    const result = await preview(crafted, 'merge', [ACME_URL]);
    expect(result.portals.startUrlChanged).toEqual([]);
    expect(result.portals.added).toEqual([]);
    expect(result.warnings).toContain(
      `Acme: set by your organisation; its start URL stays (the file's ${LOOK_ALIKE} is not imported)`,
    );
  });

  it('carries a company address’s AWS portal, which the preview shows as where it leads', async () => {
    const vanity = 'https://sso.example-corp.com';
    const resolved = 'https://d-1111111111.awsapps.com/start';
    const moved = await preview(
      file({
        portals: [{ name: 'Acme', startUrl: vanity, resolvedStartUrl: resolved, region: 'eu-west-1' }],
      }),
    );
    expect(moved.portals.startUrlChanged).toEqual([
      {
        id: ACME,
        label: 'Acme',
        startUrl: vanity,
        resolvedStartUrl: resolved,
        previous: { startUrl: ACME_URL },
        changes: [],
      },
    ]);
  });
});

describe('applying a start URL change', () => {
  it('is refused, writing nothing, until the user confirms that very start URL', async () => {
    const store = await storage();
    const before = store.dump();
    for (const trusted of [[], [{ portalId: ACME, startUrl: 'https://acme.awsapps.com/start' }]]) {
      const result = await importSettings(crafted, { now, trustedStartUrls: trusted }, store);
      if (!result.ok) throw new Error('refused');
      expect(await result.apply()).toEqual({
        ok: false,
        message: `The start URL of Acme would change to ${LOOK_ALIKE}. Nothing was imported: preview the file again and confirm that you trust the new start URL.`,
      });
    }
    expect(store.dump()).toEqual(before);
  });

  it('once confirmed, keeps the portal’s id and name and writes the new start URL and the account values', async () => {
    const store = await storage();
    const result = await importSettings(
      crafted,
      { now, trustedStartUrls: [{ portalId: ACME, startUrl: LOOK_ALIKE }] },
      store,
    );
    if (!result.ok) throw new Error('refused');
    expect(await result.apply()).toMatchObject({ ok: true, removedPortalIds: [] });
    const { local } = store.dump();
    expect((local.portals as unknown[])[0]).toEqual({
      id: ACME,
      startUrl: LOOK_ALIKE,
      region: 'us-east-1',
      name: 'Acme',
    });
    expect((local.accountPrefs as Record<string, unknown>)['111122223333']).toEqual({
      alias: 'sandbox',
      color: '#2e8540',
      tier: 'normal',
      favorite: true,
    });
  });
});
