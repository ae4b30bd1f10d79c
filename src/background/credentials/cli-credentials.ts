import { type CredentialFormat, formatCredentials } from '../../shared/credentials/formats';
import { profileName } from '../../shared/credentials/profile-name';
import { accountPrefsItem } from '../../shared/directory/items';
import type { CliCredentials } from '../../shared/messages/contract';
import { portalLabel } from '../../shared/portals/portal';
import { preferencesItem } from '../../shared/storage/items';
import { serviceEndpoint } from '../aws/service-endpoint';
import { accountRegion } from '../console/account-region';
import { explain } from '../console/open-console';
import { type RoleRef, roleCredentials } from '../console/role-credentials';
import { cachedAccountName } from '../directory/account-name';
import { UserFacingError } from '../messaging/user-facing-error';
import { findPortal } from '../portals/find-portal';

/**
 * Temporary credentials of a role as text to paste into a terminal, in the format asked for (remembered as the
 * user's choice) or the last one used. Credentials come from the same store as console sign-in: reused while
 * they have more than 15 minutes left, so copying them twice costs one AWS call. The text goes only to the
 * extension page that asked, which writes it to the clipboard on the user's click.
 */
export async function cliCredentials(
  role: RoleRef,
  format: CredentialFormat | undefined,
): Promise<CliCredentials> {
  const portal = await findPortal(role.portalId);
  const preferences = await preferencesItem.get();
  const chosen = format ?? preferences.credentialFormat;
  if (chosen !== preferences.credentialFormat)
    await preferencesItem.set({ ...preferences, credentialFormat: chosen });
  const credentials = await roleCredentials(role, serviceEndpoint(portal)).catch((error: unknown) => {
    throw explain(error, role);
  });
  const region = await accountRegion(portal, role.accountId);
  const name = profileName(preferences.profileTemplate, await nameParts(role, portalLabel(portal)));
  let text: string;
  try {
    text = formatCredentials(chosen, { ...credentials, region, profileName: name });
  } catch {
    // The formats refuse characters they cannot quote safely; AWS never sends such, so say so plainly.
    throw new UserFacingError(
      'AWS sent credentials that cannot be written safely in this format. Try another.',
    );
  }
  return {
    text,
    format: chosen,
    profileName: name,
    region,
    expiresAt: credentials.expiration,
  };
}

async function nameParts(role: RoleRef, portalName: string) {
  const [accountName, prefs] = await Promise.all([
    cachedAccountName(role.accountId, role.portalId),
    accountPrefsItem.get(),
  ]);
  const alias = prefs[role.accountId]?.alias;
  return {
    accountName: accountName ?? role.accountId,
    accountId: role.accountId,
    roleName: role.roleName,
    portalName,
    ...(alias ? { alias } : {}),
  };
}
