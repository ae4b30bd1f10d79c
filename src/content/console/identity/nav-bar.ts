import { accountIdOf, roleFromDisplayName } from './names';
import { NO_SIGNAL, type Signal } from './types';

/**
 * The console's navigation bar, read last because its markup changes most often (protocol doc §5): the
 * `data-testid` markup of today's console, then the legacy `#awsc-login-display-name-*` ids.
 */

const ACCOUNT_MENU = '[data-testid="awsc-nav-account-menu-button"]';
const COPY_ACCOUNT_ID = '[data-testid="awsc-copy-accountid"]';
const LEGACY_ACCOUNT = '#awsc-login-display-name-account';
const LEGACY_USER = ['#awsc-login-display-name-user', '#nav-usernameMenu'];
/** Display names are short; longer text is some other element and is not worth scanning. */
const MAX_TEXT = 512;

function text(element: Element | null | undefined): string | null {
  const value = element?.textContent;
  return value && value.length <= MAX_TEXT ? value : null;
}

/** The account menu's `1234-5678-9012`: the copy button's sibling span, or any span beside it. */
function navAccountId(doc: Document): string | null {
  const copy = doc.querySelector(COPY_ACCOUNT_ID);
  const fromSibling = accountIdOf(text(copy?.previousElementSibling));
  if (fromSibling || !copy?.parentElement) return fromSibling;
  for (const span of copy.parentElement.querySelectorAll('span')) {
    const id = accountIdOf(text(span));
    if (id) return id;
  }
  return null;
}

/** The menu button's first span's `title`, its text, then the button's own `title`. */
function navRole(doc: Document): string | null {
  const button = doc.querySelector(ACCOUNT_MENU);
  const span = button?.querySelector('span');
  for (const candidate of [span?.getAttribute('title'), text(span), button?.getAttribute('title')]) {
    const role = roleFromDisplayName(candidate);
    if (role) return role;
  }
  return null;
}

function legacyRole(doc: Document): string | null {
  for (const selector of LEGACY_USER) {
    const role = roleFromDisplayName(text(doc.querySelector(selector)));
    if (role) return role;
  }
  return null;
}

export function readNavBar(doc: Document): Signal | null {
  const accountId = navAccountId(doc) ?? accountIdOf(text(doc.querySelector(LEGACY_ACCOUNT)));
  const roleName = navRole(doc) ?? legacyRole(doc);
  return accountId || roleName ? { ...NO_SIGNAL, accountId, roleName } : null;
}
