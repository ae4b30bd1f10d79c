import { readArea, removeFromArea, writeArea } from '../../shared/storage/areas';
import { type Preferences, portalsItem, preferencesItem } from '../../shared/storage/items';
import { refreshTokenItem, registrationItem } from '../storage/secrets';

/**
 * Turns "keep me signed in across browser restarts" on or off, moving the refresh token and client
 * registration between storage.local (sealed) and storage.session so the user stays signed in now, and the
 * change takes effect at the next restart.
 */
export async function setKeepSignedIn(keepSignedIn: boolean): Promise<Preferences> {
  const current = await preferencesItem.get();
  if (current.keepSignedIn === keepSignedIn) return current;
  const [from, to] = keepSignedIn ? (['session', 'local'] as const) : (['local', 'session'] as const);
  const portals = await portalsItem.get();
  const keys = portals.flatMap((p) => [registrationItem(p.id).key, refreshTokenItem(p.id).key]);
  const values = await readArea(from, keys);
  const next = { ...current, keepSignedIn };
  await writeArea(to, values);
  await preferencesItem.set(next);
  await removeFromArea(from, keys);
  return next;
}
