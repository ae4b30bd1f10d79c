import { accountPrefsItem, directoryItem, roleUsageItem } from '../../shared/directory/items';
import type { AccountPrefs, PortalDirectory, RoleUsage } from '../../shared/directory/model';
import type { Portal } from '../../shared/portals/portal';
import { getItems } from '../../shared/storage/define-item';
import { portalsItem } from '../../shared/storage/items';

/** What the keyboard features (shortcuts, omnibox) decide from: the popup's data, read fresh per event. */
export interface DirectorySnapshot {
  readonly portals: readonly Portal[];
  /** In the user's portal order; portals without a cache are left out. */
  readonly directories: readonly PortalDirectory[];
  readonly prefs: Readonly<Record<string, AccountPrefs>>;
  readonly usage: Readonly<Record<string, RoleUsage>>;
}

/**
 * Read from storage on every event, never kept in memory: the worker may stop between two keystrokes, and
 * the popup or a sync may have changed any of it. Two storage round trips: the small keys together, then
 * every portal's cache in parallel.
 */
export async function readDirectorySnapshot(): Promise<DirectorySnapshot> {
  const [portals, prefs, usage] = await getItems(portalsItem, accountPrefsItem, roleUsageItem);
  const directories = await Promise.all(portals.map((p) => directoryItem(p.id).get()));
  return {
    portals,
    directories: directories.filter((d): d is PortalDirectory => d !== null),
    prefs,
    usage,
  };
}
