import { browser } from '../shared/browser';

/**
 * Closes the page when it is the toolbar popup, the way a launcher gets out of the way once it has done its job.
 * Opened as a tab (tests, or "pop out"), it stays.
 */
export function closeIfPopup(): void {
  const popups = browser.extension?.getViews?.({ type: 'popup' }) ?? [];
  if (popups.includes(window)) window.close();
}
