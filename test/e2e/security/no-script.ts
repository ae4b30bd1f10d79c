import type { Page } from 'playwright-core';
import { MARKER, PWNED_TITLE } from '../../fixtures/hostile-text.ts';
import type { ExtensionHarness } from '../harness/launch.ts';

/**
 * "No script ran", checked: the payloads of test/fixtures/hostile-text.ts set MARKER and the page title if any
 * context ever ran them. The watch also collects what a blocked attempt leaves behind (a CSP violation: the
 * extension pages' CSP would stop an inline handler, so the marker alone could miss an injection), dialogs,
 * uncaught errors and unhandled rejections, console errors and crashed pages, in every page and the service
 * worker.
 */
export interface ScriptWatch {
  /** Every sign that a script ran or a context broke since the watch began; empty when all is well. */
  problems(): Promise<string[]>;
}

interface PageState {
  readonly marker: boolean;
  readonly title: string;
  readonly violations: readonly string[];
}

/** Starts watching every page the context has or opens, and its service worker. Call before opening pages. */
export async function watchForScripts(h: ExtensionHarness): Promise<ScriptWatch> {
  const seen: string[] = [];
  // Before any page script: the violation of an early render would otherwise go unrecorded.
  await h.context.addInitScript(() => {
    const log: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: log });
    document.addEventListener('securitypolicyviolation', (event) => {
      log.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`);
    });
  });
  const watch = (page: Page) => {
    page.on('dialog', (dialog) => {
      seen.push(`dialog in ${page.url()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
    page.on('crash', () => seen.push(`crashed: ${page.url()}`));
    page.on('pageerror', (error) => seen.push(`uncaught in ${page.url()}: ${error.message}`));
  };
  h.context.on('page', watch);
  for (const page of h.context.pages()) watch(page);
  // An unhandled rejection or uncaught error in the service worker reaches no console event Playwright reports:
  // listen for them in the worker itself (a worker restarted later starts without these listeners).
  await (await h.worker()).evaluate(() => {
    const log: string[] = [];
    Object.defineProperty(globalThis, '__workerErrors', { value: log });
    const reason = (value: unknown) => (value instanceof Error ? value.message : String(value));
    globalThis.addEventListener('unhandledrejection', (event) =>
      log.push(`unhandled rejection: ${reason(event.reason)}`),
    );
    globalThis.addEventListener('error', (event) => log.push(`uncaught: ${event.message}`));
  });
  // The context's console events include the service worker's.
  h.context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.worker()?.url() ?? message.page()?.url() ?? '?';
    seen.push(`console error in ${where}: ${message.text()}`);
  });

  return {
    async problems() {
      const found = [...seen];
      for (const page of h.context.pages()) {
        if (page.isClosed() || !/^(chrome-extension|https):/.test(page.url())) continue;
        const state = await page
          .evaluate(
            ([marker]) => ({
              marker: marker in globalThis,
              title: document.title,
              violations: [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])],
            }),
            [MARKER] as const,
          )
          .catch((): PageState | null => null);
        if (!state) continue; // navigated or closed meanwhile
        if (state.marker) found.push(`marker set in ${page.url()}`);
        // Exactly what a payload sets (behind our tag's "[account · role] " on console tabs): the hostile text
        // itself may well be in a title, as text.
        if (new RegExp(`(^|\\] )${PWNED_TITLE}$`).test(state.title)) found.push(`title set in ${page.url()}`);
        for (const violation of state.violations) found.push(`CSP violation in ${page.url()}: ${violation}`);
      }
      const worker = await h.worker();
      const inWorker = await worker.evaluate(
        ([marker]) => ({
          marker: marker in globalThis,
          errors: [...((globalThis as unknown as { __workerErrors?: string[] }).__workerErrors ?? [])],
        }),
        [MARKER] as const,
      );
      if (inWorker.marker) found.push('marker set in the service worker');
      for (const error of inWorker.errors) found.push(`in the service worker: ${error}`);
      return found;
    },
  };
}

/** True when the element's box lies within the page's viewport width: long text wrapped or cut, not spilling. */
export async function fitsViewportWidth(
  page: Page,
  box: { x: number; width: number } | null,
): Promise<boolean> {
  const viewport = page.viewportSize();
  if (!box || !viewport) return false;
  return box.x >= 0 && box.x + box.width <= viewport.width;
}
