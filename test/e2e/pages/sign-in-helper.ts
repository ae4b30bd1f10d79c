import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness/launch.ts';
import { addPortalAndStartSignIn, shownUserCode } from './portal-flow.ts';

/** Adds the emulator's portal from the popup and approves the sign-in; resolves once the popup lists accounts. */
export async function signInFromPopup(harness: ExtensionHarness, popup: Page, name = 'Demo'): Promise<void> {
  const { startUrl, region } = harness.emulator;
  await addPortalAndStartSignIn(harness, popup, { startUrl, region, name });
  harness.emulator.approve(await shownUserCode(popup, name));
  await popup.getByRole('combobox', { name: 'Search accounts and roles' }).waitFor();
}
