import { directoryItem } from '../../shared/directory/items';
import type { MessagePayload } from '../../shared/messages/contract';
import { runPortalSync } from '../directory/portal-deps';

/** A cache younger than this is shown as is when the popup opens; older, a sync runs behind it. */
export const STALE_AFTER_MS = 5 * 60_000;

/**
 * Starts a sync of the portal's accounts and roles unless the cache is fresh (or `force`). Returns at once: the
 * popup renders the cache and updates in place as the sync saves progress.
 */
export async function syncDirectory({ portalId, force }: MessagePayload<'syncDirectory'>): Promise<null> {
  const directory = await directoryItem(portalId).get();
  const fresh = directory?.syncedAt !== undefined && Date.now() - directory.syncedAt < STALE_AFTER_MS;
  if (force || !fresh) void runPortalSync(portalId, { force }).catch(() => undefined);
  return null;
}
