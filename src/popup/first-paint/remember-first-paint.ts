import { FIRST_PAINT_KEY } from '../../ui/first-paint-key';
import { APP_ROOT_ID } from './snapshot-format';
import { takeSnapshot } from './take-snapshot';

/**
 * Keeps the popup as it stands now as the next first paint. Called when the list is at rest (complete, no
 * search, no dialog). Not secret: account names, ids and emails the directory cache in storage.local already
 * holds, in the extension's own origin, which content scripts and web pages cannot read. Costs no write when
 * nothing changed.
 */
export function rememberFirstPaint(): void {
  const root = document.getElementById(APP_ROOT_ID);
  if (!root) return;
  try {
    const picture = takeSnapshot(root);
    if (picture === null) localStorage.removeItem(FIRST_PAINT_KEY);
    else if (localStorage.getItem(FIRST_PAINT_KEY) !== picture)
      localStorage.setItem(FIRST_PAINT_KEY, picture);
  } catch {
    // Storage full or refused: the popup just starts without a head start.
  }
}
