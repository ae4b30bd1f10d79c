import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';

/**
 * "Add this portal" (src/popup/discover): the popup, opened while an AWS access portal is the active tab, offers
 * that portal with its start URL and region filled in, adds it with one click, and recognises it afterwards.
 *
 * What this proves, and what not: the popup page is opened as a background tab in the portal tab's window, so its
 * own query (`tabs.query({active, currentWindow})`) finds the portal tab exactly as the real popup does. Tab URL
 * and page read are allowed here by the portal host permissions (granted at install in Chromium); the activeTab
 * grant a real click on the toolbar button gives is not exercised (Playwright cannot click the toolbar).
 */
let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Opens the portal page in a tab, then the popup page behind it in the same window: the portal stays active. */
async function popupOverPortal(
  h: ExtensionHarness,
  portalUrl: string,
): Promise<{ portal: Page; popup: Page }> {
  const portal = await h.context.newPage();
  await portal.goto(`${portalUrl}/#/`);
  await portal.getByRole('heading', { name: 'AWS access portal' }).waitFor();
  const popupUrl = `chrome-extension://${h.extensionId}/src/popup/index.html`;
  const opened = h.context.waitForEvent('page', (p) => p.url() === popupUrl);
  const worker = await h.worker();
  await worker.evaluate(
    async ({ portalUrl, popupUrl }) => {
      const [tab] = await chrome.tabs.query({ url: `${portalUrl}/*` });
      if (tab?.id === undefined) throw new Error(`no tab on ${portalUrl}`);
      await chrome.tabs.update(tab.id, { active: true });
      await chrome.tabs.create({ windowId: tab.windowId, url: popupUrl, active: false });
    },
    { portalUrl, popupUrl },
  );
  const popup = await opened;
  await popup.setViewportSize({ width: 420, height: 560 });
  return { portal, popup };
}

async function storedPortals(h: ExtensionHarness): Promise<Array<Record<string, unknown>>> {
  const worker = await h.worker();
  const stored = await worker.evaluate(() => chrome.storage.local.get('portals'));
  return (stored.portals as Array<Record<string, unknown>> | undefined) ?? [];
}

async function addFromTab(h: ExtensionHarness, name: string, region: string): Promise<void> {
  const { portal, popup } = await popupOverPortal(h, h.emulator.startUrl);
  const offer = popup.getByRole('region', { name: 'Add this portal' });
  await offer.waitFor();
  // Bring the popup forward only now, for the clicks and pictures: it has already read the active tab.
  await popup.bringToFront();
  expect(await offer.getByRole('textbox', { name: 'Start URL' }).inputValue()).toBe(h.emulator.startUrl);
  expect(await offer.getByRole('combobox', { name: 'Identity Center region' }).inputValue()).toBe(region);
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    await h.screenshot(popup, `discover-portal-${name}-${colorScheme}`);
    // The offer is a surface of its own: audited like the others (accessibility.e2e.test.ts), nothing accepted.
    const { violations } = await new AxeBuilder({ page: popup }).analyze();
    expect(violations.map((v) => `${colorScheme} ${v.impact} ${v.id}`)).toEqual([]);
  }
  await popup.emulateMedia({ colorScheme: null });
  await offer.getByRole('button', { name: 'Add this portal' }).click();
  await popup.getByRole('status').filter({ hasText: 'This portal is already added' }).waitFor();
  expect(await storedPortals(h)).toEqual([
    expect.objectContaining({ startUrl: h.emulator.startUrl, region }),
  ]);
  await popup.close();

  // Opened again on the same tab: recognised, not offered twice.
  const again = await popupOverPortal(h, h.emulator.startUrl);
  await again.popup.getByRole('status').filter({ hasText: 'This portal is already added' }).waitFor();
  await again.popup.bringToFront();
  await h.screenshot(again.popup, `discover-portal-${name}-already-added`);
  expect(await again.popup.getByRole('region', { name: 'Add this portal' }).count()).toBe(0);
  await again.popup.close();
  await again.portal.close();
  await portal.close();
}

describe('adding the portal in the active tab', () => {
  it('classic *.awsapps.com/start: the region is read from the page, since the host names none', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo', region: 'eu-west-1' } });
    expect(harness.emulator.startUrl).toMatch(/\.awsapps\.com\/start$/);
    await addFromTab(harness, 'classic', 'eu-west-1');
  });

  it('dual-stack *.portal.<region>.app.aws: the region is read from the host', async () => {
    const startUrl = 'https://ssoins-7223d9a3d2ab4b6b.portal.ap-southeast-2.app.aws';
    harness = await launchExtension({
      emulator: { organization: 'demo', region: 'ap-southeast-2', startUrl },
    });
    await addFromTab(harness, 'dual-stack', 'ap-southeast-2');
  });
});
