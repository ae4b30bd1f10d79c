// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Portal } from '../../shared/portals/portal';
import type { Actions } from '../../ui/actions';
import type { DirectoryData } from './use-directory';
import { useDirectoryStore } from './use-directory-store';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));
vi.mock('../../ui/close-if-popup', () => ({ closeIfPopup: () => undefined }));
vi.mock('../../shared/storage/items', () => ({
  preferencesItem: { get: async () => ({ credentialFormat: 'bash' }) },
}));
const remembered = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('./first-screen', async (original) => ({
  ...(await original<typeof import('./first-screen')>()),
  rememberFirstScreen: remembered,
}));

const portal: Portal = { id: 'p1', startUrl: 'https://acme.awsapps.com/start', region: 'eu-west-1' };
const account = (accountId: string, accountName: string, roles: string[]) => ({
  accountId,
  accountName,
  emailAddress: `${accountName}@example.com`,
  firstSeenAt: 1,
  roles: roles.map((roleName) => ({ roleName, firstSeenAt: 1 })),
});

function data(complete = true): DirectoryData {
  return {
    portals: [portal],
    directories: complete
      ? [
          {
            portalId: 'p1',
            syncedAt: 5,
            accounts: [
              account('111111111111', 'acme-dev', ['Admin', 'ReadOnly']),
              account('222222222222', 'acme-prod', ['ReadOnly']),
            ],
          },
        ]
      : [],
    prefs: {},
    usage: {},
    progress: [],
    firstScreen: null,
    complete,
  };
}

function setup(initial = data()) {
  const actions = {
    openConsole: vi.fn(async () => null),
    updateAccountPrefs: vi.fn(async () => null),
    getCliCredentials: vi.fn(),
  } as unknown as Actions;
  const hook = renderHook(({ d }) => useDirectoryStore(actions, d, ''), { initialProps: { d: initial } });
  return { actions, hook };
}

const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', { cancelable: true, ...init });
const activeRole = (store: ReturnType<typeof useDirectoryStore>) => {
  const row = store.rows[store.activeIndex];
  return row?.kind === 'role' ? `${row.entry.accountName}/${row.entry.roleName}` : null;
};

afterEach(() => {
  cleanup();
  remembered.mockClear();
});

describe('useDirectoryStore', () => {
  it('starts on the first role, moves with the arrows and opens with Enter', async () => {
    const { actions, hook } = setup();
    const first = activeRole(hook.result.current);
    expect(first).not.toBeNull();
    act(() => hook.result.current.onKeyDown(key({ key: 'ArrowDown' })));
    const second = activeRole(hook.result.current);
    expect(second).not.toBe(first);
    act(() => hook.result.current.onKeyDown(key({ key: 'Enter', shiftKey: true })));
    const [role, options] = vi.mocked(actions.openConsole).mock.calls[0] ?? [];
    expect(`${role?.accountId}`).toMatch(/^\d{12}$/);
    expect(options).toEqual({ newTab: true });
  });

  it('searches, and Escape clears the search and the active row', () => {
    const { hook } = setup();
    act(() => hook.result.current.setQuery('prod'));
    expect(hook.result.current.shownAccounts).toBe(1);
    expect(activeRole(hook.result.current)).toBe('acme-prod/ReadOnly');
    act(() => hook.result.current.onKeyDown(key({ key: 'Escape' })));
    expect(hook.result.current.query).toBe('');
    expect(hook.result.current.shownAccounts).toBe(2);
  });

  it('stars the active role with Alt+F', async () => {
    const { actions, hook } = setup();
    act(() => hook.result.current.setQuery('prod'));
    act(() => hook.result.current.onKeyDown(key({ key: 'f', code: 'KeyF', altKey: true })));
    expect(actions.updateAccountPrefs).toHaveBeenCalledWith('222222222222', { favoriteRoles: ['ReadOnly'] });
  });

  it('remembers the unsearched list for the next popup, not a search', () => {
    const { hook } = setup();
    expect(remembered).toHaveBeenCalledTimes(1);
    act(() => hook.result.current.setQuery('prod'));
    expect(remembered).toHaveBeenCalledTimes(1);
  });

  it('holds list keys typed before the full list is read, and says it is loading', () => {
    const { actions, hook } = setup(data(false));
    act(() => hook.result.current.setQuery('prod'));
    const enter = key({ key: 'Enter' });
    act(() => hook.result.current.onKeyDown(enter));
    expect(enter.defaultPrevented).toBe(true);
    expect(actions.openConsole).not.toHaveBeenCalled();
    expect(hook.result.current.rows).toEqual([]);
  });
});
