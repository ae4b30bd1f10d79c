import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness/launch.ts';

/** The role every security test opens the console as (the demo organisation has it). */
export const ROLE = { accountName: 'acme-prod-identity', roleName: 'AdministratorAccess' } as const;

export const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });

/** Waits (Playwright waits, so it also works in hooks) until the popup says the first sync finished (every account of the organisation listed). */
export async function waitForSync(harness: ExtensionHarness, popup: Page): Promise<void> {
  const total = harness.emulator.organization.accounts.length;
  await popup
    .getByRole('status')
    .filter({ hasText: new RegExp(`^${total} accounts`) })
    .waitFor();
}

/**
 * Opens the console as ROLE from the popup, as a user would (search, then Shift+Enter for a new tab), and
 * resolves with the console tab once our content script runs in it.
 */
export async function openConsoleAsRole(harness: ExtensionHarness, popup: Page): Promise<Page> {
  await searchBox(popup).fill('prod identity admin');
  await popup
    .getByRole('rowheader', { name: new RegExp(`^${ROLE.roleName} in ${ROLE.accountName}`) })
    .waitFor();
  const opened = harness.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
  await popup.keyboard.press('Shift+Enter');
  const tab = await opened;
  await tab.waitForURL(/console\.aws\.amazon\.com\/console\/home/);
  await tab.locator('html[data-aws-sso-switcher="ready"]').waitFor({ state: 'attached' });
  return tab;
}

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { type?: string; frameId?: string };
}

/**
 * The extension's content-script world (Chromium's isolated world) in a page, through CDP: code evaluated
 * there runs exactly where a compromised console renderer would run code against our content script.
 */
export async function contentScriptWorld(
  harness: ExtensionHarness,
  page: Page,
): Promise<{ run<T>(expression: string): Promise<T>; detach(): Promise<void> }> {
  const cdp: CDPSession = await harness.context.newCDPSession(page);
  const live = new Map<number, ContextDescription>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    live.set(context.id, context);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => {
    live.delete(executionContextId);
  });
  cdp.on('Runtime.executionContextsCleared', () => live.clear());
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const isolated = [...live.values()].find(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id &&
      c.origin.includes(harness.extensionId),
  );
  if (!isolated) throw new Error(`no content-script world for ${harness.extensionId} in ${page.url()}`);
  return {
    async run<T>(expression: string): Promise<T> {
      const result = await cdp.send('Runtime.evaluate', {
        contextId: isolated.id,
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (result.exceptionDetails) {
        throw new Error(`content-script world: ${result.exceptionDetails.exception?.description ?? ''}`);
      }
      return result.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
