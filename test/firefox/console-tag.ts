import type { ElementHandle, Page } from 'puppeteer-core';

/*
 * The console tag is drawn in a closed shadow root, which page script (and so puppeteer's selectors, `>>>`
 * included) cannot enter. WebDriver BiDi can: `script.callFunction` serialises a host's closed shadow root when
 * asked with `includeShadowTree: "all"`, as a node reference the next call can take as an argument. Puppeteer
 * has no public API for that option, so this reaches its BiDi realm (puppeteer-core 24's `mainRealm().realm`).
 */

interface NodeValue {
  readonly type: string;
  readonly sharedId?: string;
  readonly value?: { readonly shadowRoot?: NodeValue | null };
}
interface CallResult {
  readonly type: 'success' | 'exception';
  readonly result?: NodeValue;
}
interface FrameRealm {
  readonly realm: { callFunction(fn: string, awaitPromise: boolean, options: object): Promise<CallResult> };
  createHandle(value: NodeValue): unknown;
}

const TAG_HOST = '#aws-sso-switcher-tag';
const POLL_MS = 100;
const TIMEOUT_MS = 15_000;

function mainRealm(page: Page): FrameRealm {
  return (page.mainFrame() as unknown as { mainRealm(): FrameRealm }).mainRealm();
}

/** The first element matching `selector` inside the tag's closed shadow root, or null. */
export async function tagPart(page: Page, selector: string): Promise<ElementHandle | null> {
  const frame = mainRealm(page);
  const host = await frame.realm.callFunction('(sel) => document.querySelector(sel)', true, {
    arguments: [{ type: 'string', value: TAG_HOST }],
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 1, includeShadowTree: 'all' },
  });
  const shadow = host.type === 'success' ? host.result?.value?.shadowRoot : null;
  if (!shadow?.sharedId) return null;
  const found = await frame.realm.callFunction('(root, sel) => root.querySelector(sel)', true, {
    arguments: [{ sharedId: shadow.sharedId }, { type: 'string', value: selector }],
    resultOwnership: 'root',
    serializationOptions: { maxDomDepth: 0 },
  });
  if (found.type !== 'success' || found.result?.type !== 'node') return null;
  return frame.createHandle(found.result) as ElementHandle;
}

/** Waits for `selector` inside the tag, querying afresh every 100 ms (see waitForElement in harness.ts). */
export async function waitForTagPart(page: Page, selector: string): Promise<ElementHandle> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const found = await tagPart(page, selector).catch(() => null);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${selector} in the console tag after ${TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
