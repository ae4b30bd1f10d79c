import { GetRoleCredentialsCommand } from '@aws-sdk/client-sso';
import * as v from 'valibot';
import { withAccessToken } from '../auth/session';
import { portalClient } from '../aws/portal-api';
import type { ServiceEndpoint } from '../aws/service-endpoint';
import { sweepCredentialsBy } from './credential-expiry-alarm';
import { CredentialsSchema, type RoleCredentials, roleCredentialsItem } from './role-credentials-store';

/** Credentials are reused while they have more than this left: a console session opened with them lasts at least as long. */
export const REUSE_MIN_REMAINING_MS = 15 * 60_000;

export interface RoleRef {
  readonly portalId: string;
  readonly accountId: string;
  readonly roleName: string;
}

/** Credentials for a role: the stored ones while they last long enough, else one GetRoleCredentials call. */
export async function roleCredentials(role: RoleRef, endpoint: ServiceEndpoint): Promise<RoleCredentials> {
  const item = roleCredentialsItem(`${role.portalId}/${role.accountId}/${role.roleName}`);
  const stored = await item.get();
  if (stored && stored.expiration - Date.now() > REUSE_MIN_REMAINING_MS) return stored;
  const output = await withAccessToken(role.portalId, (accessToken) =>
    portalClient(endpoint).send(
      new GetRoleCredentialsCommand({ accessToken, accountId: role.accountId, roleName: role.roleName }),
    ),
  );
  // The SDK checks no types: an answer that is not AWS's must not be stored, or it would read back as nothing
  // and be fetched again on every use.
  const parsed = v.safeParse(CredentialsSchema, output.roleCredentials);
  if (!parsed.success) throw new Error('GetRoleCredentials returned incomplete credentials');
  const fresh: RoleCredentials = parsed.output;
  await item.set(fresh);
  // Deleted when they expire, not only at sign-out (expired-credentials.ts).
  await sweepCredentialsBy(fresh.expiration);
  return fresh;
}
