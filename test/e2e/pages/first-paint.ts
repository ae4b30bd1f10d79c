import type { Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness/launch.ts';

/**
 * Opens the popup with its app's script held back, as on a slow machine: the first paint
 * (src/popup/first-paint) draws the list and appends the app's script after the page has loaded; the init
 * script keeps that one script element aside until `releaseApp()`. Nothing of the product is replaced: the
 * same script is appended, only later.
 */
export async function openPopupHoldingApp(
  h: ExtensionHarness,
): Promise<{ page: Page; releaseApp(): Promise<void> }> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 420, height: 560 });
  await page.addInitScript(() => {
    const append = Element.prototype.append;
    const held: Node[] = [];
    Element.prototype.append = function (this: Element, ...nodes: (Node | string)[]) {
      const app = nodes.find((n) => n instanceof HTMLScriptElement && n.src.endsWith('/popup/popup.js'));
      if (!app) return append.apply(this, nodes);
      held.push(app as Node);
    };
    Object.defineProperty(window, '__releaseApp', {
      value: () => {
        Element.prototype.append = append;
        for (const node of held.splice(0)) document.body.append(node);
        return held.length;
      },
    });
    Object.defineProperty(window, '__appHeld', { get: () => held.length });
  });
  await page.goto(`chrome-extension://${h.extensionId}/src/popup/index.html`);
  await page.waitForFunction(() => (window as unknown as { __appHeld: number }).__appHeld === 1);
  return {
    page,
    async releaseApp() {
      await page.evaluate(() => (window as unknown as { __releaseApp(): number }).__releaseApp());
    },
  };
}

/** The accessible names of the options drawn, in the first paint (its list is hidden from assistive technology) or the app. */
export function optionLabels(page: Page, within: '#first-paint' | '#app'): Promise<string[]> {
  return page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} [role="rowheader"]`)]
        .filter((o) => !o.closest('[data-snapshot="skip"]'))
        .map((o) => o.getAttribute('aria-label') ?? ''),
    within,
  );
}
