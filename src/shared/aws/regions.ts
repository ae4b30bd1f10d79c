/**
 * The AWS partitions and the regions where IAM Identity Center can have its home region.
 * One table drives the region picker, start-URL parsing, endpoint building and (through a unit test) the
 * manifest's host permissions, which list these hosts one by one instead of asking for all of `*.amazonaws.com`.
 * The DNS suffixes are the AWS SDK's own (its partition data and the SSO clients' endpoint rules):
 * `regions.sdk.test.ts` resolves every region on both stacks with the real SDK and compares (docs/aws-protocol.md §1).
 */
import * as v from 'valibot';

export type PartitionId = 'aws' | 'aws-us-gov' | 'aws-cn' | 'aws-eusc';

/** Which endpoint family a portal's API calls use: IPv4-only hosts, or the dual-stack (IPv4 + IPv6) ones. */
export type IpStack = 'ipv4' | 'dualstack';

export interface Partition {
  readonly id: PartitionId;
  /** DNS suffix of the IPv4 OIDC, portal API and device hosts (the SDK's `dnsSuffix`). */
  readonly apiSuffix: string;
  /** DNS suffix of the dual-stack OIDC and portal API hosts (the SDK's `dualStackDnsSuffix`). */
  readonly dualStackSuffix: string;
  /** Host of the global federation (sign-in) endpoint. */
  readonly signinHost: string;
  /** Host of the console home. */
  readonly consoleHost: string;
}

export const PARTITIONS: Readonly<Record<PartitionId, Partition>> = {
  aws: {
    id: 'aws',
    apiSuffix: 'amazonaws.com',
    dualStackSuffix: 'api.aws',
    signinHost: 'signin.aws.amazon.com',
    consoleHost: 'console.aws.amazon.com',
  },
  'aws-us-gov': {
    id: 'aws-us-gov',
    apiSuffix: 'amazonaws.com',
    dualStackSuffix: 'api.aws',
    signinHost: 'signin.amazonaws-us-gov.com',
    consoleHost: 'console.amazonaws-us-gov.com',
  },
  'aws-cn': {
    id: 'aws-cn',
    apiSuffix: 'amazonaws.com.cn',
    dualStackSuffix: 'api.amazonwebservices.com.cn',
    signinHost: 'signin.amazonaws.cn',
    consoleHost: 'console.amazonaws.cn',
  },
  // The European Sovereign Cloud: services on amazonaws.eu, but sign-in and console on amazonaws-eusc.eu (§1, §8).
  'aws-eusc': {
    id: 'aws-eusc',
    apiSuffix: 'amazonaws.eu',
    dualStackSuffix: 'api.amazonwebservices.eu',
    signinHost: 'signin.amazonaws-eusc.eu',
    consoleHost: 'console.amazonaws-eusc.eu',
  },
};

/**
 * The shape of any AWS region code, in every partition: `us-east-1`, `us-gov-west-1`, `cn-north-1`,
 * `us-isob-east-1`, `eu-isoe-west-1`, `eusc-de-east-1` (four-letter prefix). The one pattern every schema and
 * parser uses. One or two digits at the end: every region today has one, but the SDK's own patterns allow any
 * number (`ap-southeast-7` exists), so a tenth region of a geography must not be refused (docs/aws-protocol.md
 * §1.5). A shape only: which regions host Identity Center is the table below, and which hosts we call,
 * `oidcHost`/`portalHost`.
 */
export const REGION_CODE = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;
export const RegionCodeSchema = v.pipe(v.string(), v.regex(REGION_CODE));

export interface IdentityCenterRegion {
  readonly code: string;
  readonly name: string;
  readonly partition: PartitionId;
}

/** Regions that can host an IAM Identity Center instance (AWS General Reference, "IAM Identity Center endpoints"). */
export const IDENTITY_CENTER_REGIONS: readonly IdentityCenterRegion[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)', partition: 'aws' },
  { code: 'us-east-2', name: 'US East (Ohio)', partition: 'aws' },
  { code: 'us-west-1', name: 'US West (N. California)', partition: 'aws' },
  { code: 'us-west-2', name: 'US West (Oregon)', partition: 'aws' },
  { code: 'af-south-1', name: 'Africa (Cape Town)', partition: 'aws' },
  { code: 'ap-east-1', name: 'Asia Pacific (Hong Kong)', partition: 'aws' },
  { code: 'ap-east-2', name: 'Asia Pacific (Taipei)', partition: 'aws' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)', partition: 'aws' },
  { code: 'ap-south-2', name: 'Asia Pacific (Hyderabad)', partition: 'aws' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)', partition: 'aws' },
  { code: 'ap-northeast-2', name: 'Asia Pacific (Seoul)', partition: 'aws' },
  { code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', partition: 'aws' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)', partition: 'aws' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)', partition: 'aws' },
  { code: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)', partition: 'aws' },
  { code: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)', partition: 'aws' },
  { code: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)', partition: 'aws' },
  { code: 'ap-southeast-7', name: 'Asia Pacific (Thailand)', partition: 'aws' },
  { code: 'ca-central-1', name: 'Canada (Central)', partition: 'aws' },
  { code: 'ca-west-1', name: 'Canada West (Calgary)', partition: 'aws' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)', partition: 'aws' },
  { code: 'eu-central-2', name: 'Europe (Zurich)', partition: 'aws' },
  { code: 'eu-west-1', name: 'Europe (Ireland)', partition: 'aws' },
  { code: 'eu-west-2', name: 'Europe (London)', partition: 'aws' },
  { code: 'eu-west-3', name: 'Europe (Paris)', partition: 'aws' },
  { code: 'eu-south-1', name: 'Europe (Milan)', partition: 'aws' },
  { code: 'eu-south-2', name: 'Europe (Spain)', partition: 'aws' },
  { code: 'eu-north-1', name: 'Europe (Stockholm)', partition: 'aws' },
  { code: 'il-central-1', name: 'Israel (Tel Aviv)', partition: 'aws' },
  { code: 'me-south-1', name: 'Middle East (Bahrain)', partition: 'aws' },
  { code: 'me-central-1', name: 'Middle East (UAE)', partition: 'aws' },
  { code: 'mx-central-1', name: 'Mexico (Central)', partition: 'aws' },
  { code: 'sa-east-1', name: 'South America (São Paulo)', partition: 'aws' },
  { code: 'us-gov-west-1', name: 'AWS GovCloud (US-West)', partition: 'aws-us-gov' },
  { code: 'us-gov-east-1', name: 'AWS GovCloud (US-East)', partition: 'aws-us-gov' },
  { code: 'cn-north-1', name: 'China (Beijing)', partition: 'aws-cn' },
  { code: 'cn-northwest-1', name: 'China (Ningxia)', partition: 'aws-cn' },
  { code: 'eusc-de-east-1', name: 'AWS European Sovereign Cloud (Germany)', partition: 'aws-eusc' },
];

/**
 * A find over ~40 entries rather than a Map built at load: the console content script imports REGION_CODE from
 * this file, and a table built at load would stay in its bundle.
 */
export function findIdentityCenterRegion(code: string): IdentityCenterRegion | undefined {
  return IDENTITY_CENTER_REGIONS.find((region) => region.code === code);
}

/**
 * The partition of any region code, by its prefix (also account regions that do not host Identity Center). Just
 * the id: the console content script needs no more, and so carries no table.
 */
export function partitionIdOfRegion(code: string): PartitionId {
  if (code.startsWith('us-gov-')) return 'aws-us-gov';
  if (code.startsWith('cn-')) return 'aws-cn';
  if (code.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

/** The partition of any region code, with its hosts. */
export function partitionOfRegion(code: string): Partition {
  return PARTITIONS[partitionIdOfRegion(code)];
}

function apiSuffix(region: string, stack: IpStack): string {
  const partition = partitionOfRegion(region);
  return stack === 'dualstack' ? partition.dualStackSuffix : partition.apiSuffix;
}

/** The SSO OIDC host the SDK resolves for a region (`useDualstackEndpoint` for the dual-stack one). */
export function oidcHost(region: string, stack: IpStack = 'ipv4'): string {
  return `oidc.${region}.${apiSuffix(region, stack)}`;
}

/** The portal API host the SDK resolves for a region. */
export function portalHost(region: string, stack: IpStack = 'ipv4'): string {
  return `portal.sso.${region}.${apiSuffix(region, stack)}`;
}

export function deviceHost(region: string): string {
  return `device.sso.${region}.${partitionOfRegion(region).apiSuffix}`;
}
