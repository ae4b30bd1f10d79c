/**
 * The part of the Web Locks API the background uses (`navigator.locks.request` with an exclusive lock, and
 * `ifAvailable`), for unit tests on Node 20, which has no `navigator.locks`. Grants in request order, like the
 * browser; a lock is held until the callback's promise settles.
 */
export interface FakeLockManager {
  request<T>(name: string, ...rest: unknown[]): Promise<T>;
  /** Names of the locks held now. */
  held(): string[];
}

type Callback = (lock: { name: string } | null) => unknown;

export function createWebLocks(): FakeLockManager {
  const tails = new Map<string, Promise<void>>();
  const holders = new Set<string>();
  return {
    request<T>(name: string, ...rest: unknown[]): Promise<T> {
      const callback = rest.at(-1) as Callback;
      const options = (rest.length > 1 ? rest[0] : {}) as { ifAvailable?: boolean };
      if (options.ifAvailable && tails.has(name)) return Promise.resolve(callback(null) as T);
      const previous = tails.get(name) ?? Promise.resolve();
      let release = () => {};
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(name, tail);
      return previous.then(async () => {
        holders.add(name);
        try {
          return (await callback({ name })) as T;
        } finally {
          holders.delete(name);
          if (tails.get(name) === tail) tails.delete(name);
          release();
        }
      });
    },
    held: () => [...holders],
  };
}
