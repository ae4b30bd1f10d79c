import { useEffect, useState } from 'preact/hooks';
import {
  accountPrefsItem,
  directoryItem,
  roleUsageItem,
  syncProgressItem,
} from '../../shared/directory/items';
import type { AccountPrefs, PortalDirectory, RoleUsage } from '../../shared/directory/model';
import { onUiChanged } from '../../shared/messages/ui-changed';
import type { Portal } from '../../shared/portals/portal';
import { portalsItem } from '../../shared/storage/items';
import type { SyncProgress } from './sync-status';

export interface DirectoryData {
  portals: Portal[];
  directories: PortalDirectory[];
  prefs: Record<string, AccountPrefs>;
  usage: Record<string, RoleUsage>;
  progress: SyncProgress[];
}

/**
 * Everything the list shows, read straight from storage: the cache is not secret, and reading it does not wait
 * for the service worker to start, so the list renders at once. Reloaded whenever the background announces a
 * change (a sync saving progress, a favourite set).
 */
export async function loadDirectory(): Promise<DirectoryData> {
  const portals = await portalsItem.get();
  const [directories, prefs, usage, progress] = await Promise.all([
    Promise.all(portals.map((p) => directoryItem(p.id).get())),
    accountPrefsItem.get(),
    roleUsageItem.get(),
    Promise.all(portals.map((p) => syncProgressItem(p.id).get())),
  ]);
  return {
    portals,
    directories: directories.filter((d): d is PortalDirectory => d !== null),
    prefs,
    usage,
    progress: progress.filter((p): p is SyncProgress => p !== null),
  };
}

export function useDirectory(): DirectoryData | null {
  const [data, setData] = useState<DirectoryData | null>(null);
  useEffect(() => {
    let pending = false;
    const reload = () => {
      // Coalesce bursts of change notices (a sync saves every few hundred ms) into one read.
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        loadDirectory().then(setData, () => undefined);
      });
    };
    loadDirectory().then(setData, () => undefined);
    return onUiChanged(reload);
  }, []);
  return data;
}
