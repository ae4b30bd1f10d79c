import type { Portal } from '../../shared/portals/portal';
import { portalsItem } from '../../shared/storage/items';
import { UserFacingError } from '../messaging/user-facing-error';

export async function findPortal(portalId: string): Promise<Portal> {
  const portal = (await portalsItem.get()).find((p) => p.id === portalId);
  if (!portal) throw new UserFacingError('That portal is no longer configured. Reopen the popup.');
  return portal;
}
