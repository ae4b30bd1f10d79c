import { browser } from '../browser';

/**
 * Calls back when any storage.local (or storage.sync) key matching `matches` changes. For content scripts, which cannot receive the
 * background's "ui:changed" notice; they only ever see storage.local (never the session area with tokens).
 */
export function onLocalKeysChanged(
  matches: (key: string) => boolean,
  callback: () => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    // Preferences may live in storage.sync (src/shared/settings); sync never holds a secret either.
    if ((area === 'local' || area === 'sync') && Object.keys(changes).some(matches)) callback();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
}
