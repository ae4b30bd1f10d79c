import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness/launch.ts';

/**
 * Runs code in our content script's world on a page: the isolated world Chromium gives the extension's content
 * scripts there, with exactly their privileges (their `chrome.storage`, no more). This is where an attacker
 * stands who has taken over a console page's renderer, or who found a way to run code beside our content script.
 * Chrome DevTools Protocol names the world: an isolated execution context whose origin is the extension's.
 */
export interface ContentScriptWorld {
  /** Evaluates `expression` (awaited if it is a promise) and returns its value, or throws what it threw. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function contentScriptWorld(h: ExtensionHarness, page: Page): Promise<ContentScriptWorld> {
  const cdp = await h.context.newCDPSession(page);
  const origin = `chrome-extension://${h.extensionId}`;
  const found = new Promise<number>((resolve) => {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string; isDefault?: boolean } | undefined;
      if (aux?.type === 'isolated' && context.origin === origin) resolve(context.id);
    });
  });
  // Enabling reports every context that exists already, our content script's included.
  await cdp.send('Runtime.enable');
  const contextId = await found;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (exceptionDetails)
        throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text, { cause: result });
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
