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
import { getItems } from '../../shared/storage/define-item';
import { portalsItem } from '../../shared/storage/items';
import { type FirstScreen, firstScreenItem } from './first-screen';
import type { SyncProgress } from './sync-status';

export interface DirectoryData {
  portals: Portal[];
  directories: PortalDirectory[];
  prefs: Record<string, AccountPrefs>;
  usage: Record<string, RoleUsage>;
  progress: SyncProgress[];
  /** The list as last shown, drawn until the full directory is read (first-screen.ts says why). */
  firstScreen: FirstScreen | null;
  /** False while only the small keys are read: `directories` is empty and the first screen stands in. */
  complete: boolean;
}

/**
 * Phase one: the small keys, including the remembered first screen, in parallel. main.tsx starts this before
 * the first render so the popup's first frame already shows the list. Never fails: storage trouble shows as empty
 * until phase two says more.
 */
export async function loadFirstScreen(): Promise<DirectoryData> {
  const [portals, prefs, usage, firstScreen] = await getItems(
    portalsItem,
    accountPrefsItem,
    roleUsageItem,
    firstScreenItem,
  ).catch((): [Portal[], Record<string, AccountPrefs>, Record<string, RoleUsage>, null] => [
    [],
    {},
    {},
    null,
  ]);
  return { portals, directories: [], prefs, usage, progress: [], firstScreen, complete: false };
}

/**
 * Phase two, and every reload after it: everything the list shows, read straight from storage. The cache is
 * not secret, and reading it does not wait for the service worker to start.
 */
export async function loadDirectory(firstScreen: FirstScreen | null): Promise<DirectoryData> {
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
    firstScreen,
    complete: true,
  };
}

/** The directory, from the first screen at once to the full list; reloaded whenever the background announces a change. */
export function useDirectory(initial: DirectoryData): DirectoryData {
  const [data, setData] = useState<DirectoryData>(initial);
  useEffect(() => {
    let pending = false;
    const reload = () => {
      // Coalesce bursts of change notices (a sync saves every few hundred ms) into one read.
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        loadDirectory(initial.firstScreen).then(setData, () => undefined);
      });
    };
    loadDirectory(initial.firstScreen).then(setData, () => undefined);
    return onUiChanged(reload);
  }, [initial]);
  return data;
}
