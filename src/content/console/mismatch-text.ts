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
 * must read as an explanation, not a crash: the common innocent cause is the user switching role in the
 * console by hand (AWS's Switch role, or another multi-session session in the same tab), so it says what we
 * opened, what the page says, and what to do in each case. Text only: it goes in with textContent.
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
      'If you switched role in the console yourself, open that role from AWS SSO Switcher to tag this tab ' +
      'again. If you did not, close this tab: the page may be pretending.',
  };
}
