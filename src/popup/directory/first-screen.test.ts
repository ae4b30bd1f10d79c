import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalDirectory } from '../../shared/directory/model';
import { buildSearchIndex, search } from '../../shared/directory/search';
import type { Portal } from '../../shared/portals/portal';
import { FIRST_SCREEN_ROWS, firstScreenItem, firstScreenOf, rememberFirstScreen } from './first-screen';
import { buildRows, lookupAccounts, roleEntries } from './rows';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));

const portals: Portal[] = [{ id: 'p1', startUrl: 'https://a.awsapps.com/start', region: 'us-east-1' }];
const directory: PortalDirectory = {
  portalId: 'p1',
  syncedAt: 5_000,
  accounts: Array.from({ length: 20 }, (_, i) => ({
    accountId: String(100000000000 + i),
    accountName: `account-${String(i).padStart(2, '0')}`,
    emailAddress: `a${i}@example.com`,
    firstSeenAt: 1_000,
    roles: [
      { roleName: 'Admin', firstSeenAt: 1_000 },
      { roleName: 'ReadOnly', firstSeenAt: 1_000 },
    ],
  })),
};

function unsearchedRows() {
  const entries = roleEntries([directory], {}, false);
  const signals = {
    favoriteAccounts: new Set<string>(),
    favoriteRoles: new Set<string>(),
    usage: new Map(),
    now: 9_000,
  };
  const hits = search(buildSearchIndex(entries), '', signals, entries.length);
  return buildRows(hits, lookupAccounts([directory]), portals, { '100000000003': { alias: 'Ops <b>' } });
}

describe('the remembered first screen', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the first rows of the unsearched list, without the roles of each account', () => {
    const screen = firstScreenOf(unsearchedRows(), 20, 5_000);
    expect(screen.rows).toHaveLength(FIRST_SCREEN_ROWS);
    expect(screen.rows[0]).toMatchObject({
      kind: 'account',
      account: { accountName: 'account-00', roles: [] },
    });
    expect(screen.rows[1]).toMatchObject({ kind: 'role', entry: { roleName: 'Admin' } });
  });

  it('reads back what it stored, and only writes when the screen changed', async () => {
    const screen = firstScreenOf(unsearchedRows(), 20, 5_000);
    await rememberFirstScreen(screen, null);
    const stored = await firstScreenItem.get();
    expect(stored).toEqual(screen);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await rememberFirstScreen(firstScreenOf(unsearchedRows(), 20, 5_000), stored);
    expect(set).not.toHaveBeenCalled();
  });

  it('ignores a corrupt or hostile stored value instead of drawing it', async () => {
    await fakeBrowser.storage.local.set({
      'popup.firstScreen': { rows: [{ kind: 'script' }], totalAccounts: 1, syncedAt: 1 },
    });
    expect(await firstScreenItem.get()).toBeNull();
    await fakeBrowser.storage.local.set({ 'popup.firstScreen': 'garbage' });
    expect(await firstScreenItem.get()).toBeNull();
  });
});
