import { accountPrefsItem } from '../../shared/directory/items';
import type { MessagePayload } from '../../shared/messages/contract';
import { notifyUi } from '../status/notify-ui';

/**
 * Applies a change to what the user set on one account. A Web Lock serialises writers (popup and options may
 * both be open) so no change is lost between a read and a write. Empty values remove the setting.
 */
export async function updateAccountPrefs({
  accountId,
  patch,
}: MessagePayload<'updateAccountPrefs'>): Promise<null> {
  await navigator.locks.request('account-prefs', async () => {
    const all = await accountPrefsItem.get();
    const key = accountId;
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
