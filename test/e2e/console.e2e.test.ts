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
  page.getByRole('rowheader', { name: /^AdministratorAccess in acme-prod-identity/ });

/** AWS calls the extension made for console sign-in, in order. */
function consoleCalls(h: ExtensionHarness) {
  return h.emulator
    .requests()
    .filter((r) => r.path === '/federation/credentials' || (r.path === '/federation' && r.method === 'POST'))
    .map((r) => r.path);
}

/** The demo portal signed in, the popup showing AdministratorAccess in acme-prod-identity as the active row. */
async function popupAtAdmin(): Promise<{ h: ExtensionHarness; popup: Page }> {
  harness = await launchExtension({ emulator: { organization: 'demo' } });
  const popup = await harness.openPopup();
  await signInFromPopup(harness, popup);
  await searchBox(popup).fill('prod identity admin');
  await adminOption(popup).waitFor();
  return { h: harness, popup };
}

/**
 * The session ends at "AWS" (revoked in the admin console, or its 8 hours are up) while the list is cached;
 * then the user opens the active role in a new tab. Resolves to the AWS sign-in page that opens instead.
 */
async function openAfterSessionEnded(h: ExtensionHarness, popup: Page): Promise<Page> {
  h.emulator.endSessions();
  h.emulator.expireAccessTokens();
  const devicePage = h.context.waitForEvent('page', (p) => p.url().includes('device'));
  await popup.keyboard.press('Shift+Enter');
  return devicePage;
}

/** The emulator's console holds exactly one session: AdministratorAccess in acme-prod-identity. */
function expectOneAdminSession(h: ExtensionHarness): void {
  const account = h.emulator.organization.accounts.find((a) => a.accountName === 'acme-prod-identity');
  expect(h.emulator.consoleSessions()).toEqual([
    expect.objectContaining({ accountId: account?.accountId, roleName: 'AdministratorAccess' }),
  ]);
}

/** Console requests still waiting for a sign-in (`console.pending:<portalId>` in storage.session). */
async function pendingConsoleKeys(h: ExtensionHarness): Promise<string[]> {
  const stored = await (await h.worker()).evaluate(() => chrome.storage.session.get(null));
  return Object.keys(stored).filter((key) => key.startsWith('console.pending'));
}

describe('opening the console as a role', () => {
  it('signs in to the console in a new tab, and reuses the credentials the second time', async () => {
    const { h, popup } = await popupAtAdmin();
    h.emulator.resetLog();
    const consoleTab = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await popup.keyboard.press('Shift+Enter');
    const tab = await consoleTab;
    await tab.waitForURL(/console\.aws\.amazon\.com\/console\/home/);
    await tab.getByText('AdministratorAccess', { exact: false }).first().waitFor();
    expectOneAdminSession(h);
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

  it('signs in again when the portal session has ended, then continues to the console by itself', async () => {
    const { h, popup } = await popupAtAdmin();
    const device = await openAfterSessionEnded(h, popup);
    // The person approves the code the extension just asked for, and does nothing else.
    const code = h.emulator.pendingUserCodes()[0] ?? '';
    await device.getByText(code).first().waitFor();
    // The browser may stop the worker while the person reads the page: the request must survive it.
    await h.stopServiceWorker();
    const consoleTab = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await device.getByRole('button', { name: 'Approve' }).click();
    // Nothing runs until an event wakes the worker (its poll alarm, or as here the popup opened again).
    await h.openPopup();
    const tab = await consoleTab;
    await tab.waitForURL(/console\.aws\.amazon\.com\/console\/home/);
    await tab.getByText('AdministratorAccess', { exact: false }).first().waitFor();
    expectOneAdminSession(h);
    await expect.poll(() => device.isClosed()).toBe(true);
    // Once only: the request does not linger to open a second console at the next sign-in.
    expect(await pendingConsoleKeys(h)).toEqual([]);
  });

  it('opens nothing later when the sign-in it started is denied', async () => {
    const { h, popup } = await popupAtAdmin();
    const device = await openAfterSessionEnded(h, popup);
    await device.getByRole('button', { name: 'Deny' }).click();
    await popup.getByText('The sign-in request was denied on the AWS page.').first().waitFor();
    expect(await pendingConsoleKeys(h)).toEqual([]);
    expect(h.emulator.consoleSessions()).toEqual([]);
  });

  it('says so when the role is no longer assigned', async () => {
    const { h, popup } = await popupAtAdmin();
    // Revoke the assignment at "AWS" after the list was synced.
    const account = h.emulator.organization.accounts.find((a) => a.accountName === 'acme-prod-identity');
    account?.roles.splice(account.roles.indexOf('AdministratorAccess'), 1);
    await popup.keyboard.press('Enter');
    await popup.getByRole('alert').filter({ hasText: 'You no longer have AdministratorAccess' }).waitFor();
  });
});
