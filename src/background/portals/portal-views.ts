import type { Portal, PortalSession, PortalView } from '../../shared/portals/portal';
import { portalsItem } from '../../shared/storage/items';
import { accessTokenItem, deviceFlowItem, refreshTokenItem, signInOutcomeItem } from '../storage/secrets';

/** What the UI shows of each portal's session, derived from storage each time (no cached state). */
export async function portalViews(): Promise<PortalView[]> {
  const portals = await portalsItem.get();
  return Promise.all(portals.map(async (portal) => ({ portal, session: await sessionOf(portal) })));
}

async function sessionOf(portal: Portal): Promise<PortalSession> {
  const [flow, token, refresh, outcome] = await Promise.all([
    deviceFlowItem(portal.id).get(),
    accessTokenItem(portal.id).get(),
    refreshTokenItem(portal.id).get(),
    signInOutcomeItem(portal.id).get(),
  ]);
  if (flow && flow.expiresAt > Date.now()) {
    return {
      state: 'signing-in',
      userCode: flow.userCode,
      verificationUri: flow.verificationUriComplete,
      expiresAt: flow.expiresAt,
    };
  }
  const now = Date.now();
  // A refresh token means we can get a new access token without the user: still signed in.
  if ((token && token.expiresAt > now) || refresh)
    return { state: 'signed-in', tokenExpiresAt: token?.expiresAt ?? now };
  if (outcome && outcome.reason !== 'ended')
    return { state: 'failed', reason: outcome.reason, message: outcome.message };
  return outcome ? { state: 'signed-out', message: outcome.message } : { state: 'signed-out' };
}
