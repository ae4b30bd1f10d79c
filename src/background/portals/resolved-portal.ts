import { parseStartUrl } from '../../shared/aws/start-url';
import type { Portal } from '../../shared/portals/portal';
import { portalsItem } from '../../shared/storage/items';
import { UserFacingError } from '../messaging/user-facing-error';
import { resolveVanityStartUrl } from './resolve-vanity';

/**
 * The portal ready to be sent to AWS: a company vanity portal whose resolution is missing (an imported or
 * policy-set portal, or one saved by an older version) is followed again now and the result stored. Its region
 * stays the one configured: the user or the policy chose it.
 */
export async function resolvedPortal(portal: Portal): Promise<Portal> {
  if (portal.resolvedStartUrl) return portal;
  const parsed = parseStartUrl(portal.startUrl);
  if (!parsed.ok || parsed.kind !== 'custom') return portal;
  const resolution = await resolveVanityStartUrl(portal.startUrl);
  if (!resolution.ok) throw new UserFacingError(resolution.message);
  const updated: Portal = { ...portal, resolvedStartUrl: resolution.resolvedStartUrl };
  await portalsItem.set(
    (await portalsItem.get()).map((p) =>
      p.id === portal.id ? { ...p, resolvedStartUrl: resolution.resolvedStartUrl } : p,
    ),
  );
  return updated;
}
