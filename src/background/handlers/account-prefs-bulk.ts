import { accountPrefsItem } from '../../shared/directory/items';
import type { MessagePayload } from '../../shared/messages/contract';
import { withSettingsLock } from '../../shared/settings/browser-storage';
import { lockPath, readLocks } from '../settings/locks';
import { notifyUi } from '../status/notify-ui';

type Patch = MessagePayload<'bulkUpdateAccountPrefs'>['patch'];

/**
 * One change (colour, tier, region, hidden) for many accounts, from the settings page's bulk edit: one read and
 * one write of `accountPrefs` whatever the number of accounts (one message per account would rewrite a
 * 10,000-entry object 10,000 times). Fields the administrator manages are left as they are and counted, not
 * refused: a selection of hundreds of accounts should not fail because of one locked colour.
 */
export async function bulkUpdateAccountPrefs({
  accountIds,
  patch,
}: MessagePayload<'bulkUpdateAccountPrefs'>): Promise<{ updated: number; skippedLocked: number }> {
  const { locked } = await readLocks();
  const fields = Object.entries(patch).filter(([, value]) => value !== undefined) as [keyof Patch, unknown][];
  let updated = 0;
  let skippedLocked = 0;
  await withSettingsLock(async () => {
    const all = await accountPrefsItem.get();
    const next = { ...all };
    for (const accountId of new Set(accountIds)) {
      const entry: Record<string, unknown> = { ...all[accountId] };
      const allowed = fields.filter(([field]) => !locked.has(lockPath.account(accountId, field)));
      if (allowed.length < fields.length) skippedLocked++;
      if (allowed.length === 0) continue;
      for (const [field, value] of allowed) {
        if (value === '' || value === false) delete entry[field];
        else entry[field] = value;
      }
      if (Object.keys(entry).length === 0) delete next[accountId];
      else next[accountId] = entry as (typeof all)[string];
      updated++;
    }
    await accountPrefsItem.set(next);
  });
  await notifyUi();
  return { updated, skippedLocked };
}
