import { defineItem } from '../../shared/storage/define-item';
import { STORAGE } from '../../shared/storage/registry';
import type { FirstScreen } from '../../shared/storage/schemas/first-screen';
import { FIRST_SCREEN_ROWS } from '../../shared/storage/schemas/first-screen';
import type { Row } from './rows';

/**
 * The popup's first screen, remembered from the last time it was shown: the first rows of the list with no
 * search, and the line above them. Reading and decoding 10,000 cached accounts takes a few hundred ms; reading
 * these few rows takes a few. So the popup draws them at once, and swaps in the full list (same rows, unless a
 * sync or an edit changed them since) as soon as it is decoded and indexed. Not secret: names already in the cache.
 */

export { FIRST_SCREEN_ROWS, type FirstScreen } from '../../shared/storage/schemas/first-screen';

/** Written by the popup itself (the only reader); validated on read like every item, so a bad value is ignored. */
export const firstScreenItem = defineItem(STORAGE.firstScreen);

/** The first screen of an unsearched list, ready to store. Roles of accounts are dropped: the header never shows them. */
export function firstScreenOf(rows: readonly Row[], totalAccounts: number, syncedAt: number): FirstScreen {
  return {
    rows: rows
      .slice(0, FIRST_SCREEN_ROWS)
      .map((row) =>
        row.kind === 'account'
          ? { ...row, account: { ...row.account, roles: [] }, matches: [] }
          : row.kind === 'role'
            ? { ...row, matches: [] }
            : row,
      ),
    totalAccounts,
    syncedAt,
  } as FirstScreen;
}

/** Saves the first screen when it differs from the stored one, so an unchanged list costs no write. */
export async function rememberFirstScreen(next: FirstScreen, previous: FirstScreen | null): Promise<void> {
  if (previous && JSON.stringify(previous) === JSON.stringify(next)) return;
  await firstScreenItem.set(next);
}
