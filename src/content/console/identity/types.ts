/** Shapes shared by the console identity readers (protocol doc §5); no code, so importing them costs no bytes. */

import type { PartitionId as Partition } from '../../../shared/aws/regions';

export type { Partition };

export interface ConsoleIdentity {
  /** 12 digits. */
  accountId: string;
  /** Permission set name when the role is an Identity Center role (AWSReservedSSO_<PermissionSet>_<16 hex> → PermissionSet), else the IAM role name, or null if unknown. */
  roleName: string | null;
  partition: Partition;
  /** Console region when known. */
  region: string | null;
  /** `prismModeEnabled`, or a `{accountId}-{8 chars}.{region}.console…` host. */
  multiSession: boolean;
  /** Which signal named the account: the first trustworthy one in reading order. */
  source: 'session-data' | 'cookie' | 'nav-bar' | 'host';
}

/** What one page signal says; each field is null when that signal does not say it (or says something invalid). */
export interface Signal {
  accountId: string | null;
  /** The raw IAM role name (`AWSReservedSSO_…` kept), validated against IAM's character set. */
  roleName: string | null;
  partition: Partition | null;
  region: string | null;
  multiSession: boolean;
}

export const NO_SIGNAL: Signal = {
  accountId: null,
  roleName: null,
  partition: null,
  region: null,
  multiSession: false,
};
