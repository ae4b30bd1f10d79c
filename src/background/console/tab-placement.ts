import { parseConsoleHost } from '../../shared/aws/console-host';
import { browser } from '../../shared/browser';
import type { Preferences } from '../../shared/storage/items';

/** Where the console opens: decided before the AWS calls, so "current tab" means the tab the user was on. */
export type Placement = (
  | { readonly kind: 'this-tab'; readonly tabId: number; readonly url: string }
  | { readonly kind: 'new-tab'; readonly active: boolean; readonly from: string }
  | { readonly kind: 'new-window'; readonly from: string }
) & {
  /** Firefox container the console must open in (its own cookies); absent: the default one. */
  readonly cookieStoreId?: string;
};

export interface PlacementRequest {
  /** The user asked for a new tab (Shift/Ctrl+Enter, middle click, the ↗ button). */
  readonly newTab: boolean;
  /** From the address bar: 'this-tab' navigates the current tab whatever it shows; 'background-tab' stays put. */
  readonly where?: 'this-tab' | 'background-tab';
}

/**
 * The user's setting decides, unless the request says otherwise: "current" reuses the active tab when it is
 * a console or an empty tab (never a page the user was reading), else opens a new tab.
 */
export async function choosePlacement(
  request: PlacementRequest,
  mode: Preferences['consoleTabMode'],
  cookieStoreId?: string,
): Promise<Placement> {
  // lastFocusedWindow, not currentWindow: a service worker has no window of its own to be "current".
  const [current] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  const url = current?.url ?? current?.pendingUrl ?? '';
  const store = cookieStoreId ? { cookieStoreId } : {};
  // A tab can't change container: the current tab serves only when it is already in the right one.
  const sameContainer = !cookieStoreId || current?.cookieStoreId === cookieStoreId;
  if (request.where === 'background-tab') return { kind: 'new-tab', active: false, from: url, ...store };
  if (request.newTab) return { kind: 'new-tab', active: true, from: url, ...store };
  if (
    current?.id !== undefined &&
    sameContainer &&
    (request.where === 'this-tab' || (mode === 'current' && isReusable(url)))
  ) {
    return { kind: 'this-tab', tabId: current.id, url };
  }
  return mode === 'new-window'
    ? { kind: 'new-window', from: url, ...store }
    : { kind: 'new-tab', active: true, from: url, ...store };
}

/** Makes a tab the active one of its window and that window the focused one. */
export async function bringTabForward(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

/** Navigates as placed; resolves to the tab that now loads the console. */
export async function navigateTo(url: string, placement: Placement): Promise<number | undefined> {
  if (placement.kind === 'this-tab') {
    await browser.tabs.update(placement.tabId, { url });
    return placement.tabId;
  }
  const store = placement.cookieStoreId ? { cookieStoreId: placement.cookieStoreId } : {};
  if (placement.kind === 'new-window') {
    const window = await browser.windows.create({ url, focused: true, ...store });
    return window.tabs?.[0]?.id;
  }
  return (await browser.tabs.create({ url, active: placement.active, ...store })).id;
}

/** The page the user was on when they asked (for "same page, other account"). */
export function placementOrigin(placement: Placement): string {
  return placement.kind === 'this-tab' ? placement.url : placement.from;
}

export function isReusable(url: string): boolean {
  if (url === '' || url === 'about:blank' || url === 'about:newtab' || url === 'about:home') return true;
  if (/^(chrome|edge):\/\/newtab\/?$/.test(url)) return true;
  try {
    // The one console-host parser the tags and same-page switching use too.
    return parseConsoleHost(new URL(url).hostname) !== null;
  } catch {
    return false;
  }
}
