import { onAreaChanged } from './areas';

/**
 * Calls back when any storage.local, storage.sync or storage.managed key matching `matches` changes. For content scripts, which cannot receive the
 * background's "ui:changed" notice; they only ever see storage.local (never the session area with tokens).
 */
export function onLocalKeysChanged(
  matches: (key: string) => boolean,
  callback: () => void,
  signal: AbortSignal,
): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    // Preferences may live in storage.sync (src/shared/settings); sync never holds a secret either. An
    // administrator's policy (storage.managed, Chrome only: Firefox reads it at start) overrides account settings.
    if (area !== 'session' && Object.keys(changes).some(matches)) callback();
  };
  const stop = onAreaChanged(listener);
  signal.addEventListener('abort', stop);
}
