/**
 * The only import of webextension-polyfill (enforced by lint). Chrome 148+ and Firefox ship the promise-based
 * `browser` namespace natively; when we drop older Chromes this file becomes `export const browser = globalThis.browser`.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
