import * as v from 'valibot';
import type { BatchItem, ItemSource } from '../storage/define-item';
import { reportInvalid } from '../storage/report';
import { preferencesArea, writeRoamingPreferences } from './area';
import { browserSettingsStorage } from './browser-storage';
import { DEVICE_PREFERENCES_KEY, PREFERENCES_KEY } from './meta';
import { isPlainObject } from './plain';
import { salvage } from './salvage';
import type { SettingsStorage } from './storage-port';

/**
 * The `preferences` item of storage/items.ts, stored in two parts: the fields that follow the user in
 * `preferences` (storage.sync, or storage.local after a fall-back) and the ones that belong to this browser in
 * `preferences.device` (storage.local). Callers keep seeing one Preferences object.
 *
 * Reads keep every valid field (an invalid one reads as its default, not the whole object), and read a version 1
 * layout right before the migration ran (keepSignedIn still inside `preferences` in storage.local), which
 * matters: reading it as the default would put refresh tokens on disk for a user who said no. Writes keep fields
 * this version does not know, which a newer version in another browser may have synced.
 */
export interface PreferencesItemSpec<T extends Record<string, unknown>> {
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fallback: T;
  /** Fields stored with this browser only. */
  readonly deviceFields: readonly (keyof T & string)[];
}

/** Its sources(): the roaming part where preferencesArea() says, then the device part. */
export type PreferencesItem<T> = BatchItem<T>;

export function definePreferencesItem<T extends Record<string, unknown>>(
  spec: PreferencesItemSpec<T>,
  storage: SettingsStorage = browserSettingsStorage,
): PreferencesItem<T> {
  const isDevice = (key: string) => (spec.deviceFields as readonly string[]).includes(key);
  const entries = (spec.schema as { entries?: Record<string, unknown> }).entries ?? {};

  const sources = async (): Promise<ItemSource[]> => [
    { area: await preferencesArea(storage), key: PREFERENCES_KEY },
    { area: 'local', key: DEVICE_PREFERENCES_KEY },
  ];

  async function readRaw(): Promise<[unknown, unknown]> {
    const [roaming, device] = await sources();
    const local = await storage.local.get([PREFERENCES_KEY, DEVICE_PREFERENCES_KEY]);
    const fromArea =
      roaming?.area === 'sync'
        ? await storage.sync
            .get([PREFERENCES_KEY])
            .then((values) => values[PREFERENCES_KEY])
            // storage.sync unreadable: what this browser last kept locally, if anything.
            .catch(() => local[PREFERENCES_KEY])
        : local[PREFERENCES_KEY];
    return [fromArea, local[device?.key ?? DEVICE_PREFERENCES_KEY]];
  }

  const parseSources = ([roaming, device]: readonly unknown[]): T => {
    // Version 1 kept device fields inside `preferences`; the device key, when present, is newer.
    const merged = { ...(isPlainObject(roaming) ? roaming : {}), ...(isPlainObject(device) ? device : {}) };
    const whole = v.safeParse(spec.schema, merged);
    if (whole.success) return whole.output;
    // Untrusted like every stored value (docs/security.md): reported, and only its bad fields dropped.
    reportInvalid(PREFERENCES_KEY, 'sync or local', whole.issues);
    const parsed = v.safeParse(spec.schema, salvage(spec.schema, merged, spec.fallback).value);
    return parsed.success ? parsed.output : spec.fallback;
  };

  return {
    key: PREFERENCES_KEY,
    sources,
    parseSources,
    get: async () => parseSources(await readRaw()),
    async set(value) {
      const [stored] = await readRaw();
      const unknown = Object.entries(isPlainObject(stored) ? stored : {}).filter(
        ([key]) => !(key in entries) && !isDevice(key),
      );
      const roaming = Object.entries(value).filter(([key]) => !isDevice(key));
      const device = Object.entries(value).filter(([key]) => isDevice(key));
      await storage.local.set({ [DEVICE_PREFERENCES_KEY]: Object.fromEntries(device) });
      await writeRoamingPreferences(storage, Object.fromEntries([...unknown, ...roaming]));
    },
    async remove() {
      await storage.local.remove([PREFERENCES_KEY, DEVICE_PREFERENCES_KEY]);
      await storage.sync.remove([PREFERENCES_KEY]).catch(() => undefined);
    },
  };
}
