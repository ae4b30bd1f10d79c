import { browserSettingsStorage } from './browser-storage';
import { SETTINGS_VERSION } from './meta';
import { readNormalised } from './pipeline';
import { applyPlan, isEmptyPlan, planWrites } from './snapshot';
import { SETTINGS_LOCK, type SettingsStorage } from './storage-port';

export type RunResult =
  /** Stored by a newer version of the extension (here, or in another browser through storage.sync): untouched. */
  | { readonly status: 'newer'; readonly storedVersion: number; readonly area: 'local' | 'sync' }
  | {
      readonly status: 'current' | 'migrated';
      readonly from: number;
      readonly to: number;
      /** "Some settings were unreadable…", also saved in `settings.notice`; null when all was readable. */
      readonly notice: string | null;
      /** Whether anything was written (false on every run after the first). */
      readonly wrote: boolean;
    };

/**
 * Brings stored settings to the current version and repairs them. Call on runtime.onInstalled (install and
 * update) and at every worker start: when all is current and valid it reads two small sets of keys and writes
 * nothing. Holds the `settings` Web Lock, so concurrent calls (two events, two contexts) run one after the other
 * and the second finds nothing to do.
 */
export function runMigrations(
  storage: SettingsStorage = browserSettingsStorage,
  now: () => number = Date.now,
): Promise<RunResult> {
  return storage.withLock(SETTINGS_LOCK, async () => {
    const { before, result } = await readNormalised(storage, now());
    if (result.status === 'newer') return result;
    const plan = planWrites(before, result.snapshot);
    const wrote = !isEmptyPlan(plan);
    if (wrote) await applyPlan(storage, plan, now());
    return {
      status: result.from === SETTINGS_VERSION ? 'current' : 'migrated',
      from: result.from,
      to: SETTINGS_VERSION,
      notice: result.notice,
      wrote,
    };
  });
}
