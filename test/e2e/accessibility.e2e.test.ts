import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { ROW_KEYS } from '../../src/popup/directory/row-keys.ts';
import { emulatorPost } from './harness/emulator-request.ts';
import { type ExtensionHarness, type LaunchOptions, launchExtension } from './harness/launch.ts';
import { fireRefreshAlarmNearExpiry } from './harness/refresh-alarm.ts';
import { claimIdentity, openCopyOfTag, tagPillName, tagWarning } from './pages/console-tag.ts';
import {
  addPortalAndStartSignIn,
  expectSignedIn,
  portalSection,
  shownUserCode,
} from './pages/portal-flow.ts';
import { previewImport } from './pages/settings-page.ts';

/*
 * Every surface the extension draws, audited by axe-core (the engine behind Lighthouse's accessibility audit)
 * in light and dark themes, and the popup walked by keyboard alone. docs/accessibility.md says what is audited
 * and why the list is a grid.
 */

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * Moderate or minor findings accepted, each with its reason in docs/accessibility.md. A serious or critical one
 * is never accepted. Empty today: every finding was fixed.
 */
const ACCEPTED: ReadonlySet<string> = new Set<string>([]);

/** Runs axe on a page (or only on `include`, our element on someone else's page) in both themes. */
async function audit(page: Page, surface: string, include?: string): Promise<void> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const builder = new AxeBuilder({ page });
    if (include) builder.include(include);
    const { violations, passes } = await builder.analyze();
    // An audit that checked nothing would pass anything: colour contrast, at least, must have been measured.
    expect(passes.length, `${surface}: axe checked nothing`).toBeGreaterThan(0);
    for (const v of violations) {
      const blocking = v.impact === 'serious' || v.impact === 'critical';
      if (!blocking && ACCEPTED.has(v.id)) continue;
      const where = v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join(' | ');
      found.push(`${surface} (${colorScheme}) ${v.impact} ${v.id}: ${where}`);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  expect(found).toEqual([]);
}

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Accounts and roles' });
const announcement = (page: Page) => page.locator('.directory-footer').getByRole('status');

async function signedInPopup(launch: LaunchOptions = {}) {
  const h = await launchExtension({ emulator: { organization: 'demo' }, ...launch });
  harness = h;
  const popup = await h.openPopup();
  const { startUrl, region } = h.emulator;
  const device = await addPortalAndStartSignIn(h, popup, { startUrl, region, name: 'Demo' });
  return { h, popup, device };
}

/** What a screen reader is told about an element: its computed role, name and description (Chromium's tree). */
async function heard(page: Page, selector: string) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    const node = nodes[0];
    return {
      role: String(node?.role?.value ?? ''),
      name: String(node?.name?.value ?? ''),
      description: String(node?.description?.value ?? ''),
    };
  } finally {
    await cdp.detach();
  }
}

/** The element the search box names as active, as a screen reader hears it. */
async function activeCell(page: Page) {
  const id = await searchBox(page).getAttribute('aria-activedescendant');
  expect(id).toBeTruthy();
  return heard(page, `#${id}`);
}

describe('accessibility audits', () => {
  // Twelve audits (six surfaces, two themes) in one browser: longer than the suite's minute.
  it('the popup from first run to a session that ended, the device page banner and the settings page', {
    timeout: 180_000,
  }, async () => {
    const h = await launchExtension({ emulator: { organization: 'demo' } });
    harness = h;
    const popup = await h.openPopup();
    await popup.getByRole('button', { name: 'Add and sign in' }).waitFor();
    await audit(popup, 'popup, first run');

    const { startUrl, region } = h.emulator;
    const device = await addPortalAndStartSignIn(h, popup, { startUrl, region, name: 'Demo' });
    const code = await shownUserCode(popup, 'Demo');
    await audit(popup, 'popup, signing in');
    await device.getByRole('status').filter({ hasText: 'this is the sign-in you started' }).waitFor();
    await audit(device, 'device page banner, our sign-in', '#aws-sso-switcher-device-check');

    h.emulator.approve(code);
    await grid(popup).getByRole('rowheader').first().waitFor();
    await audit(popup, 'popup, signed in');

    await searchBox(popup).fill('prod');
    await expect.poll(() => grid(popup).getByRole('rowheader').count()).toBeGreaterThan(0);
    await audit(popup, 'popup, search results');

    await popup
      .getByRole('button', { name: /^Edit account / })
      .first()
      .click();
    await popup.getByRole('dialog').waitFor();
    await audit(popup, 'popup, account editor');
    await popup.keyboard.press('Escape');
    await expect.poll(() => popup.getByRole('dialog').count()).toBe(0);

    await popup.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await popup.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await audit(popup, 'popup, key list');
    await popup.keyboard.press('Escape');

    const options = await h.openOptions();
    await portalSection(options, 'Demo').getByText('Signed in').waitFor();
    await options.getByRole('main').waitFor();
    await audit(options, 'settings page, every section');
    // The import preview of a crafted file: a start URL change to a look-alike host (danger note, checkbox), a
    // company address, an AWS portal, and an account's values before → after.
    const account = h.emulator.organization.accounts[0]?.accountId as string;
    const crafted = {
      format: 'aws-sso-switcher/settings',
      version: 2,
      portals: [
        { name: 'Demo', startUrl: 'https://demo.awsapps.com.sso-login.example/start', region },
        { name: 'Corp', startUrl: 'https://sso.example-corp.com', region },
        { name: 'Other', startUrl: 'https://other.awsapps.com/start', region },
      ],
      accountPrefs: { [account]: { alias: 'sandbox', color: '#2e8540', tier: 'normal', hidden: true } },
    };
    await previewImport(options, JSON.stringify(crafted), 'Merge');
    await options.getByRole('checkbox', { name: 'I trust the new start URL of Demo' }).waitFor();
    await audit(options, 'settings page, import preview');
    await options.close();

    const { portals } = (await popup.evaluate(() => chrome.storage.local.get('portals'))) as {
      portals: { id: string }[];
    };
    h.emulator.endSessions();
    h.emulator.expireAccessTokens();
    await fireRefreshAlarmNearExpiry(await h.worker(), portals[0]?.id ?? '');
    await portalSection(popup, 'Demo').getByText('Your session ended. Sign in again.').waitFor();
    await audit(popup, 'popup, session ended');
    expect(h.consoleErrors).toEqual([]);
  });

  it('the popup with two portals', async () => {
    const second = {
      region: 'eu-west-1',
      startUrl: 'https://ssoins-1111222233334444.portal.eu-west-1.app.aws',
    };
    const { h, popup, device } = await signedInPopup({ otherPortals: [{ ...second, organization: 'demo' }] });
    await device.getByRole('button', { name: 'Approve' }).click();
    await expectSignedIn(h, 'Demo');
    const options = await h.openOptions();
    const secondDevice = await addPortalAndStartSignIn(h, options, {
      startUrl: second.startUrl,
      name: 'Europe',
    });
    await secondDevice.getByRole('button', { name: 'Approve' }).click();
    await expectSignedIn(h, 'Europe');
    await options.close();
    // A search that both portals answer: each portal's header row is drawn.
    await searchBox(popup).fill('billing');
    await grid(popup)
      .getByRole('gridcell', { name: /^Europe · / })
      .waitFor();
    await grid(popup)
      .getByRole('gridcell', { name: /^Demo · / })
      .waitFor();
    await h.screenshot(popup, 'a11y-popup-two-portals');
    await audit(popup, 'popup, two portals');
  });

  it('the device page banner that warns of a sign-in someone else started', async () => {
    const { h } = await signedInPopup();
    const client = (
      await emulatorPost(h.emulator, '/client/register', { clientName: 'evil', clientType: 'public' })
    ).json as { clientId: string; clientSecret: string };
    const started = (
      await emulatorPost(h.emulator, '/device_authorization', { ...client, startUrl: h.emulator.startUrl })
    ).json as { userCode: string };
    const phish = await h.context.newPage();
    await phish.goto(`https://device.sso.${h.emulator.region}.amazonaws.com/?user_code=${started.userCode}`);
    await phish.getByRole('alert').filter({ hasText: 'is not from a sign-in you started' }).waitFor();
    await audit(phish, 'device page banner, phishing warning', '#aws-sso-switcher-device-check');
  });

  it('the console tag, for a production account and for one in a light colour', async () => {
    const { h, popup, device } = await signedInPopup();
    await device.getByRole('button', { name: 'Approve' }).click();
    await grid(popup).getByRole('rowheader').first().waitFor();

    // Production (the danger tier, red); the tag is ours, the page around it is the emulator's console.
    const prod = await openConsole(
      h,
      popup,
      'prod identity admin',
      /^AdministratorAccess in acme-prod-identity/,
    );
    await audit(prod, 'console tag, production', await openCopyOfTag(prod));
    await h.screenshot(prod, 'a11y-console-tag-production');

    // Gold, the lightest account colour: white text on it would read at 3.3:1.
    await searchBox(popup).fill('sandbox-carol');
    await popup.getByRole('button', { name: 'Edit account acme-sandbox-carol' }).click();
    const dialog = popup.getByRole('dialog', { name: 'acme-sandbox-carol' });
    await dialog.getByRole('radio', { name: 'Colour Gold' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const gold = await openConsole(
      h,
      popup,
      'sandbox-carol admin',
      /^AdministratorAccess in acme-sandbox-carol/,
    );
    await audit(gold, 'console tag, gold account', await openCopyOfTag(gold));
    await h.screenshot(gold, 'a11y-console-tag-gold');

    // The page claims another account than the one opened here: the mismatch warning, in the danger style.
    const prodId = h.emulator.organization.accounts.find(
      (a) => a.accountName === 'acme-prod-identity',
    )?.accountId;
    await claimIdentity(gold, prodId ?? '', 'AdministratorAccess');
    await expect.poll(() => tagWarning(gold)).not.toBeNull();
    await audit(gold, 'console tag, mismatch warning', await openCopyOfTag(gold));
  });
});

/** Opens the console as the role found by `query`, in a new tab (Shift+Enter); resolves once its tag is drawn. */
async function openConsole(h: ExtensionHarness, popup: Page, query: string, role: RegExp): Promise<Page> {
  await searchBox(popup).fill(query);
  await expect
    .poll(() => grid(popup).getByRole('rowheader', { selected: true }).getAttribute('aria-label'))
    .toMatch(role);
  const opened = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
  await searchBox(popup).press('Shift+Enter');
  const tab = await opened;
  await expect.poll(() => tagPillName(tab)).not.toBeNull();
  return tab;
}

/** A signed-in popup (demo organisation) with the search box focused and the page in front (clipboard). */
async function readyPopup() {
  const { h, popup, device } = await signedInPopup();
  await device.getByRole('button', { name: 'Approve' }).click();
  await grid(popup).getByRole('rowheader').first().waitFor();
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.bringToFront();
  await searchBox(popup).focus();
  return { h, popup };
}

describe('the popup by keyboard alone', () => {
  it('reaches and announces every action of the active row', async () => {
    const { h, popup } = await readyPopup();
    await popup.keyboard.type('sandbox-carol admin');
    await expect
      .poll(async () => (await activeCell(popup)).name)
      .toMatch(/^AdministratorAccess in acme-sandbox-carol \(/);
    // What a screen reader says on reaching the row: the role, its account, and every key that acts on it.
    const cell = await activeCell(popup);
    expect(cell.role).toBe('rowheader');
    for (const k of ROW_KEYS) expect(cell.description).toContain(`${k.keys} to ${k.does}`);
    // The row's buttons, each announced with its key.
    const row = grid(popup).getByRole('row', { name: /^AdministratorAccess in acme-sandbox-carol/ });
    const shortcut = (name: RegExp) => row.getByRole('button', { name }).getAttribute('aria-keyshortcuts');
    expect(await shortcut(/^Star /)).toBe('Alt+F');
    expect(await shortcut(/^Copy a shareable link /)).toBe('Alt+C');
    expect(await shortcut(/^Copy CLI credentials /)).toBe('Alt+K');
    expect(await shortcut(/^Open .* in a new tab$/)).toBe('Shift+Enter');
    expect(
      await grid(popup)
        .getByRole('button', { name: 'Edit account acme-sandbox-carol' })
        .getAttribute('aria-keyshortcuts'),
    ).toBe('Alt+E');

    // Each key acts on the active role and says what it did in the live region.
    await popup.keyboard.press('Alt+F');
    await expect
      .poll(() => announcement(popup).textContent())
      .toBe('Starred AdministratorAccess in acme-sandbox-carol.');
    expect(await row.getByRole('button', { name: /^Unstar / }).getAttribute('aria-pressed')).toBe('true');
    await popup.keyboard.press('Alt+C');
    await expect.poll(() => announcement(popup).textContent()).toBe('Link to AdministratorAccess copied.');
    expect(await h.readClipboard(popup)).toMatch(
      /#\/console\?account_id=\d{12}&role_name=AdministratorAccess$/,
    );
    await popup.keyboard.press('Alt+K');
    await expect
      .poll(() => announcement(popup).textContent())
      .toMatch(/^Copied .* for AdministratorAccess in acme-sandbox-carol/);
    await popup.keyboard.press('Alt+E');
    const editor = popup.getByRole('dialog', { name: 'acme-sandbox-carol' });
    await editor.waitFor();
    expect(await editor.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    // The account's star, which the row's keys cannot reach, is in the editor.
    expect(await editor.getByRole('checkbox', { name: 'Favourite account (listed first)' }).isChecked()).toBe(
      false,
    );
    await popup.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    await expect.poll(() => searchBox(popup).evaluate((el) => el === document.activeElement)).toBe(true);
    const opened = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await popup.keyboard.press('Shift+Enter');
    await (await opened).waitForURL(/console\.aws\.amazon\.com/);

    // Tab leaves the search box for the footer, whose "?" lists every key.
    await popup.bringToFront();
    await searchBox(popup).focus();
    await popup.keyboard.press('Tab');
    const keysButton = popup.getByRole('button', { name: 'Keyboard shortcuts' });
    await expect.poll(() => keysButton.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    const list = popup.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const k of ROW_KEYS) await list.getByText(k.does, { exact: true }).waitFor();
    await h.screenshot(popup, 'a11y-popup-key-list');
    await popup.keyboard.press('Escape');
    await expect.poll(() => searchBox(popup).evaluate((el) => el === document.activeElement)).toBe(true);
  });
});

/** Elements of the page that stick out of its viewport sideways: clipped, or reachable only by scrolling. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out = [...document.body.querySelectorAll('*')].filter((el) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || (box.right <= width + 0.5 && box.left >= -0.5)) return false;
      if (el.closest('[hidden], .visually-hidden')) return false;
      // Cut by an ancestor that clips (an ellipsis) and itself fits: a truncation, shown as such, not a clip.
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const clips = getComputedStyle(up).overflowX !== 'visible';
        if (clips && up.getBoundingClientRect().right <= width + 0.5) return false;
      }
      return true;
    });
    const page =
      document.documentElement.scrollWidth > width ? [`page ${document.documentElement.scrollWidth}px`] : [];
    return [
      ...page,
      ...out.map((el) => `${el.localName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`),
    ];
  });
}

/** Formats whose name the credential-format picker shows cut off (its text measured against its inner width). */
function cutFormats(page: Page): Promise<string[]> {
  return page
    .getByRole('combobox', { name: 'CLI credential format' })
    .evaluate((select: HTMLSelectElement) => {
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = getComputedStyle(select).font;
      // The drop-down arrow and the padding take ~24 px of the box.
      const room = select.clientWidth - 24;
      return [...select.options].filter((o) => context.measureText(o.text).width > room).map((o) => o.text);
    });
}

describe('the popup’s layout', () => {
  it('fits 420 px with a long account name, and at 200% zoom, with readable key hints and format names', async () => {
    const { h, popup } = await readyPopup();
    await popup.keyboard.type('sandbox-carol admin');
    await expect
      .poll(async () => (await activeCell(popup)).name)
      .toMatch(/^AdministratorAccess in acme-sandbox-carol/);
    const hints = popup.getByText('Enter open');
    const lineHeight = await hints.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight) || 15);
    expect((await hints.boundingBox())?.height ?? 99).toBeLessThanOrEqual(2 * lineHeight + 8);
    expect(await cutFormats(popup)).toEqual([]);
    expect(await overflowing(popup)).toEqual([]);
    await h.screenshot(popup, 'a11y-popup-420');

    // A long alias, and the credentials line that names it in the footer.
    await popup.keyboard.press('Alt+E');
    const editor = popup.getByRole('dialog', { name: 'acme-sandbox-carol' });
    await editor.getByRole('textbox', { name: 'Alias' }).fill(`Carol’s ${'very '.repeat(15)}long playground`);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => editor.count()).toBe(0);
    await searchBox(popup).fill('playground admin');
    await expect
      .poll(async () => (await activeCell(popup)).name)
      .toMatch(/^AdministratorAccess in Carol’s very/);
    await popup.keyboard.press('Alt+K');
    await expect.poll(() => announcement(popup).textContent()).toMatch(/^Copied .* in Carol’s very/);
    expect(await overflowing(popup)).toEqual([]);
    await h.screenshot(popup, 'a11y-popup-420-long-name');

    // 200% zoom: Chrome caps a popup at 800 × 600 screen pixels, so the page lays out in 400 × 300 CSS pixels
    // (the screenshot shows that layout at 1×).
    await popup.setViewportSize({ width: 400, height: 300 });
    await expect.poll(() => popup.evaluate(() => document.documentElement.clientWidth)).toBe(400);
    expect(await overflowing(popup)).toEqual([]);
    expect(await cutFormats(popup)).toEqual([]);
    await h.screenshot(popup, 'a11y-popup-zoom-200');
    await popup.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await h.screenshot(popup, 'a11y-popup-zoom-200-footer');
  });
});
