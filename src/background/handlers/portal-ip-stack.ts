import type { MessagePayload } from '../../shared/messages/contract';
import { portalsItem } from '../../shared/storage/items';
import { cancelSignIn } from '../auth/device-flow';
import { lockPath, readLocks, refuseLocked } from '../settings/locks';
import { notifyUi } from '../status/notify-ui';
import { deviceFlowItem } from '../storage/secrets';

/**
 * Forces a portal's endpoints to IPv4 or dual-stack, or back to automatic (docs/aws-protocol.md §1). Tokens and
 * the client registration stay: they belong to the region, not to an endpoint family. A sign-in under way is
 * cancelled, because AWS chose its verification link by the endpoint it was started on.
 */
export async function setPortalIpStack({
  portalId,
  ipStack,
}: MessagePayload<'setPortalIpStack'>): Promise<null> {
  refuseLocked(await readLocks(), [lockPath.portal(portalId, 'ipStack')], 'This portal’s endpoints');
  const portals = await portalsItem.get();
  await portalsItem.set(
    portals.map((p) => {
      if (p.id !== portalId) return p;
      const { ipStack: _old, ...rest } = p;
      return ipStack === 'auto' ? rest : { ...rest, ipStack };
    }),
  );
  if (await deviceFlowItem(portalId).get()) await cancelSignIn(portalId);
  await notifyUi();
  return null;
}
