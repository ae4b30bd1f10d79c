import type { TabDisplay } from '../../shared/messages/contract';
import { formatId } from './tag-format';

export interface MismatchText {
  /** Short, first: what a screen reader announces as the alert's name. */
  readonly title: string;
  /** What we opened and what the page says. */
  readonly what: string;
  /** What to do about it, in the innocent case and in the other. */
  readonly todo: string;
}

/**
 * The warning shown when the page names another account or role than the extension opened in the tab. It
 * must read as an explanation, not a crash. The common innocent causes: the user switched role in the console by
 * hand (AWS's Switch role, another session of a multi-session console), or opened another role in another tab,
 * which in a single-session console signs every console tab of the browser in as that role once they reload.
 * So it says what we opened, what the page says, and what to do in each case. Text only (textContent).
 */
export function mismatchText(display: TabDisplay): MismatchText | null {
  const claim = display.mismatch;
  if (!claim) return null;
  const who = (label: string, roleName: string | null, accountId: string) =>
    `${label}${roleName ? ` · ${roleName}` : ''} (${formatId(accountId)})`;
  const sameAccount = claim.accountId === display.accountId;
  return {
    title: sameAccount ? 'Role mismatch' : 'Account mismatch',
    what:
      `AWS SSO Switcher opened this tab as ${who(display.label, display.roleName, display.accountId)}, ` +
      `but the page now says ${who(claim.label, claim.roleName, claim.accountId)}.`,
    todo:
      'Switched role in the console, or opened another role in another tab? Without multi-session the ' +
      'console has one sign-in per browser, so this tab changed too: open the role you want from AWS SSO ' +
      'Switcher to tag it again. If not, close this tab: the page may be pretending.',
  };
}
