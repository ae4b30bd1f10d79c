/**
 * Content script on AWS console pages: tags the tab with the account and role it is signed in as — a coloured
 * strip and pill, a title prefix, a coloured favicon — so nobody deletes things in the wrong account.
 * Identity comes first from the background (it opened the tab), then from the page (identity/).
 * Everything it adds is removed when the extension is updated, disabled or removed.
 * Test URLs / manual check: https://console.aws.amazon.com/ and https://eu-west-1.console.aws.amazon.com/
 */
import { browser } from '../../shared/browser';
import type { TabDisplay } from '../../shared/messages/contract';
import { sendMessage } from '../../shared/messages/send';
import { onLocalKeysChanged } from '../../shared/storage/on-changed';
import { colourFavicon } from './favicon';
import { readConsoleIdentity } from './identity';
import { createTag, type Tag } from './tag';
import { keepTitlePrefix, titlePrefix } from './title-prefix';

const MARKER = 'awsSsoSwitcher';
const controller = new AbortController();
let tag: Tag | null = null;
let decorations: AbortController | null = null;

async function refresh(): Promise<void> {
  const identity = readConsoleIdentity(document, location, document.cookie);
  const display = await sendMessage('getTabDisplay', {
    ...(identity ? { accountId: identity.accountId } : {}),
    ...(identity?.roleName ? { roleName: identity.roleName } : {}),
  });
  if (controller.signal.aborted) return;
  render(display);
}

function render(display: TabDisplay | null): void {
  decorations?.abort();
  if (!display) {
    tag?.remove();
    tag = null;
    return;
  }
  tag ??= createTag(document);
  tag.update(display, Date.now());
  decorations = new AbortController();
  if (display.parts.title)
    keepTitlePrefix(document, titlePrefix(display.label, display.roleName), decorations.signal);
  if (display.parts.favicon) colourFavicon(document, display.color, decorations.signal);
}

/** When the extension is reloaded or removed, this script's runtime goes away: take everything down. */
function teardown(): void {
  controller.abort();
  decorations?.abort();
  tag?.remove();
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
  }
}, 2_000);
