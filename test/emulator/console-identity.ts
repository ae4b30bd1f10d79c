import { randomBytes } from 'node:crypto';
import { signinApex } from './hosts.ts';
import { reservedRoleName } from './organization.ts';
import type { ConsoleSession, EmulatorState } from './state.ts';
import { USER_NAME } from './state.ts';

/**
 * How the real console describes a federated SSO session (protocol doc §5): the assumed-role ARN, the
 * "Role/user @ alias" display name and the `aws-userInfo` cookie, derived from one console session.
 */
export interface ConsoleIdentity {
  accountId: string;
  /** `1234-5678-9012`, as the account menu shows it. */
  accountIdDashed: string;
  /** IAM account alias, or the account id when the name could not be one. */
  alias: string;
  reservedRole: string;
  arn: string;
  /** `AWSReservedSSO_Admin_0123456789abcdef/jane.doe @ acme-prod`. */
  displayName: string;
  userName: string;
  signInEndpoint: string;
}

/** IAM aliases are 3-63 of [a-z0-9-]; organisation names that could not be one show as the account id. */
const ALIAS = /^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/;

export function consoleIdentity(state: EmulatorState, session: ConsoleSession): ConsoleIdentity {
  const account = state.options.organization.accounts.find((a) => a.accountId === session.accountId);
  const alias = account && ALIAS.test(account.accountName) ? account.accountName : session.accountId;
  const reservedRole = reservedRoleName(session.accountId, session.roleName);
  const userName = `${reservedRole}/${USER_NAME}`;
  return {
    accountId: session.accountId,
    accountIdDashed: session.accountId.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3'),
    alias,
    reservedRole,
    arn: `arn:${session.partition}:sts::${session.accountId}:assumed-role/${reservedRole}/${USER_NAME}`,
    displayName: `${userName} @ ${alias}`,
    userName,
    signInEndpoint: `${session.region}.${signinApex(session.partition)}`,
  };
}

/** `aws-userInfo` value: URL-encoded JSON whose `username` is itself URL-encoded (decode twice). */
export function userInfoCookieValue(identity: ConsoleIdentity, issuer: string): string {
  return encodeURIComponent(
    JSON.stringify({
      arn: identity.arn,
      alias: identity.alias,
      username: encodeURIComponent(`assumed-role/${identity.userName}`),
      keybase: randomBytes(32).toString('base64'),
      issuer,
      signinType: 'PUBLIC',
    }),
  );
}
