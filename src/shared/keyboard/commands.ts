/**
 * The keyboard commands declared in manifest.json (`commands`), by name. The manifest holds their
 * descriptions and suggested keys; the background (src/background/commands) runs them and the settings page
 * lists them with their current keys.
 */
export const COMMAND = {
  /** The browser's own: opens the toolbar popup. Never reaches commands.onCommand. */
  openPopup: '_execute_action',
  reopenLastRole: 'reopen-last-role',
  nextFavoriteInTab: 'next-favorite-in-tab',
  copyLastRoleCredentials: 'copy-last-role-credentials',
} as const;

/** Favourites 1 to 9 have a command each: `open-favorite-<n>`. */
export const FAVORITE_COMMANDS = 9;

export function favoriteCommand(n: number): string {
  return `open-favorite-${n}`;
}

/** The favourite number of an `open-favorite-<n>` command (1–9), else null. */
export function favoriteNumber(command: string): number | null {
  const m = /^open-favorite-([1-9])$/.exec(command);
  return m ? Number(m[1]) : null;
}
