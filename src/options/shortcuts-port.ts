import { browser } from '../shared/browser';
import { favoriteRoles } from '../shared/directory/favorites';
import { accountPrefsItem, directoryItem } from '../shared/directory/items';
import type { PortalDirectory, RoleEntry } from '../shared/directory/model';
import { onUiChanged } from '../shared/messages/ui-changed';
import { portalsItem } from '../shared/storage/items';

/** One keyboard command as the browser has it now: the user may have changed or removed its key. */
export interface ShortcutInfo {
  readonly name: string;
  readonly description: string;
  /** As the browser shows it, e.g. "Alt+Shift+1"; empty when unset. */
  readonly shortcut: string;
}

/**
 * What the settings page's shortcut section needs, behind an interface so the component is testable without
 * a browser. Commands come from `commands.getAll()` (an extension page may call it: it holds no secret);
 * favourites from the directory cache and account settings in storage.local, which are not secret either.
 */
export interface ShortcutsPort {
  commands(): Promise<ShortcutInfo[]>;
  favorites(): Promise<RoleEntry[]>;
  /** Opens the browser's shortcut editor; 'manual' when the browser offers no way to, so the page explains. */
  openShortcutSettings(): Promise<'opened' | 'manual'>;
  /** Calls back when favourites or bindings may have changed. Returns the unsubscribe function. */
  onChange(callback: () => void): () => void;
}

type CommandsWithSettings = typeof browser.commands & { openShortcutSettings?: () => Promise<void> };

export function browserShortcuts(): ShortcutsPort {
  return {
    async commands() {
      const all = (await browser.commands?.getAll()) ?? [];
      return all.map((c) => ({
        name: c.name ?? '',
        description: c.description ?? '',
        shortcut: c.shortcut ?? '',
      }));
    },
    async favorites() {
      const portals = await portalsItem.get();
      const [directories, prefs] = await Promise.all([
        Promise.all(portals.map((p) => directoryItem(p.id).get())),
        accountPrefsItem.get(),
      ]);
      return favoriteRoles(
        directories.filter((d): d is PortalDirectory => d !== null),
        prefs,
      );
    },
    async openShortcutSettings() {
      const commands = browser.commands as CommandsWithSettings | undefined;
      // Firefox 137+.
      if (typeof commands?.openShortcutSettings === 'function') {
        await commands.openShortcutSettings();
        return 'opened';
      }
      // Chrome (and Edge, which maps chrome:// to edge://): a link to chrome:// is blocked, tabs.create is not.
      if (typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function') {
        await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
        return 'opened';
      }
      return 'manual';
    },
    onChange(callback) {
      // Chrome tells nobody when a key is changed in its shortcut page: read again when the user comes back.
      const onVisible = () => {
        if (document.visibilityState === 'visible') callback();
      };
      document.addEventListener('visibilitychange', onVisible);
      const stop = onUiChanged(callback);
      return () => {
        document.removeEventListener('visibilitychange', onVisible);
        stop();
      };
    },
  };
}
