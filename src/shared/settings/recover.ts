import * as v from 'valibot';
import { appendBackups, type BackupInput } from './backup';
import { SETTINGS } from './keys';
import { BACKUP_KEY, META_KEY, NOTICE_KEY, readMeta } from './meta';
import { formatPath, type PathSegment } from './path';
import { isPlainObject } from './plain';
import { type Change, type Problem, salvage } from './salvage';
import type { Snapshot } from './storage-port';

/**
 * Repairs stored settings that do not match their schema (an old bug, a hand edit, a half-synced value): keeps
 * what is valid at the finest grain (salvage.ts), drops the rest, saves the original in `settings.backup` and
 * leaves a notice for the settings page. A key with nothing worth keeping is removed, so reads give its default
 * and a synced key does not push defaults to the user's other browsers. Pure over a snapshot of the current
 * version; the runner writes the result.
 */

export interface KeyRecovery {
  readonly key: string;
  readonly area: 'local' | 'sync';
  readonly problems: readonly Problem[];
  readonly changes: readonly Change[];
}

export interface RecoveryResult {
  readonly snapshot: Snapshot;
  readonly recovered: readonly KeyRecovery[];
  /** For the UI, or null when everything was readable. */
  readonly notice: string | null;
}

const MAX_LISTED = 5;

export function recoveryNotice(recovered: readonly KeyRecovery[]): string | null {
  const paths = recovered.flatMap((entry) => entry.changes.map((change) => formatPath(change.path)));
  if (paths.length === 0) return null;
  const listed = paths.slice(0, MAX_LISTED).join(', ');
  const more = paths.length > MAX_LISTED ? ` and ${paths.length - MAX_LISTED} more` : '';
  return `Some settings were unreadable and were reset: ${listed}${more}; a copy was kept.`;
}

/** Later portals that reuse an id would share the first one's secrets and cache: they go. */
function dropDuplicatePortals(portals: unknown, changes: Change[]): unknown {
  if (!Array.isArray(portals)) return portals;
  const seen = new Set<unknown>();
  return portals.filter((portal, index) => {
    const id = isPlainObject(portal) ? portal.id : undefined;
    if (!seen.has(id)) {
      seen.add(id);
      return true;
    }
    changes.push({ path: ['portals', index], action: 'removed', original: portal });
    return false;
  });
}

export function recoverSnapshot(snapshot: Snapshot, now: number): RecoveryResult {
  const local = { ...snapshot.local };
  const sync = { ...snapshot.sync };
  const preferencesArea = readMeta(local[META_KEY])?.preferencesArea === 'sync' ? 'sync' : 'local';
  const recovered: KeyRecovery[] = [];
  const backups: BackupInput[] = [];
  for (const setting of SETTINGS) {
    const area = setting.area === 'preferences' ? preferencesArea : 'local';
    const values = area === 'sync' ? sync : local;
    const original = values[setting.key];
    if (original === undefined) continue;
    // The common case, checked whole first: a valid value needs no walk (usage can have thousands of entries).
    const result = v.is(setting.schema, original)
      ? { value: original, problems: [], changes: [] }
      : salvage(setting.schema, original, setting.fallback, [setting.key]);
    const changes = [...result.changes];
    const value = setting.key === 'portals' ? dropDuplicatePortals(result.value, changes) : result.value;
    if (changes.length === 0) continue;
    const wholeReset = changes.some((change) => change.path.length === 1 && change.action === 'reset');
    if (wholeReset) delete values[setting.key];
    else values[setting.key] = value;
    recovered.push({ key: setting.key, area, problems: result.problems, changes });
    backups.push({
      savedAt: now,
      key: setting.key,
      area,
      reason: 'unreadable',
      value: original,
      parts: changes.map((change) => ({ path: change.path as PathSegment[], value: change.original })),
    });
  }
  const notice = recoveryNotice(recovered);
  if (notice) {
    local[BACKUP_KEY] = appendBackups(local[BACKUP_KEY], backups);
    local[NOTICE_KEY] = { text: notice, at: now };
  }
  return { snapshot: { local, sync }, recovered, notice };
}
