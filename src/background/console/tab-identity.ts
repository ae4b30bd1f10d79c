import { parseConsoleHost } from '../../shared/aws/console-host';
import type { ConsoleTab } from './console-tabs';

/** What a console page says about itself (the content script's reading, identity/ in src/content/console). */
export interface PageSays {
  readonly accountId?: string;
  readonly roleName?: string;
}

/** Who a console tab is signed in as, for its tag. */
export interface TabIdentity {
  readonly accountId: string;
  readonly roleName: string | null;
  /** Set when we opened the tab: when its credentials end. */
  readonly expiresAt?: number;
  /** Set when we opened the tab and the page names someone else: what the page says. */
  readonly mismatch?: { readonly accountId: string; readonly roleName: string | null };
}

function hostAccountOf(pageUrl: string | undefined): string | null {
  try {
    return pageUrl ? (parseConsoleHost(new URL(pageUrl).hostname)?.multiSessionAccountId ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Decides whom the tag names. What the extension opened in the tab (`recorded`, from `consoleTabs`) wins over
 * what the page says, which page script can write (meta tags, cookies, markup): a page that names another
 * account or role does not repaint the tag, it gets a mismatch warning beside it. The page's word is used
 * alone only for a tab we did not open.
 *
 * One exception: a multi-session host (`{accountId}-{id}.{region}.console…`) names its account in the URL,
 * which the browser reports and page script cannot forge. When it names another account than we opened, the
 * tab has moved to another session of the user's console (AWS's session switcher), so our record no longer
 * describes it and the page is read like any tab we did not open.
 */
export function tabIdentity(
  recorded: ConsoleTab | undefined,
  page: PageSays,
  pageUrl: string | undefined,
): TabIdentity | null {
  const hostAccount = hostAccountOf(pageUrl);
  const opened = hostAccount && recorded?.accountId !== hostAccount ? undefined : recorded;
  if (!opened) return page.accountId ? { accountId: page.accountId, roleName: page.roleName ?? null } : null;
  const identity = { accountId: opened.accountId, roleName: opened.roleName, expiresAt: opened.expiresAt };
  const otherAccount = page.accountId !== undefined && page.accountId !== opened.accountId;
  // IAM role names are unique regardless of case, so a difference in case alone is the same role.
  const otherRole =
    page.roleName !== undefined && page.roleName.toLowerCase() !== opened.roleName.toLowerCase();
  if (!otherAccount && !otherRole) return identity;
  return {
    ...identity,
    mismatch: { accountId: page.accountId ?? opened.accountId, roleName: page.roleName ?? null },
  };
}
