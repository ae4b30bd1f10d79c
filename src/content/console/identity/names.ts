import type { Partition } from './types';

/**
 * ARNs, role names and account ids as the console prints them (protocol doc §5). Every parser takes unknown
 * input and answers null rather than guessing: a wrong account on the tag is worse than none.
 */

/** IAM role names: 1-64 of these characters. Anything else (markup, spaces, 10 kB strings) is not a role. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
/** `AWSReservedSSO_<PermissionSet>_<16 hex>` (§5 "SSO role name"). */
const RESERVED_SSO = /^AWSReservedSSO_([\w+=,.@-]{1,48})_[0-9a-f]{16}$/i;
const ACCOUNT_ID = /^(\d{4})-?(\d{4})-?(\d{4})$/;
const ARN = /^arn:(aws|aws-us-gov|aws-cn):(sts|iam)::(\d{12}):([^\s]+)$/;
const MAX_ARN = 2048;
const MAX_DISPLAY_NAME = 512;

export interface ArnIdentity {
  partition: Partition;
  accountId: string;
  roleName: string | null;
}

export function validRoleName(value: unknown): string | null {
  return typeof value === 'string' && ROLE_NAME.test(value) ? value : null;
}

/** AWSReservedSSO_AdministratorAccess_0123456789abcdef → AdministratorAccess; other names unchanged. */
export function permissionSetOf(roleName: string): string {
  return RESERVED_SSO.exec(roleName)?.[1] ?? roleName;
}

/** `123456789012` or `1234-5678-9012` (as the account menu shows it), surrounding blanks allowed. */
export function accountIdOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const match = ACCOUNT_ID.exec(value.trim());
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/**
 * `arn:{partition}:sts::{account}:assumed-role/{role}/{session}` (role kept), or any other STS/IAM ARN of the
 * account (`iam::…:role/path/Name` keeps Name; users, root and federated users have no role).
 */
export function parseArn(value: unknown): ArnIdentity | null {
  if (typeof value !== 'string' || value.length > MAX_ARN) return null;
  const match = ARN.exec(value);
  if (!match) return null;
  const [, partition, service, accountId, resource = ''] = match;
  const parts = resource.split('/');
  let role: string | undefined;
  if (service === 'sts' && parts[0] === 'assumed-role' && parts.length >= 3) role = parts[1];
  else if (service === 'iam' && parts[0] === 'role' && parts.length >= 2) role = parts[parts.length - 1];
  return {
    partition: partition as Partition,
    accountId: accountId as string,
    roleName: validRoleName(role),
  };
}

/**
 * The role in a console display name: `Role/user @ alias` (nav bar, session data) or `Role/user` (legacy
 * `#awsc-login-display-name-user`). Users may be e-mail addresses, so only ` @ ` with blanks ends the name.
 * Without a `/` the name is an IAM user's, which has no role.
 */
export function roleFromDisplayName(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_DISPLAY_NAME) return null;
  const text = value.trim();
  const at = text.lastIndexOf(' @ ');
  const principal = at >= 0 ? text.slice(0, at) : text;
  const slash = principal.indexOf('/');
  if (slash <= 0) return null;
  const role = principal.slice(0, slash);
  // `assumed-role/Role/user` (the cookie's `username`) carries the role one level down.
  if (role === 'assumed-role') return roleFromDisplayName(principal.slice(slash + 1));
  return validRoleName(role);
}
