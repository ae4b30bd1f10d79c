import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionHarness } from '../harness/launch.ts';
import { tagPillName } from './console-tag.ts';

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });

/**
 * From a signed-in popup over the demo organisation: finds AdministratorAccess in acme-prod-identity, opens it in a
 * new tab (Shift+Enter), and resolves to that console tab once our tag names the account.
 */
export async function openTaggedConsole(
  h: ExtensionHarness,
  popup: Page,
  consoleHost: string,
): Promise<Page> {
  await searchBox(popup).fill('prod identity admin');
  await popup.getByRole('rowheader', { name: /^AdministratorAccess in acme-prod-identity/ }).waitFor();
  const opened = h.context.waitForEvent('page', (p) => new URL(p.url()).hostname === consoleHost);
  await popup.keyboard.press('Shift+Enter');
  const tab = await opened;
  await expect.poll(() => tagPillName(tab)).toContain('acme-prod-identity');
  return tab;
}
