/**
 * Content script on AWS console pages: tags the tab with the account and role it is signed in as — a coloured
 * strip and pill, a title prefix, a coloured favicon — so nobody deletes things in the wrong account.
 * Identity comes first from the background (it opened the tab), then from the page (identity/); when the page
 * names someone else than we opened, the tag says so (a mismatch warning) instead of following the page.
 * The tag is kept on the page against page script that removes or edits it (guard/).
 * Everything it adds is removed when the extension is updated, disabled or removed.
 * Test URLs / manual check: https://console.aws.amazon.com/ and https://eu-west-1.console.aws.amazon.com/
 */
import { browser } from '../../shared/browser';
import type { MessagePayload, TabDisplay } from '../../shared/messages/contract';
import { sendMessage } from '../../shared/messages/send';
import { onLocalKeysChanged } from '../../shared/storage/on-changed';
import { colourFavicon } from './favicon';
import { keepTag } from './guard/keep-tag';
import { readConsoleIdentity } from './identity';
import { keepTitlePrefix, titlePrefix } from './title-prefix';

const MARKER = 'awsSsoSwitcher';
/** How often the page is looked at again: who it says it is, and whether our tag is still drawn. */
const TICK_MS = 2_000;
const controller = new AbortController();
const tag = keepTag(document, controller.signal);
let decorations: AbortController | null = null;
/** What the page said at the last ask, so the tick asks again only when it changes. */
let lastClaim = '';

function pageClaim(): MessagePayload<'getTabDisplay'> {
  const identity = readConsoleIdentity(document, location, document.cookie);
  return {
    ...(identity ? { accountId: identity.accountId } : {}),
    ...(identity?.roleName ? { roleName: identity.roleName } : {}),
  };
}

async function refresh(): Promise<void> {
  const claim = pageClaim();
  lastClaim = JSON.stringify(claim);
  const display = await sendMessage('getTabDisplay', claim);
  if (controller.signal.aborted) return;
  render(display);
}

function render(display: TabDisplay | null): void {
  decorations?.abort();
  if (!display) {
    tag.hide();
    return;
  }
  tag.show(display);
  decorations = new AbortController();
  // A mismatch is in the tab strip too, so it is seen before the tab is.
  const label = display.mismatch ? `⚠ ${display.label}` : display.label;
  if (display.parts.title)
    keepTitlePrefix(document, titlePrefix(label, display.roleName), decorations.signal);
  if (display.parts.favicon) colourFavicon(document, display.color, decorations.signal);
}

/** When the extension is reloaded or removed, this script's runtime goes away: take everything down. */
function teardown(): void {
  controller.abort();
  decorations?.abort();
  delete document.documentElement.dataset[MARKER];
}

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

document.documentElement.dataset[MARKER] = 'ready';
refresh().catch(() => (extensionAlive() ? undefined : teardown()));
// Alias, colour or tag settings changed in the popup or settings: redraw at once.
onLocalKeysChanged(
  // Not the directory: its multi-megabyte value would be copied into every console tab on each sync save.
  // The same keys in storage.managed: an administrator's account settings (shared/settings/managed-overlay.ts).
  (key) => key === 'accountPrefs' || key === 'preferences',
  () => void refresh().catch(() => undefined),
  controller.signal,
);
// The console is a single-page app: a sign-in elsewhere or a new page may change who we are.
window.addEventListener('focus', () => void refresh().catch(() => undefined), { signal: controller.signal });
const watchdog = setInterval(() => {
  if (!extensionAlive()) {
    clearInterval(watchdog);
    teardown();
    return;
  }
  tag.check();
  // The page changed who it says it is (a role switched by hand, or a script pretending): ask again, so a
  // claim that differs from what we opened here shows the mismatch warning.
  if (JSON.stringify(pageClaim()) !== lastClaim) void refresh().catch(() => undefined);
}, TICK_MS);
