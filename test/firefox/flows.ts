import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { OrganizationAccount } from '../emulator/types.ts';
import { byRoleInShadow, type FirefoxHarness, findByRole, findByText, waitForElement } from './harness.ts';

/** What Firefox tests do as a user, shared by the files. */
export const DEMO = 'Demo';

/** Fills the add-portal form on an extension page. */
export async function fillAddPortal(h: FirefoxHarness, page: Page): Promise<void> {
  await (await findByRole(page, 'textbox', 'Start URL')).type(h.emulator.startUrl);
  await (await findByRole(page, 'combobox', 'Identity Center region')).select(h.emulator.region);
  await (await findByRole(page, 'textbox', 'Display name (optional)')).type(DEMO);
}

/** Submits the add-portal form; resolves with the AWS device page that the sign-in opens. */
export async function submitAndAwaitDevicePage(h: FirefoxHarness, page: Page): Promise<Page> {
  const device = h.waitForTab((url) => url.startsWith(`https://device.sso.${h.emulator.region}.`));
  await (await findByRole(page, 'button', 'Add and sign in')).click();
  return device;
}

/** The user code the popup shows in the portal's section while it signs in. */
export async function shownUserCode(page: Page): Promise<string> {
  const section = await findByRole(page, 'region', `Portal ${DEMO}`);
  const code = await findByRole(section, 'status', 'Your sign-in code');
  return (await code.evaluate((el) => el.textContent ?? '')).trim();
}

/**
 * Approves on the device page as the user does, once the page and our banner (the device content script's,
 * in a shadow root) show it is our sign-in with the same code; then the user goes back to the popup.
 */
export async function approve(popup: Page, device: Page, code: string): Promise<void> {
  const banner = await waitForElement(device, byRoleInShadow('#aws-sso-switcher-device-check', 'status'));
  expect(await banner.evaluate((el) => el.textContent)).toContain(
    `AWS SSO Switcher: this is the sign-in you started (${DEMO}).`,
  );
  await findByText(device, code);
  const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));
  await (await findByRole(device, 'button', 'Approve')).click();
  // Signed in, the extension closes the AWS tab it opened.
  await closed;
  await popup.bringToFront();
}

/**
 * Adds the demo portal and signs in from the popup, approving on the device page: for tests about what comes
 * after sign-in (sign-in itself is the journey test's).
 */
export async function signIn(h: FirefoxHarness, popup: Page): Promise<void> {
  await fillAddPortal(h, popup);
  const device = await submitAndAwaitDevicePage(h, popup);
  await approve(popup, device, await shownUserCode(popup));
  await findByRole(popup, 'grid', 'Accounts and roles');
}

/** Account id as the console and the popup show it: 1234-5678-9012. */
export function formatAccountId(id: string): string {
  return `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}`;
}

export function accountNamed(h: FirefoxHarness, name: string): OrganizationAccount {
  const found = h.emulator.organization.accounts.find((a) => a.accountName === name);
  if (!found) throw new Error(`no account ${name} in the demo organisation`);
  return found;
}

/** Sends a message as an extension page does and returns the reply's value (the background's contract). */
export async function send<T>(page: Page, message: { type: string; payload: unknown }): Promise<T> {
  const reply = await page.evaluate(
    (m) =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage(m),
    message,
  );
  const { ok, value, error } = reply as { ok: boolean; value: T; error?: { message: string } };
  if (!ok) throw new Error(`${message.type} failed: ${error?.message}`);
  return value;
}
