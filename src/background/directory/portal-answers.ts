import * as v from 'valibot';
import { UserFacingError } from '../messaging/user-facing-error';
import type { ListedAccount } from './merge';

/**
 * What the portal's ListAccounts and ListAccountRoles answers must look like before anything of them is cached.
 * The SDK parses the JSON but checks no types (test/emulator/malformed.test.ts): an account id that is a
 * number, a name that is an object or a list that is not a list reach us as they came. A page whose shape is
 * wrong is refused whole (we cannot tell what it meant); an entry that is wrong is skipped and counted, so
 * the rest of the page is still used; text too long to be AWS's is cut or skipped, so one answer cannot fill
 * the cache or a page's layout.
 */

/** AWS account ids are 12 digits; console sign-in, CLI profiles and the address bar rely on it. */
const ACCOUNT_ID = /^\d{12}$/;
/** AWS allows 50 characters; a longer name is cut to this, with an ellipsis. */
export const MAX_ACCOUNT_NAME = 256;
/** The e-mail address only feeds search: one longer than any valid address (RFC 5321) is dropped. */
export const MAX_EMAIL = 254;
/**
 * Permission set names are at most 32 characters. A longer role name cannot be AWS's, and cutting it would
 * name another role, so the role is skipped.
 */
export const MAX_ROLE_NAME = 128;
/**
 * Roles kept per account, far beyond the permission sets one person is assigned in an account: a portal that
 * lists more (a loop, a bug) must not fill the cache, which every popup and keystroke reads.
 */
export const MAX_ROLES_PER_ACCOUNT = 1000;

const AccountEntrySchema = v.object({
  accountId: v.pipe(v.string(), v.regex(ACCOUNT_ID)),
  accountName: v.nullish(v.string()),
  emailAddress: v.nullish(v.string()),
});
const RoleEntrySchema = v.object({
  roleName: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ROLE_NAME)),
});
const ListSchema = v.nullish(v.array(v.unknown()));
const NextTokenSchema = v.nullish(v.string());
const AccountsPageSchema = v.object({ accountList: ListSchema, nextToken: NextTokenSchema });
const RolesPageSchema = v.object({ roleList: ListSchema, nextToken: NextTokenSchema });

export interface Page<T> {
  readonly items: T[];
  /** Entries that were not what AWS sends, left out. */
  readonly skipped: number;
  readonly nextToken?: string;
}

/** One ListAccounts answer, checked; throws a UserFacingError when its shape is wrong. */
export function readAccountsPage(answer: unknown): Page<ListedAccount> {
  const page = v.safeParse(AccountsPageSchema, answer);
  if (!page.success) throw new UserFacingError('AWS sent an account list the extension could not read.');
  return readEntries(page.output.accountList, page.output.nextToken, AccountEntrySchema, (entry) => ({
    accountId: entry.accountId,
    accountName: cut(entry.accountName || entry.accountId, MAX_ACCOUNT_NAME),
    emailAddress: entry.emailAddress && entry.emailAddress.length <= MAX_EMAIL ? entry.emailAddress : '',
  }));
}

/** One ListAccountRoles answer, checked; throws a UserFacingError when its shape is wrong. */
export function readRolesPage(answer: unknown): Page<string> {
  const page = v.safeParse(RolesPageSchema, answer);
  if (!page.success) throw new UserFacingError('AWS sent a role list the extension could not read.');
  return readEntries(page.output.roleList, page.output.nextToken, RoleEntrySchema, (e) => e.roleName);
}

function readEntries<S extends v.GenericSchema, T>(
  list: readonly unknown[] | null | undefined,
  nextToken: string | null | undefined,
  schema: S,
  toItem: (entry: v.InferOutput<S>) => T,
): Page<T> {
  const items: T[] = [];
  let skipped = 0;
  for (const raw of list ?? []) {
    const entry = v.safeParse(schema, raw);
    if (entry.success) items.push(toItem(entry.output));
    else skipped += 1;
  }
  return { items, skipped, ...(nextToken ? { nextToken } : {}) };
}

/** `text` cut to at most `max` UTF-16 units, the last an ellipsis, never splitting a surrogate pair. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
