import type { Portal } from '../../shared/portals/portal';
import { withSettingsLock } from '../../shared/settings/browser-storage';
import { effectiveSettings, managedPortalId } from '../../shared/settings/effective';
import { type ManagedSettings, readManaged } from '../../shared/settings/managed';
import { deepEqual } from '../../shared/settings/plain';
import { defineItem } from '../../shared/storage/define-item';
import { portalsItem, preferencesItem } from '../../shared/storage/items';
import { STORAGE } from '../../shared/storage/registry';
import { setKeepSignedIn } from '../auth/keep-signed-in';
import { cleanUpPortal, forgetSecrets } from '../handlers/portals';
import { notifyUi } from '../status/notify-ui';
import { portalsOnly } from './locks';

/**
 * Brings what this browser stores in line with the administrator's policy (storage.managed). Runs at every
 * worker start and when the policy changes (storage.onChanged, area 'managed'); writes nothing when all is
 * current.
 * - Nothing of the policy is copied to storage.local, which content scripts can write: every context's reads of
 *   account settings and preferences lay storage.managed itself over the user's own (managed-overlay.ts), and
 *   locks are read from it at each write (locks.ts). A copy older versions kept (`settings.managed`) is removed.
 * - Managed portals are written into `portals`, so sign-in, sync, popup and commands need nothing special: a
 *   portal the user already has keeps its id (its sign-in and cache stay); a new one gets managedPortalId(), the
 *   same on every run.
 * - A portal the policy added and no longer lists is removed like removePortal does, but only on a change event
 *   (`policyChanged`): at browser start Chrome may answer {} before it has loaded the policy, and taking that
 *   for "no policy" would sign users out of their organisation's portals at every start. (A policy removed while
 *   the browser was closed leaves its portals as ordinary ones, which the user can remove.)
 * - A managed keepSignedIn is applied as the user's switch is: the secrets move with it.
 */
/** Written by versions that kept a copy of the policy in storage.local; removed, never read. */
const legacyManagedCopy = defineItem(STORAGE.legacyManagedCopy);

export async function applyManagedSettings({ policyChanged = false } = {}): Promise<void> {
  const managed = await readManaged();
  await legacyManagedCopy.remove();
  const drop = (portal: Portal) => policyChanged && isFormerlyManaged(portal, managed);
  // Signed out while still stored: signing out at AWS needs the portal's region.
  for (const portal of (await portalsItem.get()).filter(drop)) await cleanUpPortal(portal.id);
  const { changed, moved } = await syncPortals(managed, drop);
  // A new region means a new client registration and new tokens; the old ones are of no use there.
  for (const portalId of moved) await forgetSecrets(portalId);
  const keep = managed.preferences.keepSignedIn;
  const keepChanged = keep !== undefined && (await preferencesItem.get()).keepSignedIn !== keep;
  if (keepChanged) await setKeepSignedIn(keep);
  // Every context reads the policy itself (managed-overlay.ts); open pages only need to know it changed.
  if (policyChanged || changed || keepChanged) await notifyUi();
}

/** Portals the policy created (their id is managedPortalId of their start URL) and lists no more. */
function isFormerlyManaged(portal: Portal, managed: ManagedSettings): boolean {
  return (
    portal.id === managedPortalId(portal.startUrl) &&
    !managed.portals.some((p) => p.startUrl === portal.startUrl)
  );
}

async function syncPortals(managed: ManagedSettings, drop: (portal: Portal) => boolean) {
  return withSettingsLock(async () => {
    const stored = await portalsItem.get();
    const kept = stored.filter((p) => !drop(p));
    const next: Portal[] = effectiveSettings(portalsOnly(kept), managed).portals.map(
      ({ managed: _managed, ...portal }) => portal,
    );
    const moved = next
      .filter((p) => stored.some((s) => s.id === p.id && s.region !== p.region))
      .map((p) => p.id);
    const changed = !deepEqual(stored, next);
    if (changed) await portalsItem.set(next);
    return { changed, moved };
  });
}
