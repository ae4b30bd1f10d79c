import * as v from 'valibot';
import { browser } from '../../shared/browser';
import { defineItemFamily } from '../../shared/storage/define-item';

/**
 * Where role credentials are kept, and how a portal's are forgotten. Apart from role-credentials.ts (which
 * fetches them through the session) so that the session can forget them on sign-out without the two modules
 * importing each other.
 */

export interface RoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch ms (the portal API sends milliseconds). */
  readonly expiration: number;
}

/** What GetRoleCredentials must return (epoch ms expiry), and so what may be stored; extra fields are dropped. */
export const CredentialsSchema = v.object({
  accessKeyId: v.pipe(v.string(), v.minLength(1)),
  secretAccessKey: v.pipe(v.string(), v.minLength(1)),
  sessionToken: v.pipe(v.string(), v.minLength(1)),
  expiration: v.pipe(v.number(), v.finite(), v.minValue(1)),
});

/** Role credentials, background only, storage.session only: `creds:<portalId>/<accountId>/<roleName>`. */
export const roleCredentialsItem = defineItemFamily({
  key: 'creds',
  area: 'session',
  schema: v.nullable(CredentialsSchema),
  fallback: null,
});

/** Forgets every role credential obtained through a portal (sign-out, session end, portal removal). */
export async function forgetRoleCredentials(portalId: string): Promise<void> {
  const prefix = `${roleCredentialsItem('').key}${portalId}/`;
  const keys = Object.keys(await browser.storage.session.get(null)).filter((key) => key.startsWith(prefix));
  if (keys.length > 0) await browser.storage.session.remove(keys);
}
