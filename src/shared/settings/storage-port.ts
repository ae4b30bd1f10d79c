/**
 * The slice of extension storage the settings model needs. Functions take this instead of importing `browser`, so
 * unit tests pass an in-memory fake (test/support/memory-storage.ts) and the extension passes browser-storage.ts.
 */

export type SettingsAreaName = 'local' | 'sync';

export interface AreaPort {
  /** The stored values of `keys`; absent keys are absent from the result. */
  get(keys: readonly string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
}

export interface SettingsStorage {
  readonly local: AreaPort;
  readonly sync: AreaPort;
  /** Runs `task` holding the exclusive Web Lock `name`, so two contexts never rewrite settings at once. */
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** storage.managed: read-only, written by an administrator's policy. */
export interface ManagedPort {
  get(): Promise<Record<string, unknown>>;
}

/** Plain copies of the settings keys of both areas: what migrations and recovery work on. */
export interface Snapshot {
  readonly local: Record<string, unknown>;
  readonly sync: Record<string, unknown>;
}

/** The one Web Lock every settings rewrite holds (runner, import, reset). */
export const SETTINGS_LOCK = 'settings';
