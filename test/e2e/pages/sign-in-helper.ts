import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionHarness } from '../harness/launch.ts';
import { addPortalAndStartSignIn, shownUserCode } from './portal-flow.ts';

/** Adds the emulator's portal from the popup and approves the sign-in; resolves once the popup lists accounts. */
export async function signInFromPopup(harness: ExtensionHarness, popup: Page, name = 'Demo'): Promise<void> {
  const { startUrl, region } = harness.emulator;
  await addPortalAndStartSignIn(harness, popup, { startUrl, region, name });
  harness.emulator.approve(await shownUserCode(popup, name));
  await popup.getByRole('combobox', { name: 'Search accounts and roles' }).waitFor();
}

/** Signs in from the popup, then waits until the popup's status line counts every account of the emulator's organisation. */
export async function signInAndListAll(harness: ExtensionHarness, popup: Page): Promise<void> {
  await signInFromPopup(harness, popup);
  const total = harness.emulator.organization.accounts.length;
  await expect
    .poll(() => popup.getByRole('status').filter({ hasText: 'accounts' }).textContent())
    .toMatch(new RegExp(`^${total} accounts`));
}
