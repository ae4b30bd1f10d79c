import * as v from 'valibot';
import { PortalSchema } from '../../portals/portal';
import { AccountPrefsSchema } from './directory';

/** The popup's remembered first screen (src/popup/directory/first-screen.ts says why it exists). */

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

export const FirstScreenSchema = v.nullable(
  v.object({
    rows: v.pipe(v.array(RowSchema), v.maxLength(FIRST_SCREEN_ROWS)),
    /** Accounts in the full list, and the oldest portal's last sync (epoch ms), for the status line. */
    totalAccounts: v.number(),
    syncedAt: v.number(),
  }),
);
export type FirstScreen = NonNullable<v.InferOutput<typeof FirstScreenSchema>>;
