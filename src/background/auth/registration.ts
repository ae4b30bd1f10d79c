import type { Portal } from '../../shared/portals/portal';
import { type ClientCredentials, registerClient } from '../aws/oidc';
import { serviceEndpoint } from '../aws/service-endpoint';
import { seal, unseal } from '../storage/secret-box';
import { registrationItem } from '../storage/secrets';

/** A new sign-in needs a registration that outlives the device code and then some; renew a day early. */
const RENEW_BEFORE_SECONDS = 24 * 60 * 60;

/** The stored registration as it is, for refreshing tokens that were issued to it. */
export async function storedRegistration(portalId: string): Promise<ClientCredentials | null> {
  const stored = await registrationItem(portalId).get();
  if (!stored || stored.clientSecretExpiresAt * 1000 <= Date.now()) return null;
  const clientSecret = await unseal(stored.clientSecret);
  return clientSecret ? { clientId: stored.clientId, clientSecret } : null;
}

/**
 * A registration good for a new sign-in: the stored one unless it expires within a day (AWS does not reject an
 * expired registration at StartDeviceAuthorization, only later on the device page, so check locally).
 */
export async function ensureRegistration(portal: Portal): Promise<ClientCredentials> {
  return navigator.locks.request(`registration:${portal.id}`, async () => {
    const stored = await registrationItem(portal.id).get();
    if (stored && stored.clientSecretExpiresAt - Date.now() / 1000 > RENEW_BEFORE_SECONDS) {
      const clientSecret = await unseal(stored.clientSecret);
      if (clientSecret) return { clientId: stored.clientId, clientSecret };
    }
    const fresh = await registerClient(serviceEndpoint(portal));
    await registrationItem(portal.id).set({
      clientId: fresh.clientId,
      clientSecret: await seal(fresh.clientSecret),
      clientSecretExpiresAt: fresh.clientSecretExpiresAt,
    });
    return { clientId: fresh.clientId, clientSecret: fresh.clientSecret };
  });
}

export async function forgetRegistration(portalId: string): Promise<void> {
  await registrationItem(portalId).remove();
}
