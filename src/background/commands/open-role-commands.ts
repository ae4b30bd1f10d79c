import { browser } from '../../shared/browser';
import { accountLabel, favoriteRoles, nextFavorite } from '../../shared/directory/favorites';
import type { RoleEntry } from '../../shared/directory/model';
import { lastUsedRole } from '../../shared/directory/recent-role';
import { roleEntries } from '../../shared/directory/role-entries';
import { consoleTabsItem } from '../console/console-tabs';
import { openConsoleOrSignIn } from '../console/open-console-or-sign-in';
import { type DirectorySnapshot, readDirectorySnapshot } from './directory-snapshot';
import { showNothingToDo } from './feedback';

const STAR_HINT =
  'star roles in the popup (Alt+F); Settings › Keyboard shortcuts shows which number is which';

/** Opens the console as in the popup on Enter: the current tab when it is a console or empty, else a new one. */
function open(role: RoleEntry): Promise<void> {
  return openConsoleOrSignIn(role, { newTab: false });
}

/** `reopen-last-role`: the role opened most recently, from anywhere (popup, shortcut, address bar). */
export async function reopenLastRole(): Promise<void> {
  const s = await readDirectorySnapshot();
  const role = lastUsedRole(s.directories, s.prefs, s.usage);
  if (!role) return showNothingToDo('No role opened yet. Open one from the popup first.');
  await open(role);
}

/** `open-favorite-<n>`: favourite number n in the fixed order of src/shared/directory/favorites.ts. */
export async function openFavorite(n: number): Promise<void> {
  const s = await readDirectorySnapshot();
  const favorites = favoriteRoles(s.directories, s.prefs);
  const role = favorites[n - 1];
  if (!role) {
    return showNothingToDo(
      favorites.length === 0
        ? `No favourite roles yet: ${STAR_HINT}.`
        : `No favourite ${n}: you have ${favorites.length}. To add more, ${STAR_HINT}.`,
    );
  }
  await open(role);
}

/**
 * `next-favorite-in-tab`: the favourite after the role the current console tab holds (`consoleTabs`, recorded
 * when we opened it), in the favourites' order and wrapping around. A tab on a role that is not a favourite
 * moves to the first favourite that sorts after it; a tab we did not open gets favourite 1. The console
 * replaces the current tab when it is a console (or empty), else opens in a new one, like the popup's Enter.
 */
export async function nextFavoriteInTab(): Promise<void> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const [s, tabs] = await Promise.all([readDirectorySnapshot(), consoleTabsItem.get()]);
  const favorites = favoriteRoles(s.directories, s.prefs);
  const held = tab?.id === undefined ? undefined : tabs[tab.id];
  const current = held ? heldEntry(s, held) : null;
  const next = nextFavorite(favorites, current);
  if (!next) return showNothingToDo(`No favourite roles yet: ${STAR_HINT}.`);
  if (current && next.accountId === current.accountId && next.roleName === current.roleName) {
    return showNothingToDo(
      `This tab already holds your only favourite role (${next.roleName} in ${accountLabel(next)}).`,
    );
  }
  await open(next);
}

/** The directory's entry for the role a tab holds (hidden accounts included), or a bare one when it is gone. */
function heldEntry(
  s: DirectorySnapshot,
  held: { portalId: string; accountId: string; roleName: string },
): RoleEntry {
  const found = roleEntries(s.directories, s.prefs, true).find(
    (e) => e.portalId === held.portalId && e.accountId === held.accountId && e.roleName === held.roleName,
  );
  return found ?? { ...held, accountName: held.accountId, emailAddress: '' };
}
