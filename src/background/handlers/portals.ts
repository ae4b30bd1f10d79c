import { findIdentityCenterRegion } from '../../shared/aws/regions';
import { parseStartUrl } from '../../shared/aws/start-url';
import { directoryItem, syncProgressItem } from '../../shared/directory/items';
import { HOST_ACCESS_MISSING, hasHostAccess } from '../../shared/host-access';
import type { AddPortalResult, MessagePayload } from '../../shared/messages/contract';
import { awsStartUrl, type Portal, type PortalView, portalLabel } from '../../shared/portals/portal';
import { portalsItem } from '../../shared/storage/items';
import { clearPoll, clearRefresh } from '../alarms/schedule';
import { ensureRegistration } from '../auth/registration';
import { signOut } from '../auth/session';
import { isNetworkError } from '../aws/errors';
import { forgetRoleCredentials } from '../console/role-credentials-store';
import { portalViews } from '../portals/portal-views';
import { releaseVanityAccess, resolveVanityStartUrl } from '../portals/resolve-vanity';
import { lockPath, readLocks, refuseLocked } from '../settings/locks';
import { notifyUi } from '../status/notify-ui';
import { SECRET_FAMILIES } from '../storage/secrets';

export async function listPortals(): Promise<PortalView[]> {
  return portalViews();
}

/**
 * Validates and saves a portal. Nothing is saved until the start URL parses (a company vanity URL: until it
 * redirects to an AWS access portal, docs/aws-protocol.md §3), the region is one where Identity Center runs,
 * and that region's OIDC endpoint answers (we register this browser as an OIDC client there, which the sign-in
 * needs anyway).
 */
export async function addPortal(payload: MessagePayload<'addPortal'>): Promise<AddPortalResult> {
  const parsed = parseStartUrl(payload.startUrl);
  if (!parsed.ok) return { ok: false, field: 'startUrl', message: parsed.message };
  let resolvedStartUrl: string | undefined;
  let urlRegion = parsed.region;
  if (parsed.kind === 'custom') {
    const resolution = await resolveVanityStartUrl(parsed.startUrl);
    if (!resolution.ok) return { ok: false, field: 'startUrl', message: resolution.message };
    resolvedStartUrl = resolution.resolvedStartUrl;
    urlRegion = resolution.region;
  }
  const region = urlRegion ?? payload.region?.trim() ?? '';
  if (!region)
    return { ok: false, field: 'region', message: 'Choose the region of your IAM Identity Center instance.' };
  if (!findIdentityCenterRegion(region)) {
    return {
      ok: false,
      field: 'region',
      message: `${region} is not a region where IAM Identity Center runs.`,
    };
  }
  // A vanity portal's region comes from where it lands, whatever the form still shows: the CLI does the same.
  if (parsed.region && payload.region && payload.region !== parsed.region) {
    return {
      ok: false,
      field: 'region',
      message: `This start URL belongs to ${parsed.region}, not ${payload.region}.`,
    };
  }
  const portals = await portalsItem.get();
  const twin = portals.find(
    (p) => p.startUrl === parsed.startUrl || awsStartUrl(p) === (resolvedStartUrl ?? parsed.startUrl),
  );
  if (twin) {
    const message =
      twin.startUrl === parsed.startUrl
        ? 'This portal is already added.'
        : `This address leads to a portal already added as ${portalLabel(twin)}.`;
    return { ok: false, field: 'startUrl', message };
  }
  const name = payload.name?.trim();
  const portal: Portal = {
    id: crypto.randomUUID(),
    startUrl: parsed.startUrl,
    ...(resolvedStartUrl ? { resolvedStartUrl } : {}),
    region,
    ...(name ? { name } : {}),
  };
  try {
    await ensureRegistration(portal);
  } catch (error) {
    await forgetSecrets(portal.id);
    const host = `oidc.${region}`;
    return {
      ok: false,
      field: 'region',
      message: isNetworkError(error)
        ? (await hasHostAccess())
          ? `Could not reach IAM Identity Center in ${region} (${host}…). Check the region and your connection.`
          : HOST_ACCESS_MISSING
        : `IAM Identity Center in ${region} refused to register this browser. Check the region and try again.`,
    };
  }
  await portalsItem.set([...(await portalsItem.get()), portal]);
  await notifyUi();
  return { ok: true, portal };
}

export async function renamePortal({ portalId, name }: MessagePayload<'renamePortal'>): Promise<null> {
  refuseLocked(await readLocks(), [lockPath.portal(portalId, 'name')], 'This portal’s name');
  const trimmed = name.trim();
  const portals = await portalsItem.get();
  await portalsItem.set(
    portals.map((p) => {
      if (p.id !== portalId) return p;
      const { name: _old, ...rest } = p;
      return trimmed ? { ...rest, name: trimmed } : rest;
    }),
  );
  await notifyUi();
  return null;
}

export async function removePortal({ portalId }: MessagePayload<'removePortal'>): Promise<null> {
  refuseLocked(await readLocks(), [lockPath.portal(portalId)], 'This portal');
  await cleanUpPortal(portalId);
  const portals = await portalsItem.get();
  const remaining = portals.filter((p) => p.id !== portalId);
  await portalsItem.set(remaining);
  const removed = portals.find((p) => p.id === portalId);
  if (removed) await releaseVanityAccess(removed.startUrl, remaining).catch(() => undefined);
  await notifyUi();
  return null;
}

/**
 * Everything a portal leaves behind apart from its entry in `portals`: sign-out at AWS (best effort; it needs the
 * portal still stored), its secrets and its cached accounts. Also used for portals an import or a policy removed.
 */
export async function cleanUpPortal(portalId: string): Promise<void> {
  await signOut(portalId).catch(() => undefined);
  // signOut forgets role credentials too, unless it failed (the portal was no longer stored).
  await forgetRoleCredentials(portalId).catch(() => undefined);
  await forgetSecrets(portalId);
  await forgetDirectory(portalId);
}

export async function forgetSecrets(portalId: string): Promise<void> {
  await Promise.all(SECRET_FAMILIES.map((family) => family(portalId).remove()));
  await clearPoll(portalId);
  await clearRefresh(portalId);
}

/** The portal's cached accounts and sync progress. Settings per account stay: they are keyed by account id. */
async function forgetDirectory(portalId: string): Promise<void> {
  await Promise.all([directoryItem(portalId).remove(), syncProgressItem(portalId).remove()]);
}

export async function forgetCachedAccounts({
  portalId,
}: MessagePayload<'forgetCachedAccounts'>): Promise<null> {
  await forgetDirectory(portalId);
  await notifyUi();
  return null;
}
