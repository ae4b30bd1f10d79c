import * as v from 'valibot';
import type { ManagedSettingsView } from '../../shared/messages/contract';
import type { Portal } from '../../shared/portals/portal';
import { effectiveSettings, lockPath, type UserSettings } from '../../shared/settings/effective';
import { type ManagedSettings, readManaged } from '../../shared/settings/managed';
import { type Preferences, PreferencesSchema, portalsItem } from '../../shared/storage/items';
import { UserFacingError } from '../messaging/user-facing-error';

/**
 * What the administrator locks and the stored portals, the way the UI is told (effectiveSettings().locked).
 */
export interface Locks {
  readonly managed: ManagedSettings;
  readonly locked: ReadonlySet<string>;
}

const DEFAULT_PREFERENCES: Preferences = v.parse(PreferencesSchema, {});

/** effectiveSettings' input when only portals matter (locks and portal ids do not depend on the rest). */
export function portalsOnly(portals: readonly Portal[]): UserSettings {
  return { portals, preferences: DEFAULT_PREFERENCES, accountPrefs: {} };
}

/**
 * Locks for a write the user asked for, from storage.managed itself, read at each write. Never from a copy in
 * storage.local: content scripts can write there (docs/security.md), and a lock must not be liftable by them.
 * The price: right after the browser starts, Chromium may take seconds to answer (2.6 s measured) while it
 * loads policies, and a setting changed in those seconds waits for it.
 */
export async function readLocks(): Promise<Locks> {
  const [managed, portals] = await Promise.all([readManaged(), portalsItem.get()]);
  return { managed, locked: effectiveSettings(portalsOnly(portals), managed).locked };
}

export async function managedSettingsView(): Promise<ManagedSettingsView> {
  const [managed, portals] = await Promise.all([readManaged(), portalsItem.get()]);
  const effective = effectiveSettings(portalsOnly(portals), managed);
  const idOf = (startUrl: string) => effective.portals.find((p) => p.startUrl === startUrl)?.id ?? '';
  return {
    ...managed,
    portals: managed.portals.map((portal) => ({ ...portal, id: idOf(portal.startUrl) })),
    locked: [...effective.locked],
  };
}

export const SET_BY_ORGANISATION = 'is set by your organisation and cannot be changed here.';

/** Refuses a change to any of `paths` that the administrator locks; `what` names it for the user. */
export function refuseLocked(locks: Locks, paths: readonly string[], what: string): void {
  if (paths.some((path) => locks.locked.has(path)))
    throw new UserFacingError(`${what} ${SET_BY_ORGANISATION}`);
}

export { lockPath };
