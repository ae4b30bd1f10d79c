import { VANITY_HOSTS } from './company-hosts.ts';

/**
 * Which AWS service a `Host` header names. Real AWS answers each service on its own host; any other name
 * (127.0.0.1, localhost, a machine name) gets every API path, so clients with an endpoint override work.
 */

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn' | 'aws-eusc';
/**
 * `portal-app`: an instance's own access-portal host (`*.awsapps.com/start`, `{id}.{r}.portal.amazonaws.com`,
 * `{id}.portal.{r}.app.aws`), whose single-page app has the `#/device` page; `signin-aws`: `{r}.signin.aws`, the
 * newer verification page (docs/aws-protocol.md §5).
 */
export type Service =
  | 'oidc'
  | 'portal'
  | 'device'
  | 'portal-app'
  | 'signin-aws'
  | 'signin'
  | 'console'
  | 'local';
/** The endpoint family of an API host: IPv4-only (`amazonaws.com`…) or dual-stack (`api.aws`…). */
export type Stack = 'ipv4' | 'dualstack';

export interface HostInfo {
  service: Service;
  partition: Partition;
  /** Region named by the host (OIDC/portal/device/regional sign-in and console hosts). */
  region?: string;
  /** OIDC, portal API and portal-app hosts: which endpoint family the host belongs to. */
  stack?: Stack;
  /** Portal-app hosts: the instance id in the host name. */
  instanceId?: string;
  /** Multi-session console host `{accountId}-{8 chars}.{region}.console…`: its session differentiator. */
  sessionDifferentiator?: string;
}

const REGION = '(?:[a-z]{2}(?:-gov|-iso[a-z]?)?|eusc-[a-z]{2})-[a-z]+-\\d{1,2}';

/**
 * Each partition's API suffixes (the SDK's `dnsSuffix` and `dualStackDnsSuffix`, docs/aws-protocol.md §1), its
 * instance portal domains (IPv4 `{id}.{r}.portal.…` and dual-stack `{id}.portal.{r}.…`), and its sign-in and
 * console domains. GovCloud shares the commercial suffixes; its region names tell it apart.
 */
interface PartitionDomains {
  partition: Partition;
  api: string;
  dualStackApi: string;
  portal: string;
  dualStackPortal: string;
  signin: string;
  console: string;
}
const PARTITION_DOMAINS: PartitionDomains[] = [
  {
    partition: 'aws',
    api: 'amazonaws.com',
    dualStackApi: 'api.aws',
    portal: 'portal.amazonaws.com',
    dualStackPortal: 'app.aws',
    signin: 'signin.aws.amazon.com',
    console: 'console.aws.amazon.com',
  },
  {
    partition: 'aws-us-gov',
    api: 'amazonaws.com',
    dualStackApi: 'api.aws',
    portal: 'portal.amazonaws.com',
    dualStackPortal: 'app.aws',
    signin: 'signin.amazonaws-us-gov.com',
    console: 'console.amazonaws-us-gov.com',
  },
  {
    partition: 'aws-cn',
    api: 'amazonaws.com.cn',
    dualStackApi: 'api.amazonwebservices.com.cn',
    portal: 'portal.amazonaws.com.cn',
    dualStackPortal: 'app.amazonwebservices.com.cn',
    signin: 'signin.amazonaws.cn',
    console: 'console.amazonaws.cn',
  },
  {
    partition: 'aws-eusc',
    api: 'amazonaws.eu',
    dualStackApi: 'api.amazonwebservices.eu',
    portal: 'portal.amazonaws.eu',
    dualStackPortal: 'api.amazonwebservices.eu',
    signin: 'signin.amazonaws-eusc.eu',
    console: 'console.amazonaws-eusc.eu',
  },
];
const literal = (text: string) => text.replace(/\./g, '\\.');
const oneOf = (values: string[]) => [...new Set(values)].map(literal).join('|');
const API = new RegExp(
  `^(oidc|portal\\.sso|device\\.sso)\\.(${REGION})\\.(${oneOf(PARTITION_DOMAINS.flatMap((d) => [d.api, d.dualStackApi]))})$`,
);
const INSTANCE = '(?:sso)?ins-[a-z0-9]{16}';
const PORTAL_APP = new RegExp(
  `^(${INSTANCE})\\.(${REGION})\\.(${oneOf(PARTITION_DOMAINS.map((d) => d.portal))})$`,
);
const DUAL_STACK_PORTAL_APP = new RegExp(
  `^(${INSTANCE})\\.portal\\.(${REGION})\\.(${oneOf(PARTITION_DOMAINS.map((d) => d.dualStackPortal))})$`,
);
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
/** An awsapps.com portal names no region or instance: it is the commercial partition's, on IPv4. */
const AWSAPPS_PORTAL_APP = new RegExp(`^(?:${LABEL}\\.)+awsapps\\.com$`);
const SIGNIN_AWS = new RegExp(`^(${REGION})\\.signin\\.aws$`);
const MULTI_SESSION = new RegExp(`^(\\d{12}-[a-z0-9]{8})\\.(${REGION})$`);
const REGION_ONLY = new RegExp(`^(${REGION})$`);

export function partitionOfRegion(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

export function partitionDomains(partition: Partition): PartitionDomains {
  return (
    PARTITION_DOMAINS.find((d) => d.partition === partition) ?? (PARTITION_DOMAINS[0] as PartitionDomains)
  );
}

export function hostWithoutPort(hostHeader: string | undefined): string {
  const host = (hostHeader ?? '').toLowerCase();
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1);
  return host.replace(/:\d+$/, '');
}

export function classifyHost(host: string): HostInfo {
  const api = API.exec(host);
  if (api) {
    const service = api[1] === 'oidc' ? 'oidc' : api[1] === 'portal.sso' ? 'portal' : 'device';
    const region = api[2] as string;
    const partition = partitionOfRegion(region);
    const suffix = api[3] as string;
    const domains = partitionDomains(partition);
    // A region on another partition's suffix (`oidc.us-east-1.amazonaws.eu`) is no AWS host.
    if (suffix !== domains.api && suffix !== domains.dualStackApi)
      return { service: 'local', partition: 'aws' };
    const stack = suffix === domains.dualStackApi ? 'dualstack' : 'ipv4';
    return { service, region, partition, stack };
  }
  for (const [pattern, stack] of [
    [PORTAL_APP, 'ipv4'],
    [DUAL_STACK_PORTAL_APP, 'dualstack'],
  ] as const) {
    const app = pattern.exec(host);
    if (!app) continue;
    const region = app[2] as string;
    const partition = partitionOfRegion(region);
    const domains = partitionDomains(partition);
    if (app[3] !== (stack === 'ipv4' ? domains.portal : domains.dualStackPortal)) continue;
    return { service: 'portal-app', region, partition, stack, instanceId: app[1] as string };
  }
  if (AWSAPPS_PORTAL_APP.test(host)) return { service: 'portal-app', partition: 'aws', stack: 'ipv4' };
  const signinAws = SIGNIN_AWS.exec(host)?.[1];
  if (signinAws) return { service: 'signin-aws', region: signinAws, partition: partitionOfRegion(signinAws) };
  for (const domains of PARTITION_DOMAINS) {
    for (const service of ['signin', 'console'] as const) {
      const apex = domains[service];
      if (host === apex) return { service, partition: domains.partition };
      if (!host.endsWith(`.${apex}`)) continue;
      const sub = host.slice(0, -apex.length - 1);
      const multi = service === 'console' ? MULTI_SESSION.exec(sub) : null;
      if (multi) {
        return { service, partition: domains.partition, region: multi[2], sessionDifferentiator: multi[1] };
      }
      const region = REGION_ONLY.exec(sub)?.[1];
      return region
        ? { service, partition: domains.partition, region }
        : { service, partition: domains.partition };
    }
  }
  return { service: 'local', partition: 'aws' };
}

export function consoleApex(partition: Partition): string {
  return PARTITION_DOMAINS.find((d) => d.partition === partition)?.console ?? 'console.aws.amazon.com';
}

export function signinApex(partition: Partition): string {
  return PARTITION_DOMAINS.find((d) => d.partition === partition)?.signin ?? 'signin.aws.amazon.com';
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/**
 * The instance portal host the OIDC endpoint of `stack` links to (docs/aws-protocol.md §1): the IPv4 endpoint
 * names the legacy domain `{id}.{r}.portal.amazonaws.com`, the dual-stack one `{id}.portal.{r}.app.aws`.
 */
export function portalAppHost(instanceId: string, region: string, stack: Stack): string {
  const domains = partitionDomains(partitionOfRegion(region));
  return stack === 'dualstack'
    ? `${instanceId}.portal.${region}.${domains.dualStackPortal}`
    : `${instanceId}.${region}.${domains.portal}`;
}

/**
 * Every host pattern the extension reaches, apex and wildcard (a wildcard does not cover the apex): AWS's API,
 * portal, verification (docs/aws-protocol.md §5), sign-in and console hosts, and the company vanity hosts the
 * emulator plays.
 */
export const MAPPED_HOST_PATTERNS = [
  ...new Set([
    ...PARTITION_DOMAINS.flatMap((d) => [`*.${d.api}`, `*.${d.dualStackApi}`, `*.${d.dualStackPortal}`]),
    '*.awsapps.com',
    '*.signin.aws',
    ...PARTITION_DOMAINS.flatMap((d) => [d.signin, `*.${d.signin}`, d.console, `*.${d.console}`]),
    ...Object.values(VANITY_HOSTS),
  ]),
];
