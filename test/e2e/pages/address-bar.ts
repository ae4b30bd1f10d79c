import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionHarness } from '../harness/launch.ts';

/** What the address bar handed the extension, recorded in the worker by second listeners on the real events. */
export interface OmniboxLog {
  readonly started: number;
  /** Each text the address bar handed the extension as typed, and each it handed on Enter. */
  readonly changed: readonly string[];
  readonly entered: readonly string[];
}

/**
 * The browser's own address bar, typed into with real key presses (xdotool under Xvfb): the `aws` keyword cannot
 * be driven any other way. The listeners only observe; the extension's own listeners answer as always.
 */
export interface AddressBar {
  log(): Promise<OmniboxLog>;
  /** Types `aws <query>` in `tab`'s window and resolves once the extension has been handed the query. */
  type(tab: Page, query: string): Promise<void>;
  /** `type`, then Enter (or `key`): resolves with the text the extension was handed on Enter. */
  enter(tab: Page, query: string, key?: string): Promise<string>;
}

/** Polls `check` every 100 ms until it holds (true) or `timeoutMs` passes (false); usable in hooks. */
async function becomes(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function watchAddressBar(h: ExtensionHarness): Promise<AddressBar> {
  const display = h.display;
  if (!display)
    throw new Error('The address bar needs a headed browser (launchExtension({ headed: true })).');
  const worker = await h.worker();
  await worker.evaluate(() => {
    type Event<T> = { addListener(f: (value: T) => void): void };
    const g = globalThis as unknown as {
      __omnibox?: { started: number; changed: string[]; entered: string[] };
      chrome: {
        omnibox: { onInputStarted: Event<void> } & Record<'onInputChanged' | 'onInputEntered', Event<string>>;
      };
    };
    const log = { started: 0, changed: [] as string[], entered: [] as string[] };
    g.__omnibox = log;
    g.chrome.omnibox.onInputStarted.addListener(() => {
      log.started += 1;
    });
    g.chrome.omnibox.onInputChanged.addListener((text) => log.changed.push(text));
    g.chrome.omnibox.onInputEntered.addListener((text) => log.entered.push(text));
  });
  const log = (): Promise<OmniboxLog> =>
    worker.evaluate(
      () =>
        (globalThis as unknown as { __omnibox?: OmniboxLog }).__omnibox ?? {
          started: 0,
          changed: [],
          entered: [],
        },
    );

  // Typed through X at machine speed, "aws " sometimes stays plain text: Chrome learns extension keywords
  // asynchronously (its keyword table loads on the address bar's first use), and a key can land before the keyword
  // mode switches. Seen in the soak and in a fresh-clone CI run, on the first use and later. A person sees no keyword
  // chip and types again; so does this, and proceeds only once Chrome has opened a keyword session
  // (onInputStarted, sent on the first character after the keyword), so the query itself is always typed in it.
  const startKeywordSession = async (tab: Page, firstChar: string) => {
    for (let attempt = 1; ; attempt += 1) {
      const before = (await log()).started;
      await tab.bringToFront();
      await display.key('ctrl+l');
      await display.type(`aws ${firstChar}`);
      if (await becomes(async () => (await log()).started > before, 5_000)) return;
      if (attempt === 5) throw new Error('Chrome never entered the "aws" keyword mode in the address bar.');
    }
  };

  const type = async (tab: Page, query: string) => {
    const before = await log();
    await startKeywordSession(tab, query.slice(0, 1));
    await display.type(query.slice(1));
    await expect.poll(async () => (await log()).changed.slice(before.changed.length)).toContain(query);
  };
  return {
    log,
    type,
    async enter(tab, query, key = 'Return') {
      await type(tab, query);
      const before = (await log()).entered.length;
      await display.key(key);
      await expect.poll(async () => (await log()).entered.length).toBe(before + 1);
      return (await log()).entered.at(-1) as string;
    },
  };
}
