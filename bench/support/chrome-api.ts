/**
 * The bits of the `chrome` global the bench calls inside extension pages and the worker. A type, not a global
 * declaration, so it cannot clash with the e2e tests' own; code run by `evaluate` reads it as
 * `(globalThis as unknown as ChromeGlobal).chrome`.
 */
interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  clear(): Promise<void>;
  getBytesInUse(keys?: string | string[] | null): Promise<number>;
}

interface StorageChange {
  newValue?: unknown;
  oldValue?: unknown;
}

export interface ChromeGlobal {
  chrome: {
    runtime: { sendMessage(message: unknown): Promise<unknown>; id: string };
    storage: Record<'local' | 'session', StorageArea> & {
      onChanged: {
        addListener(listener: (changes: Record<string, StorageChange>, area: string) => void): void;
        removeListener(listener: (changes: Record<string, StorageChange>, area: string) => void): void;
      };
    };
  };
}
