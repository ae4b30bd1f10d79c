import { portalsItem } from '../../shared/storage/items';
import { pollUntilDone } from '../auth/device-flow';
import { updateBadge } from '../status/badge';
import { deviceFlowItem } from '../storage/secrets';

/**
 * On browser start and on install/update: resume any sign-in that was waiting for approval and show the right
 * badge. (Access tokens were in storage.session and are gone after a browser restart; the refresh token brings
 * a new one on first use.)
 */
export async function resumeAfterStart(): Promise<void> {
  const portals = await portalsItem.get();
  await updateBadge();
  await Promise.all(
    portals.map(async (portal) => {
      if (await deviceFlowItem(portal.id).get()) await pollUntilDone(portal.id);
    }),
  );
}
