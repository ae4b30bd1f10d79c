/**
 * The directory's storage, declared once in src/shared/directory/items.ts because the popup reads it directly
 * (faster than waking the worker for its first render):
 * - `directory:<portalId>` (storage.local): the cached accounts and roles; a corrupt value reads as null, and
 *   the next sync starts afresh;
 * - `directory.progress:<portalId>` (storage.session): the sync in flight or last finished, stamped with
 *   `updatedAt`, so a popup opened mid-sync shows progress.
 */
export { directoryItem, syncProgressItem } from '../../shared/directory/items';
