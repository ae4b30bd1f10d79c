import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });

const adminOption = (page: Page) =>
  page.getByRole('option', { name: /^AdministratorAccess in acme-prod-identity/ });

/** AWS calls the extension made for console sign-in, in order. */
function consoleCalls(h: ExtensionHarness) {
  return h.emulator
    .requests()
    .filter((r) => r.path === '/federation/credentials' || (r.path === '/federation' && r.method === 'POST'))
    .map((r) => r.path);
}

describe('opening the console as a role', () => {
  it('signs in to the console in a new tab, and reuses the credentials the second time', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo' } });
    const h = harness;
    const popup = await h.openPopup();
    await signInFromPopup(h, popup);
    await searchBox(popup).fill('prod identity admin');
    await adminOption(popup).waitFor();
    h.emulator.resetLog();
    const consoleTab = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await popup.keyboard.press('Shift+Enter');
    const tab = await consoleTab;
    await tab.waitForURL(/console\.aws\.amazon\.com\/console\/home/);
    await tab.getByText('AdministratorAccess', { exact: false }).first().waitFor();
    const account = h.emulator.organization.accounts.find((a) => a.accountName === 'acme-prod-identity');
    expect(h.emulator.consoleSessions()).toEqual([
      expect.objectContaining({ accountId: account?.accountId, roleName: 'AdministratorAccess' }),
    ]);
    // Two AWS round trips before the navigation: credentials, then the sign-in token (by POST).
    expect(consoleCalls(h)).toEqual(['/federation/credentials', '/federation']);
    // The credentials never travel in a URL.
    expect(h.emulator.requests().some((r) => 'Session' in r.query && r.query.Session !== '[redacted]')).toBe(
      false,
    );

    h.emulator.resetLog();
    const second = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await popup.keyboard.press('Shift+Enter');
    await (await second).waitForURL(/console\.aws\.amazon\.com\/console\/home/);
    expect(consoleCalls(h)).toEqual(['/federation']);
    await h.screenshot(tab, 'console-signed-in');
  });

  it('says so when the role is no longer assigned', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo' } });
    const h = harness;
    const popup = await h.openPopup();
    await signInFromPopup(h, popup);
    await searchBox(popup).fill('prod identity admin');
    await adminOption(popup).waitFor();
    // Revoke the assignment at "AWS" after the list was synced.
    const account = h.emulator.organization.accounts.find((a) => a.accountName === 'acme-prod-identity');
    account?.roles.splice(account.roles.indexOf('AdministratorAccess'), 1);
    await popup.keyboard.press('Enter');
    await popup.getByRole('alert').filter({ hasText: 'You no longer have AdministratorAccess' }).waitFor();
  });
});
