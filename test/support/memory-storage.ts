import { jsonBytes } from '../../src/shared/settings/plain';
import type {
  AreaPort,
  SettingsAreaName,
  SettingsStorage,
  Snapshot,
} from '../../src/shared/settings/storage-port';

/**
 * An in-memory SettingsStorage for unit tests. Values are copied through JSON like the real areas do, every
 * call is recorded, and storage.sync can be made to fail the way Chrome's does (per-item and total quotas, or
 * unavailable altogether).
 */
export interface MemoryStorageOptions {
  readonly syncQuotaBytesPerItem?: number;
  readonly syncQuotaBytes?: number;
  readonly syncUnavailable?: boolean;
}

export interface StorageCall {
  readonly area: SettingsAreaName;
  readonly op: 'get' | 'set' | 'remove';
  readonly keys: readonly string[];
}

export interface MemoryStorage extends SettingsStorage {
  readonly calls: StorageCall[];
  dump(): Snapshot;
  /** The calls that changed something. */
  writes(): StorageCall[];
}

const copy = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

export function memoryStorage(
  initial: Partial<Snapshot> = {},
  options: MemoryStorageOptions = {},
): MemoryStorage {
  const data: Record<SettingsAreaName, Record<string, unknown>> = {
    local: copy(initial.local ?? {}),
    sync: copy(initial.sync ?? {}),
  };
  const calls: StorageCall[] = [];
  const locks = new Map<string, Promise<unknown>>();

  const checkSync = (items: Record<string, unknown>) => {
    if (options.syncUnavailable) throw new Error('storage.sync is disabled');
    for (const [key, value] of Object.entries(items)) {
      if (
        options.syncQuotaBytesPerItem !== undefined &&
        key.length + jsonBytes(value) > options.syncQuotaBytesPerItem
      )
        throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
    }
    const total = jsonBytes({ ...data.sync, ...items });
    if (options.syncQuotaBytes !== undefined && total > options.syncQuotaBytes)
      throw new Error('QUOTA_BYTES quota exceeded');
  };

  const area = (name: SettingsAreaName): AreaPort => ({
    async get(keys) {
      calls.push({ area: name, op: 'get', keys: [...keys] });
      if (name === 'sync' && options.syncUnavailable) throw new Error('storage.sync is disabled');
      const out: Record<string, unknown> = {};
      for (const key of keys) if (key in data[name]) out[key] = copy(data[name][key]);
      return out;
    },
    async set(items) {
      calls.push({ area: name, op: 'set', keys: Object.keys(items) });
      if (name === 'sync') checkSync(items);
      for (const [key, value] of Object.entries(items)) data[name][key] = copy(value);
    },
    async remove(keys) {
      calls.push({ area: name, op: 'remove', keys: [...keys] });
      if (name === 'sync' && options.syncUnavailable) throw new Error('storage.sync is disabled');
      for (const key of keys) delete data[name][key];
    },
  });

  return {
    local: area('local'),
    sync: area('sync'),
    calls,
    // A queue per name: the same exclusivity as navigator.locks.request without its options.
    withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
      const previous = locks.get(name) ?? Promise.resolve();
      const next = previous.then(task, task);
      locks.set(
        name,
        next.catch(() => undefined),
      );
      return next;
    },
    dump: () => ({ local: copy(data.local), sync: copy(data.sync) }),
    writes: () => calls.filter((call) => call.op !== 'get'),
  };
}
