// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RoleEntry } from '../shared/directory/model';
import type { ShortcutInfo, ShortcutsPort } from './shortcuts-port';
import { ShortcutsSection } from './shortcuts-section';

// The real port talks to the browser; these tests give the section a fake one.
vi.mock('../shared/browser', () => ({ browser: {} }));
afterEach(cleanup);

const role = (accountName: string, roleName: string, alias?: string): RoleEntry => ({
  portalId: 'p1',
  accountId: '111111111111',
  accountName,
  emailAddress: '',
  roleName,
  ...(alias ? { alias } : {}),
});

function fakePort(over: Partial<ShortcutsPort> = {}): ShortcutsPort {
  const commands: ShortcutInfo[] = [
    { name: 'open-favorite-2', description: 'Open favourite role 2', shortcut: 'Alt+Shift+2' },
    { name: '_execute_action', description: '', shortcut: 'Alt+Shift+O' },
    { name: 'open-favorite-3', description: 'Open favourite role 3', shortcut: '' },
    { name: 'open-favorite-1', description: 'Open favourite role 1', shortcut: 'Alt+Shift+1' },
    {
      name: 'reopen-last-role',
      description: 'Reopen the console as the role you opened last',
      shortcut: 'Alt+Shift+R',
    },
  ];
  return {
    commands: async () => commands,
    favorites: async () => [role('acme-dev', 'Admin', 'Dev main'), role('acme-prod', 'ReadOnly')],
    openShortcutSettings: async () => 'opened',
    onChange: () => () => undefined,
    ...over,
  };
}

describe('Settings › Keyboard shortcuts', () => {
  it('lists every command in reading order with its key, and what each favourite number opens', async () => {
    render(<ShortcutsSection port={fakePort()} />);
    const section = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    await waitFor(() => expect(within(section).getAllByRole('row')).toHaveLength(6));
    const rows = within(section)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(rows).toEqual([
      'Open the AWS SSO Switcher popupAlt+Shift+O',
      'Reopen the console as the role you opened lastAlt+Shift+R',
      'Open favourite role 1Admin in Dev mainAlt+Shift+1',
      'Open favourite role 2ReadOnly in acme-prodAlt+Shift+2',
      'Open favourite role 3No favourite with this number yetNot set',
    ]);
  });

  it('opens the browser’s shortcut editor, or says how to find it', async () => {
    const open = vi.fn(async () => 'manual' as const);
    render(<ShortcutsSection port={fakePort({ openShortcutSettings: open })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Change shortcuts…' }));
    await screen.findByText(/Manage Extension Shortcuts/);
    expect(open).toHaveBeenCalledOnce();
  });

  it('reads again when told that favourites or keys changed', async () => {
    let changed: () => void = () => undefined;
    const favorites = vi.fn(async () => [] as RoleEntry[]);
    render(
      <ShortcutsSection
        port={fakePort({
          favorites,
          onChange: (callback) => {
            changed = callback;
            return () => undefined;
          },
        })}
      />,
    );
    await waitFor(() => expect(favorites).toHaveBeenCalledTimes(1));
    changed();
    await waitFor(() => expect(favorites).toHaveBeenCalledTimes(2));
  });
});
