import { keysWithPrefix, removeFromArea } from '../../shared/storage/areas';
import { defineItemFamily } from '../../shared/storage/define-item';
import { STORAGE } from '../../shared/storage/registry';

/**
 * Where role credentials are kept, and how a portal's are forgotten. Apart from role-credentials.ts (which
 * fetches them through the session) so that the session can forget them on sign-out without the two modules
 * importing each other. Their key, area and schema are declared in the storage registry.
 */

export { CredentialsSchema } from '../../shared/storage/schemas/worker-state';

export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch ms (the portal API sends milliseconds). */
  readonly expiration: number;
}

/** Role credentials, background only, storage.session only: `creds:<portalId>/<accountId>/<roleName>`. */
export const roleCredentialsItem = defineItemFamily(STORAGE.roleCredentials);

/** Forgets every role credential obtained through a portal (sign-out, session end, portal removal). */
export async function forgetRoleCredentials(portalId: string): Promise<void> {
  const prefix = `${roleCredentialsItem('').key}${portalId}/`;
  await removeFromArea('session', await keysWithPrefix('session', prefix));
}
