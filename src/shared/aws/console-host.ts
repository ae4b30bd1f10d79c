import { type PartitionId as Partition, partitionIdOfRegion, REGION_CODE } from './regions';

export type { Partition };

/**
 * Console host names of every partition (protocol doc §4.3) and the multi-session form
 * `{accountId}-{8 chars}.{region}.console…` (§5, launched Jan 2025).
 */

const APEXES: readonly (readonly [string, Partition])[] = [
  ['console.aws.amazon.com', 'aws'],
  ['console.amazonaws-us-gov.com', 'aws-us-gov'],
  ['console.amazonaws.cn', 'aws-cn'],
  // The European Sovereign Cloud's console is on its own domain, not its API domain amazonaws.eu (docs/aws-protocol.md §8.3).
  ['console.amazonaws-eusc.eu', 'aws-eusc'],
];

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** AWS documents 8 random characters; a few more or fewer still name the account, so accept them (§5). */
const MULTI_SESSION_LABEL = /^(\d{12})-[a-z0-9]{4,32}$/;

export interface ConsoleHost {
  partition: Partition;
  region: string | null;
  multiSessionAccountId: string | null;
}

/** A region name that belongs to `partition` (when given), else null. */
export function validRegion(value: unknown, partition?: Partition | null): string | null {
  if (typeof value !== 'string' || value.length > 32 || !REGION_CODE.test(value)) return null;
  return !partition || partitionIdOfRegion(value) === partition ? value : null;
}

/**
 * The partition, region and multi-session account a console host names; null for any other host.
 * Single-label subdomains that are no region (`s3.console.aws.amazon.com`) are console hosts without a region.
 */
export function parseConsoleHost(hostname: string): ConsoleHost | null {
  if (typeof hostname !== 'string' || hostname.length > 253) return null;
  const host = hostname.toLowerCase().replace(/\.$/, '');
  for (const [apex, partition] of APEXES) {
    if (host === apex) return { partition, region: null, multiSessionAccountId: null };
    if (!host.endsWith(`.${apex}`)) continue;
    const labels = host.slice(0, -apex.length - 1).split('.');
    if (labels.length > 2 || !labels.every((label) => LABEL.test(label))) return null;
    const region = validRegion(labels[labels.length - 1], partition);
    if (labels.length === 1) return { partition, region, multiSessionAccountId: null };
    const accountId = MULTI_SESSION_LABEL.exec(labels[0] ?? '')?.[1];
    return region && accountId ? { partition, region, multiSessionAccountId: accountId } : null;
  }
  return null;
}
