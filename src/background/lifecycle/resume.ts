import { portalsItem } from '../../shared/storage/items';
import { pollUntilDone } from '../auth/device-flow';
import { forgetExpiredRoleCredentials } from '../console/expired-credentials';
import { updateBadge } from '../status/badge';
import { deviceFlowItem } from '../storage/secrets';

/**
 * Runs every time the worker starts, whatever woke it (a message, an alarm, browser start): resumes any sign-in
 * that was waiting for approval when the previous worker stopped, redraws the badge, and deletes role
 * credentials that expired while no worker ran. Cheap when nothing is pending: a few storage reads. (Access tokens live in storage.session and are gone after a browser
 * restart; the refresh token brings a new one on first use.)
 */
export async function resumeAfterWorkerStart(): Promise<void> {
  const portals = await portalsItem.get();
  await updateBadge();
  await forgetExpiredRoleCredentials().catch(() => undefined);
  await Promise.all(
    portals.map(async (portal) => {
      if (await deviceFlowItem(portal.id).get()) await pollUntilDone(portal.id);
    }),
  );
}
