import { browser } from '../../shared/browser';
import { UI_CHANGED } from '../../shared/messages/ui-changed';
import { updateBadge } from './badge';

/**
 * Tells open extension pages (popup, options) that what they show may have changed; they ask again. The
 * notice carries no data, so nothing secret travels and no page needs to read storage. Content scripts do not
 * receive runtime messages. No page open is normal, hence the swallowed rejection.
 */
export async function notifyUi(): Promise<void> {
  await Promise.all([updateBadge(), notifyPages()]);
}

/**
 * The same notice without redrawing the badge, for changes that cannot alter it: a sync reports progress a few
 * times a second, and the badge's reads and writes would take the worker from the sync's own requests.
 */
export async function notifyPages(): Promise<void> {
  await browser.runtime.sendMessage({ type: UI_CHANGED }).catch(() => undefined);
}
