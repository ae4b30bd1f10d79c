import { accountPrefsItem } from '../../shared/directory/items';
import type { MessagePayload } from '../../shared/messages/contract';
import { withSettingsLock } from '../../shared/settings/browser-storage';
import { lockPath, readLocks, refuseLocked } from '../settings/locks';
import { notifyUi } from '../status/notify-ui';

/**
 * Applies a change to what the user set on one account. The settings Web Lock serialises writers (popup and
 * options may both be open; an import or reset may run) so no change is lost between a read and a write. Empty
 * values remove the setting.
 */
export async function updateAccountPrefs({
  accountId,
  patch,
}: MessagePayload<'updateAccountPrefs'>): Promise<null> {
  const locks = await readLocks();
  await withSettingsLock(async () => {
    const all = await accountPrefsItem.get();
    const key = accountId;
    // Sending the value in force again (an editor saves every field) is no change; changing it is refused.
    const changing = Object.entries(patch).filter(
      ([field, value]) => value !== undefined && (all[key]?.[field as keyof typeof patch] ?? '') !== value,
    );
    refuseLocked(
      locks,
      changing.map(([field]) => lockPath.account(accountId, field)),
      'This account setting',
    );
    const merged: Record<string, unknown> = { ...all[key], ...patch };
    for (const [field, value] of Object.entries(merged)) {
      if (value === '' || value === false || (Array.isArray(value) && value.length === 0))
        delete merged[field];
    }
    const next = { ...all };
    if (Object.keys(merged).length === 0) delete next[key];
    else next[key] = merged as (typeof all)[string];
    await accountPrefsItem.set(next);
  });
  await notifyUi();
  return null;
}
