import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness/launch.ts';

/**
 * Sets a command's key as a user does on chrome://extensions/shortcuts, through the same call that page makes
 * (`developerPrivate.updateExtensionCommand`): only four commands can come with a suggested key.
 */
export async function bindShortcut(
  h: ExtensionHarness,
  commandName: string,
  keybinding: string,
): Promise<void> {
  const page = await h.context.newPage();
  await page.goto('chrome://extensions/shortcuts');
  await page.evaluate(
    ([extensionId, name, key]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { updateExtensionCommand(u: object): Promise<void> } };
        }
      ).chrome.developerPrivate.updateExtensionCommand({ extensionId, commandName: name, keybinding: key }),
    [h.extensionId, commandName, keybinding] as const,
  );
  await page.close();
}

/** The account and role the fake AWS console in `page` says it is signed in as, read from its navigation bar. */
export async function consoleIdentity(page: Page): Promise<string> {
  return page
    .locator('[data-testid="awsc-nav-header"]')
    .textContent({ timeout: 500 })
    .then((text) => text ?? '')
    .catch(() => '');
}

/** "1234-5678-9012", as the console shows an account id. */
export function dashed(accountId: string): string {
  return `${accountId.slice(0, 4)}-${accountId.slice(4, 8)}-${accountId.slice(8)}`;
}
