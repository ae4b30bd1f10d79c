import * as v from 'valibot';
import { AccountPrefsSchema } from '../../shared/directory/items';
import { PortalSchema } from '../../shared/portals/portal';
import { defineItem } from '../../shared/storage/define-item';
import type { Row } from './rows';

/**
 * The popup's first screen, remembered from the last time it was shown: the first rows of the list with no
 * search, and the line above them. Reading and decoding 10,000 cached accounts takes a few hundred ms; reading
 * these few rows takes a few. So the popup draws them at once, and swaps in the full list (same rows, unless a
 * sync or an edit changed them since) as soon as it is decoded and indexed. Not secret: names already in the cache.
 */

/** Enough rows for the list's viewport and a little scrolling. */
export const FIRST_SCREEN_ROWS = 24;

const text = v.pipe(v.string(), v.maxLength(2048));
const AccountSchema = v.object({
  accountId: text,
  accountName: text,
  emailAddress: text,
  firstSeenAt: v.number(),
  roles: v.array(v.object({ roleName: text, firstSeenAt: v.number() })),
});
const RowSchema = v.variant('kind', [
  v.object({ kind: v.literal('portal'), key: text, portal: PortalSchema, accounts: v.number() }),
  v.object({
    kind: v.literal('account'),
    key: text,
    portalId: text,
    account: AccountSchema,
    prefs: AccountPrefsSchema,
    isNew: v.boolean(),
    matches: v.array(v.never()),
  }),
  v.object({
    kind: v.literal('role'),
    key: text,
    entry: v.object({
      portalId: text,
      accountId: text,
      accountName: text,
      emailAddress: text,
      roleName: text,
      alias: v.optional(text),
    }),
    prefs: AccountPrefsSchema,
    favorite: v.boolean(),
    isNew: v.boolean(),
    matches: v.array(v.never()),
  }),
]);

const FirstScreenSchema = v.nullable(
  v.object({
    rows: v.pipe(v.array(RowSchema), v.maxLength(FIRST_SCREEN_ROWS)),
    /** Accounts in the full list, and the oldest portal's last sync (epoch ms), for the status line. */
    totalAccounts: v.number(),
    syncedAt: v.number(),
  }),
);
export type FirstScreen = NonNullable<v.InferOutput<typeof FirstScreenSchema>>;

/** Written by the popup itself (the only reader); validated on read like every item, so a bad value is ignored. */
export const firstScreenItem = defineItem({
  key: 'popup.firstScreen',
  area: 'local',
  schema: FirstScreenSchema,
  fallback: null,
});

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
