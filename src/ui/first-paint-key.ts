/**
 * Where the popup keeps its first paint (src/popup/first-paint/), and how to drop it. Here rather than in the
 * popup because the settings page drops it too (a removed portal), and extension pages do not import each other.
 */

/** localStorage of the extension's origin, the one store a page can read synchronously while it is parsed. */
export const FIRST_PAINT_KEY = 'popup.firstPaint.v1';

/** No list to show (no portal, or the portal removed): the next popup must not draw the old one first. */
export function forgetFirstPaint(): void {
  try {
    localStorage.removeItem(FIRST_PAINT_KEY);
  } catch {
    // Nothing stored.
  }
}
