import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness/launch.ts';

/** The section of the popup or options page that shows one portal's session. */
export function portalSection(page: Page, name: string) {
  return page.getByRole('region', { name: `Portal ${name}` });
}

/**
 * Fills the add-portal form on an extension page and submits it. Returns the verification page that the sign-in
 * opens (AWS's "authorize request" page, here the emulator's).
 */
export async function addPortalAndStartSignIn(
  harness: ExtensionHarness,
  page: Page,
  input: { startUrl: string; region?: string; name?: string },
): Promise<Page> {
  await page.getByRole('textbox', { name: 'Start URL' }).fill(input.startUrl);
  if (input.region)
    await page.getByRole('combobox', { name: 'Identity Center region' }).selectOption(input.region);
  if (input.name) await page.getByRole('textbox', { name: 'Display name (optional)' }).fill(input.name);
  // Whichever AWS verification page AWS linked to (docs/aws-protocol.md §5).
  const devicePage = harness.context.waitForEvent('page', (p) => p.url().startsWith('https://'));
  await page.getByRole('button', { name: 'Add and sign in' }).click();
  return devicePage;
}

/** Reads the user code the popup shows for a portal that is signing in. */
export async function shownUserCode(page: Page, portalName: string): Promise<string> {
  const code = portalSection(page, portalName).getByRole('status', { name: 'Your sign-in code' });
  await code.waitFor();
  return (await code.textContent())?.trim() ?? '';
}

/**
 * Waits until the settings page shows the portal signed in. (The popup shows signed-in portals only through
 * their accounts; their session state and sign-out live in the settings.)
 */
export async function expectSignedIn(harness: ExtensionHarness, name: string): Promise<void> {
  const options = await harness.openOptions();
  await portalSection(options, name).getByText('Signed in').waitFor();
  await options.close();
}

/** Signs a portal out from the settings page, as a user would. */
export async function signOutInSettings(harness: ExtensionHarness, name: string): Promise<void> {
  const options = await harness.openOptions();
  await portalSection(options, name).getByRole('button', { name: 'Sign out' }).click();
  await portalSection(options, name).getByRole('button', { name: 'Sign in' }).waitFor();
  await options.close();
}
