import { directoryItem } from '../../shared/directory/items';
import { portalsItem } from '../../shared/storage/items';

/**
 * An account's name as the cached directory has it: in one portal's cache when the caller knows the portal,
 * else in the first portal that lists it. Null when no cache has it (not synced yet).
 */
export async function cachedAccountName(accountId: string, portalId?: string): Promise<string | null> {
  const portalIds = portalId ? [portalId] : (await portalsItem.get()).map((p) => p.id);
  for (const id of portalIds) {
    const account = (await directoryItem(id).get())?.accounts.find((a) => a.accountId === accountId);
    if (account) return account.accountName;
  }
  return null;
}
