import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationAccount } from '../emulator/types.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { type AddressBar, watchAddressBar } from './pages/address-bar.ts';
import { signOutInSettings } from './pages/portal-flow.ts';
import { bindShortcut, consoleIdentity, dashed } from './pages/shortcuts.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';

/**
 * Real key presses (xdotool) in headed Chromium on a private Xvfb display: commands.onCommand and the
 * address bar cannot be driven any other way. One browser for the file; the steps build on each other the
 * way one person's morning would (favourites, last role, next favourite, address bar, copy, errors).
 */
let h: ExtensionHarness;
/** The tab the user works in; key presses go to the focused window's active tab. */
let tab: Page;

const account = (name: string): OrganizationAccount => {
  const found = h.emulator.organization.accounts.find((a) => a.accountName === name);
  if (!found) throw new Error(`no account ${name} in the demo organisation`);
  return found;
};
/** Starred below; numbered by account name: billing (1) before dev (2). */
const FAVOURITE_1 = { name: 'acme-billing-management', role: 'Billing' };
const FAVOURITE_2 = { name: 'acme-dev-payments', role: 'AdministratorAccess' };
const OTHER = { name: 'acme-sandbox-alice', role: 'AdministratorAccess' };

/** Waits until `page` shows the fake console signed in as that account and role. */
async function expectConsoleAs(page: Page, target: { name: string; role: string }): Promise<void> {
  const { accountId } = account(target.name);
  await expect
    .poll(() => consoleIdentity(page), { timeout: 20_000 })
    .toMatch(new RegExp(`${target.role}.*${dashed(accountId)}`, 's'));
}

async function press(page: Page, combo: string): Promise<void> {
  await page.bringToFront();
  await h.display?.key(combo);
}

const badge = (worker: Worker) =>
  worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeAction }).chrome;
    return { text: await c.action.getBadgeText({}), title: await c.action.getTitle({}) };
  });
const popupOpen = (worker: Worker) =>
  worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: ChromeAction }).chrome;
    return (await c.runtime.getContexts({ contextTypes: ['POPUP'] })).length > 0;
  });
/**
 * Cleanup, not behaviour under test: without a window manager the popup does not reliably lose focus to a click
 * or an Escape, so its target is closed over CDP (the popup is not among Playwright's pages).
 */
async function closePopup(worker: Worker): Promise<void> {
  const cdp = await h.context.newCDPSession(tab);
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const target of targetInfos.filter((t) => t.url.endsWith('/src/popup/index.html'))) {
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
  }
  await cdp.detach();
  await expect.poll(() => popupOpen(worker)).toBe(false);
}
interface ChromeAction {
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  runtime: { getContexts(f: object): Promise<unknown[]> };
}

beforeAll(async () => {
  h = await launchExtension({ emulator: { organization: 'demo' }, headed: true });
  const popup = await h.openPopup();
  await signInFromPopup(h, popup);
  // Star two roles the way the popup's star button does (its message), then close the popup tab.
  for (const f of [FAVOURITE_2, FAVOURITE_1]) {
    await popup.evaluate(
      ([accountId, roleName]) =>
        chrome.runtime.sendMessage({
          type: 'updateAccountPrefs',
          payload: { accountId, patch: { favoriteRoles: [roleName] } },
        }),
      [account(f.name).accountId, f.role] as const,
    );
  }
  await popup.close();
  tab = h.context.pages()[0] ?? (await h.context.newPage());
});

afterAll(async () => {
  await h?.close();
});

describe('keyboard shortcuts (real key presses)', () => {
  it('come with their suggested keys, and the settings page says which favourite each number opens', async () => {
    const options = await h.openOptions();
    const section = options.getByRole('region', { name: 'Keyboard shortcuts' });
    await expect
      .poll(() => section.getByRole('row').allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Open the AWS SSO Switcher popupAlt+Shift+O',
          'Reopen the console as the role you opened lastAlt+Shift+L',
          `Open favourite role 1${FAVOURITE_1.role} in ${FAVOURITE_1.name}Alt+Shift+1`,
          `Open favourite role 2${FAVOURITE_2.role} in ${FAVOURITE_2.name}Alt+Shift+2`,
          'Open favourite role 3No favourite with this number yetNot set',
        ]),
      );
    // A link to chrome:// is blocked in pages; the button opens the browser's shortcut editor through the API.
    const editor = h.context.waitForEvent('page', (p) => p.url().startsWith('chrome://extensions/shortcuts'));
    await section.getByRole('button', { name: 'Change shortcuts…' }).click();
    await (await editor).close();
    await options.close();
  });

  it('opens favourite 1, then 2, in the tab in use', async () => {
    await press(tab, 'alt+shift+1');
    await expectConsoleAs(tab, FAVOURITE_1);
    await press(tab, 'alt+shift+2');
    await expectConsoleAs(tab, FAVOURITE_2);
  });

  it('reopens the role opened last, wherever it was opened', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('combobox', { name: 'Search accounts and roles' }).fill('sandbox alice');
    await popup.getByRole('rowheader', { name: new RegExp(`^${OTHER.role} in ${OTHER.name}`) }).waitFor();
    const opened = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await popup.keyboard.press('Enter');
    await expectConsoleAs(await opened, OTHER);
    await popup.close();

    await press(tab, 'alt+shift+l');
    await expectConsoleAs(tab, OTHER);
  });

  it('switches a console tab to the next favourite, wrapping around (key set by the user)', async () => {
    await bindShortcut(h, 'next-favorite-in-tab', 'Alt+Shift+K');
    // The tab holds a role that is no favourite and sorts after both: the next one wraps to favourite 1.
    await press(tab, 'alt+shift+k');
    await expectConsoleAs(tab, FAVOURITE_1);
    await press(tab, 'alt+shift+k');
    await expectConsoleAs(tab, FAVOURITE_2);
  });

  it('says quietly, on the toolbar button, when a number has no favourite', async () => {
    await bindShortcut(h, 'open-favorite-3', 'Alt+Shift+3');
    const worker = await h.worker();
    await press(tab, 'alt+shift+3');
    await expect
      .poll(() => badge(worker))
      .toEqual({
        text: '–',
        title: expect.stringContaining('No favourite 3: you have 2.'),
      });
    await expectConsoleAs(tab, FAVOURITE_2);
  });

  it('opens the popup with its own shortcut', async () => {
    const worker = await h.worker();
    await press(tab, 'alt+shift+o');
    await expect.poll(() => popupOpen(worker)).toBe(true);
    await closePopup(worker);
  });
});

describe('the address bar keyword “aws”', () => {
  let addressBar: AddressBar;
  beforeAll(async () => {
    addressBar = await watchAddressBar(h);
  });

  it('opens the best match in the current tab on Enter', async () => {
    expect(await addressBar.enter(tab, 'acme-security-audit securityaudit')).toBe(
      'acme-security-audit securityaudit',
    );
    await expectConsoleAs(tab, { name: 'acme-security-audit', role: 'SecurityAudit' });
  });

  it('opens it in a new tab on Alt+Enter', async () => {
    const before = h.context.pages().length;
    const opened = h.context.waitForEvent('page', (p) => p.url().includes('amazon'));
    expect(await addressBar.enter(tab, 'sandbox alice', 'alt+Return')).toBe('sandbox alice');
    const newTab = await opened;
    await expectConsoleAs(newTab, OTHER);
    expect(h.context.pages().length).toBe(before + 1);
    await expectConsoleAs(tab, { name: 'acme-security-audit', role: 'SecurityAudit' });
    await newTab.close();
  });
});

describe('copying the last role’s credentials by shortcut', () => {
  it('writes them to the clipboard through an offscreen document that is gone afterwards', async () => {
    await bindShortcut(h, 'copy-last-role-credentials', 'Alt+Shift+C');
    const worker = await h.worker();
    await press(tab, 'alt+shift+c');
    await expect
      .poll(() => badge(worker))
      .toEqual({
        text: '✓',
        title: expect.stringContaining(`Copied credentials of ${OTHER.role} in ${OTHER.name}`),
      });
    const { accountId } = account(OTHER.name);
    const issued = h.emulator
      .issuedRoleCredentials()
      .filter((c) => c.accountId === accountId)
      .at(-1);
    const text = await h.readClipboard(tab);
    // The popup's default format (bash), the same text its copy button writes.
    expect(text).toContain(`export AWS_ACCESS_KEY_ID='${issued?.accessKeyId}'`);
    expect(text).toContain(`export AWS_SESSION_TOKEN='${issued?.sessionToken}'`);
    const offscreen = await worker.evaluate(() =>
      (globalThis as unknown as { chrome: ChromeAction }).chrome.runtime.getContexts({
        contextTypes: ['OFFSCREEN_DOCUMENT'],
      }),
    );
    expect(offscreen).toEqual([]);
  });
});

describe('when opening the console needs a sign-in, or fails', () => {
  it('says why on the toolbar button and opens the popup when AWS fails', async () => {
    // The sign-in endpoint answers 500 (getSigninToken is the POST to /federation).
    h.emulator.configure({ faults: [{ path: '/federation', method: 'POST', kind: 'internal-error' }] });
    const worker = await h.worker();
    await press(tab, 'alt+shift+l');
    await expect
      .poll(() => badge(worker))
      .toEqual({
        text: '!',
        title: 'AWS SSO Switcher — AWS could not open the console for this role. Try again.',
      });
    await expect.poll(() => popupOpen(worker)).toBe(true);
    await closePopup(worker);
    h.emulator.configure({ faults: [] });
  });

  it('signed out: starts the sign-in, and opens the console in the same tab once it is approved', async () => {
    await signOutInSettings(h, 'Demo');
    const devicePage = h.context.waitForEvent('page', (p) => p.url().includes('device'));
    await press(tab, 'alt+shift+l');
    const device = await devicePage;
    await device.getByRole('button', { name: 'Approve' }).click();
    // The last role, in the tab the key was pressed in (a console tab), as the shortcut would have done.
    await expectConsoleAs(tab, OTHER);
    await expect.poll(() => device.isClosed()).toBe(true);
  });
});
