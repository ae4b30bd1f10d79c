import { classifySyncError, fallbackMeta } from './area';
import { LOCAL_SETTINGS_KEYS, SYNC_SETTINGS_KEYS } from './keys';
import { BACKUP_KEY, type FallbackReason, META_KEY, PREFERENCES_KEY, readMeta } from './meta';
import { deepEqual } from './plain';
import type { SettingsStorage, Snapshot } from './storage-port';

/**
 * Reading the settings keys of both areas into a snapshot, and writing back only what changed. Only declared
 * settings keys are read: secrets and caches are never even loaded. The backup (up to 1 MiB) is read only by
 * those about to add to it, so the check at every worker start stays small.
 */

export async function readSnapshot(
  storage: SettingsStorage,
  options: { backup?: boolean } = {},
): Promise<Snapshot> {
  const keys = options.backup ? LOCAL_SETTINGS_KEYS : LOCAL_SETTINGS_KEYS.filter((key) => key !== BACKUP_KEY);
  const local = await storage.local.get(keys);
  // Unreadable sync (switched off, not supported) reads as empty; writes to it then fall back to local.
  const sync = await storage.sync.get(SYNC_SETTINGS_KEYS).catch(() => ({}));
  return { local, sync };
}

export interface AreaPlan {
  readonly set: Record<string, unknown>;
  readonly remove: string[];
}

export interface WritePlan {
  readonly local: AreaPlan;
  readonly sync: AreaPlan;
}

function planArea(before: Record<string, unknown>, after: Record<string, unknown>): AreaPlan {
  const set: Record<string, unknown> = {};
  const remove: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (after[key] === undefined) {
      if (before[key] !== undefined) remove.push(key);
    } else if (!deepEqual(before[key], after[key])) {
      set[key] = after[key];
    }
  }
  return { set, remove };
}

export function planWrites(before: Snapshot, after: Snapshot): WritePlan {
  return { local: planArea(before.local, after.local), sync: planArea(before.sync, after.sync) };
}

export function isEmptyPlan(plan: WritePlan): boolean {
  return [plan.local, plan.sync].every(
    (area) => Object.keys(area.set).length === 0 && area.remove.length === 0,
  );
}

/**
 * Writes a plan in the order that survives being cut short (the worker may stop between any two calls): new
 * values first, then removals of what moved, and the local version marker last, so a rerun of an interrupted
 * migration starts from data it can still read. If storage.sync refuses its part, the preferences go to
 * storage.local instead and the marker records the fall-back.
 */
export async function applyPlan(
  storage: SettingsStorage,
  plan: WritePlan,
  now: number,
): Promise<{ syncRefused: FallbackReason | null }> {
  const localSet = { ...plan.local.set };
  let localRemove = [...plan.local.remove];
  let syncRefused: FallbackReason | null = null;
  if (Object.keys(plan.sync.set).length > 0) {
    try {
      await storage.sync.set(plan.sync.set);
    } catch (error) {
      const preferences = plan.sync.set[PREFERENCES_KEY];
      if (preferences !== undefined) {
        localSet[PREFERENCES_KEY] = preferences;
        localRemove = localRemove.filter((key) => key !== PREFERENCES_KEY);
      }
      const meta = readMeta(localSet[META_KEY]) ?? readMeta((await storage.local.get([META_KEY]))[META_KEY]);
      syncRefused = classifySyncError(error);
      localSet[META_KEY] = fallbackMeta(meta, syncRefused, now);
    }
  }
  const { [META_KEY]: meta, ...values } = localSet;
  if (Object.keys(values).length > 0) await storage.local.set(values);
  if (plan.sync.remove.length > 0) await storage.sync.remove(plan.sync.remove).catch(() => undefined);
  if (localRemove.length > 0) await storage.local.remove(localRemove);
  if (meta !== undefined) await storage.local.set({ [META_KEY]: meta });
  return { syncRefused };
}
