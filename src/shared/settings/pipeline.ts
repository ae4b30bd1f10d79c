import { BACKUP_KEY, META_KEY, PREFERENCES_KEY, readMeta, SETTINGS_VERSION } from './meta';
import { migrate } from './migrations';
import { type KeyRecovery, recoverSnapshot } from './recover';
import { readSnapshot } from './snapshot';
import type { SettingsStorage, Snapshot } from './storage-port';

/**
 * Stored settings → settings of the current version, valid: migrate, give storage.sync another chance after a
 * fall-back, recover. Pure; the runner writes its result, and export, import and reset start from it so they
 * never act on data of an older layout.
 */

/** How long preferences stay in storage.local after storage.sync refused them before the next attempt. */
export const SYNC_RETRY_AFTER_MS = 60 * 60 * 1000;

export type Normalised =
  | { readonly status: 'newer'; readonly storedVersion: number; readonly area: 'local' | 'sync' }
  | {
      readonly status: 'ok';
      readonly from: number;
      readonly snapshot: Snapshot;
      readonly recovered: readonly KeyRecovery[];
      readonly notice: string | null;
    };

/** After a fall-back has aged, plan the preferences back into storage.sync; applyPlan falls back again if refused. */
export function retrySync(snapshot: Snapshot, now: number): Snapshot {
  const meta = readMeta(snapshot.local[META_KEY]);
  if (meta?.preferencesArea !== 'local' || !meta.fallback || now - meta.fallback.at < SYNC_RETRY_AFTER_MS) {
    return snapshot;
  }
  const { [PREFERENCES_KEY]: preferences, ...local } = snapshot.local;
  const sync =
    preferences === undefined ? snapshot.sync : { ...snapshot.sync, [PREFERENCES_KEY]: preferences };
  return { local: { ...local, [META_KEY]: { version: meta.version, preferencesArea: 'sync' } }, sync };
}

export function normalise(before: Snapshot, now: number): Normalised {
  const migrated = migrate(before, { now });
  if (migrated.status === 'newer') return migrated;
  const from = migrated.status === 'migrated' ? migrated.from : SETTINGS_VERSION;
  const recovery = recoverSnapshot(retrySync(migrated.snapshot, now), now);
  return {
    status: 'ok',
    from,
    snapshot: recovery.snapshot,
    recovered: recovery.recovered,
    notice: recovery.notice,
  };
}

/**
 * Reads and normalises; when normalising adds to the backup, reads again with the backup included so its
 * earlier entries are kept. `before` is what was read, for planWrites.
 */
export async function readNormalised(
  storage: SettingsStorage,
  now: number,
): Promise<{ before: Snapshot; result: Normalised }> {
  const before = await readSnapshot(storage);
  const result = normalise(before, now);
  if (result.status !== 'ok' || result.snapshot.local[BACKUP_KEY] === undefined) return { before, result };
  const full = await readSnapshot(storage, { backup: true });
  return { before: full, result: normalise(full, now) };
}
