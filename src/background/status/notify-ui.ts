import { browser } from '../../shared/browser';
import { UI_CHANGED } from '../../shared/messages/ui-changed';
import { updateBadge } from './badge';

/**
 * Tells open extension pages (popup, options) that what they show may have changed; they ask again. The
 * notice carries no data, so nothing secret travels and no page needs to read storage. Content scripts do not
 * receive runtime messages. No page open is normal, hence the swallowed rejection.
 */
export async function notifyUi(): Promise<void> {
  await Promise.all([
    updateBadge(),
    browser.runtime.sendMessage({ type: UI_CHANGED }).catch(() => undefined),
  ]);
}
