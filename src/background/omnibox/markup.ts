import { browser } from '../../shared/browser';

/**
 * Whether suggestion descriptions are XML with `<match>`, `<dim>` and `<url>` (Chrome) or plain text
 * (Firefox, which would show the tags literally). Feature-detected, not sniffed from the user agent:
 * `runtime.getBrowserInfo` exists only in Firefox.
 */
export function omniboxTakesMarkup(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
}
