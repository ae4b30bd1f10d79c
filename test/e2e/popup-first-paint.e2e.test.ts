import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_PAINT_KEY } from '../../src/ui/first-paint-key.ts';
import { HOSTILE_ACCOUNT_NAMES } from '../emulator/organization.ts';
import { type ExtensionHarness, type LaunchOptions, launchExtension } from './harness/launch.ts';
import { openPopupHoldingApp, optionLabels } from './pages/first-paint.ts';
import { signInAndListAll } from './pages/sign-in-helper.ts';

/**
 * The popup's first paint (src/popup/first-paint): a popup opened again draws the list as it last stood before
 * its app's script has loaded, and the app takes over with nothing the user did lost.
 */
let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });

async function listAtRest(launch: LaunchOptions) {
  const h = await launchExtension(launch);
  harness = h;
  const popup = await h.openPopup();
  await signInAndListAll(h, popup);
  const shown = await optionLabels(popup, '#app');
  await popup.close();
  return { h, shown };
}

const appRendered = (page: Page) =>
  page.evaluate(() => document.getElementById('app')?.childElementCount ?? 0);

describe('the popup’s first paint', () => {
  it('draws the list as last seen before the app loads, keeps what is typed, and hands over', async () => {
    const { h, shown } = await listAtRest({ emulator: { organization: 'demo' } });
    const { page, releaseApp } = await openPopupHoldingApp(h);

    // Drawn without the app: the rows in view when the popup was last at rest, inert, the search box live.
    expect(await appRendered(page)).toBe(0);
    expect(shown.length).toBeGreaterThan(5);
    expect(await optionLabels(page, '#first-paint')).toEqual(shown);
    await expect.poll(() => searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('rowheader').count()).toBe(0);
    await h.screenshot(page, 'popup-first-paint');

    await page.keyboard.type('prod admin');
    await page.keyboard.press('ArrowDown');
    expect(await appRendered(page)).toBe(0);
    await releaseApp();

    await expect.poll(() => page.locator('#first-paint').count()).toBe(0);
    expect(await searchBox(page).inputValue()).toBe('prod admin');
    expect(await searchBox(page).evaluate((el) => el === document.activeElement)).toBe(true);
    // The arrow pressed before the app existed moved to the second result, once the results were there.
    const options = page.getByRole('grid', { name: 'Accounts and roles' }).getByRole('rowheader');
    await expect.poll(() => options.count()).toBeGreaterThan(2);
    const second = await options.nth(1).getAttribute('id');
    await expect.poll(() => searchBox(page).getAttribute('aria-activedescendant')).toBe(second);
    expect(h.consoleErrors).toEqual([]);
  });

  it('draws hostile names as text, and nothing after the portal is removed', async () => {
    const { h } = await listAtRest({
      emulator: { organization: { seed: 2, accounts: 12, hostileNames: true } },
    });
    const { page, releaseApp } = await openPopupHoldingApp(h);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const name = HOSTILE_ACCOUNT_NAMES.find((n) => n.includes('<')) ?? '';
    const drawnText = await page.evaluate(() => document.getElementById('first-paint')?.textContent ?? '');
    expect(drawnText).toContain(name);
    expect(
      await page.evaluate(
        () => document.querySelectorAll('#first-paint img:not([src^="/icons/"]), #first-paint script').length,
      ),
    ).toBe(0);
    await releaseApp();
    await expect.poll(() => page.locator('#first-paint').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();

    const options = await h.openOptions();
    await options.getByRole('button', { name: 'Remove portal' }).click();
    await options.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => options.evaluate((key) => localStorage.getItem(key), FIRST_PAINT_KEY)).toBeNull();
    const popup = await h.openPopup();
    await popup.getByRole('heading', { name: 'Add your AWS access portal' }).waitFor();
    expect(await popup.locator('#first-paint').count()).toBe(0);
  });
});
