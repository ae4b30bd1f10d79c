import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDisplay, type XDisplay } from '../e2e/harness/display.ts';
import { accountNamed, formatAccountId, send, signIn } from './flows.ts';
import {
  describeEachFirefox,
  type FirefoxHarness,
  findByRole,
  findByText,
  launchFirefox,
} from './harness.ts';

/**
 * Keyboard shortcuts in Firefox, with real key presses: headed Firefox on a private Xvfb display, keys sent by
 * xdotool. Key events from WebDriver BiDi (`page.keyboard`) are dispatched inside the page and never reach
 * Firefox's shortcut handling, headless or headed (tried: the command did not run). One Firefox per version
 * for the file; the steps build on each other.
 */
const FAVOURITE_1 = { name: 'acme-billing-management', role: 'Billing' };
const FAVOURITE_2 = { name: 'acme-dev-payments', role: 'AdministratorAccess' };

type Api = {
  action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
  commands: { update(d: { name: string; shortcut: string }): Promise<void> };
};

/** The account and role the fake console in `page` says it is signed in as (its navigation bar). */
function consoleIdentity(page: Page): Promise<string> {
  return page.$eval('[data-testid="awsc-nav-header"]', (el) => el.textContent ?? '').catch(() => '');
}

describeEachFirefox((firefox) => {
  let display: XDisplay;
  let h: FirefoxHarness;
  /** The tab the user works in: key presses go to the focused window's active tab. */
  let tab: Page;
  /** An extension page kept open to look through the extension's eyes (badge, commands). */
  let options: Page;

  const press = async (combo: string) => {
    await tab.bringToFront();
    await display.key(combo);
  };
  const expectConsoleAs = async (target: { name: string; role: string }) => {
    const { accountId } = accountNamed(h, target.name);
    await expect
      .poll(() => consoleIdentity(tab), { timeout: 20_000 })
      .toMatch(new RegExp(`${target.role}.*${formatAccountId(accountId)}`, 's'));
  };
  const badge = () =>
    options.evaluate(async () => ({
      text: await (globalThis as unknown as { browser: Api }).browser.action.getBadgeText({}),
      title: await (globalThis as unknown as { browser: Api }).browser.action.getTitle({}),
    }));

  beforeAll(async () => {
    display = await openDisplay();
    h = await launchFirefox({ firefox, display: display.name, emulator: { organization: 'demo' } });
    const popup = await h.openPopup();
    await signIn(h, popup);
    // Star two roles the way the popup's star button does (its message).
    for (const f of [FAVOURITE_2, FAVOURITE_1]) {
      await send(popup, {
        type: 'updateAccountPrefs',
        payload: { accountId: accountNamed(h, f.name).accountId, patch: { favoriteRoles: [f.role] } },
      });
    }
    await popup.close();
    options = await h.openOptions();
    tab = await h.browser.newPage();
  });
  afterAll(async () => {
    await h?.close();
    await display?.close();
  });

  it('the settings page lists each command with its Firefox key and the favourite each number opens', async () => {
    await options.bringToFront();
    const section = await findByRole(options, 'region', 'Keyboard shortcuts');
    const rows = () =>
      section.$$eval('tbody tr', (trs) =>
        trs.map((tr) => [...tr.cells].map((td) => td.textContent).join(' | ')),
      );
    await expect
      .poll(rows)
      .toEqual([
        'Open the AWS SSO Switcher popup | Alt+Shift+O',
        'Reopen the console as the role you opened last | Alt+Shift+L',
        `Open favourite role 1${FAVOURITE_1.role} in ${FAVOURITE_1.name} | Alt+Shift+1`,
        `Open favourite role 2${FAVOURITE_2.role} in ${FAVOURITE_2.name} | Alt+Shift+2`,
        ...[3, 4, 5, 6, 7, 8, 9].map(
          (n) => `Open favourite role ${n}No favourite with this number yet | Not set`,
        ),
        'Switch this console tab to the next favourite role | Not set',
        'Copy CLI credentials of the role you opened last (format chosen in the popup) | Not set',
      ]);
    // Firefox has commands.openShortcutSettings (137+): the button opens its shortcut editor, no instructions.
    await (await findByRole(section, 'button', 'Change shortcuts…')).click();
    // about:addons lives in the parent process, whose navigations BiDi does not report (like extension pages):
    // waitForTarget never sees it, and Firefox 140 leaves its target's URL at about:blank. Ask each tab.
    const addonsPage = async () => {
      for (const page of await h.browser.pages()) {
        if ((await page.evaluate(() => location.href).catch(() => '')) === 'about:addons') return page;
      }
      return undefined;
    };
    await expect.poll(async () => (await addonsPage()) !== undefined).toBe(true);
    const addons = await addonsPage();
    if (!addons) throw new Error('about:addons is gone');
    await findByText(addons, 'Manage Extension Shortcuts');
    await findByText(addons, 'Reopen the console as the role you opened last');
    await addons.close();
    expect(await section.$('::-p-text(Open about:addons)')).toBeNull();
    await h.screenshot(options, 'options-shortcuts');
  });

  it('opens favourite 1 with Alt+Shift+1 in the tab in use', async () => {
    await press('alt+shift+1');
    await expectConsoleAs(FAVOURITE_1);
  });

  it('copies the last role’s credentials from the background page, with a key the user set', async () => {
    // What about:addons › Manage Extension Shortcuts does; Firefox lets the extension's own pages do it too.
    await options.evaluate(() =>
      (globalThis as unknown as { browser: Api }).browser.commands.update({
        name: 'copy-last-role-credentials',
        shortcut: 'Alt+Shift+C',
      }),
    );
    const section = await findByRole(options, 'region', 'Keyboard shortcuts');
    await options.bringToFront();
    // The settings page shows the new key once it is looked at again.
    await expect
      .poll(() =>
        section.$$eval('tbody tr', (trs) =>
          trs.map((tr) => tr.textContent).filter((t) => t?.startsWith('Copy CLI credentials')),
        ),
      )
      .toEqual(['Copy CLI credentials of the role you opened last (format chosen in the popup)Alt+Shift+C']);

    await press('alt+shift+c');
    await expect.poll(badge).toEqual({
      text: '✓',
      title: expect.stringContaining(`Copied credentials of ${FAVOURITE_1.role} in ${FAVOURITE_1.name}`),
    });
    const { accountId } = accountNamed(h, FAVOURITE_1.name);
    const issued = h.emulator
      .issuedRoleCredentials()
      .filter((c) => c.accountId === accountId)
      .at(-1);
    const text = await h.readClipboard(tab);
    expect(text).toContain(`export AWS_ACCESS_KEY_ID='${issued?.accessKeyId}'`);
    expect(text).toContain(`export AWS_SESSION_TOKEN='${issued?.sessionToken}'`);
    expect(h.consoleErrors).toEqual([]);
  });
});
