/**
 * Which AWS service a `Host` header names. Real AWS answers each service on its own host; any other name
 * (127.0.0.1, localhost, a machine name) gets every API path, so clients with an endpoint override work.
 */
import { VANITY_HOSTS } from './company-hosts.ts';

export type Partition = 'aws' | 'aws-us-gov' | 'aws-cn';
/** `portal-app`: the access portal's web app (`*.awsapps.com/start`, `{id}.{r}.portal.amazonaws.com`, `{id}.portal.{r}.app.aws`);
 * `signin-aws`: `{r}.signin.aws`, the newer verification page (docs/aws-protocol.md §5). */
export type Service =
  | 'oidc'
  | 'portal'
  | 'device'
  | 'signin'
  | 'console'
  | 'portal-app'
  | 'signin-aws'
  | 'local';

export interface HostInfo {
  service: Service;
  partition: Partition;
  /** Region named by the host (OIDC/portal/device/regional sign-in and console hosts). */
  region?: string;
  /** Multi-session console host `{accountId}-{8 chars}.{region}.console…`: its session differentiator. */
  sessionDifferentiator?: string;
}

const REGION = '[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}';
const API = new RegExp(`^(oidc|portal\\.sso|device\\.sso)\\.(${REGION})\\.amazonaws\\.com(\\.cn)?$`);
const PARTITION_DOMAINS: { partition: Partition; signin: string; console: string }[] = [
  { partition: 'aws', signin: 'signin.aws.amazon.com', console: 'console.aws.amazon.com' },
  { partition: 'aws-us-gov', signin: 'signin.amazonaws-us-gov.com', console: 'console.amazonaws-us-gov.com' },
  { partition: 'aws-cn', signin: 'signin.amazonaws.cn', console: 'console.amazonaws.cn' },
];
const LABEL = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
const PORTAL_APP: readonly RegExp[] = [
  new RegExp(`^(?:${LABEL}\\.)+awsapps\\.com$`),
  new RegExp(`^${LABEL}\\.(${REGION})\\.portal\\.amazonaws\\.com(\\.cn)?$`),
  new RegExp(`^${LABEL}\\.portal\\.(${REGION})\\.app\\.(aws|amazonwebservices\\.com\\.cn)$`),
];
const SIGNIN_AWS = new RegExp(`^(${REGION})\\.signin\\.aws$`);
const MULTI_SESSION = new RegExp(`^(\\d{12}-[a-z0-9]{8})\\.(${REGION})$`);
const REGION_ONLY = new RegExp(`^(${REGION})$`);

function partitionOfRegion(region: string, china: boolean): Partition {
  if (china || region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
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
    return { service, region, partition: partitionOfRegion(region, api[3] !== undefined) };
  }
  for (const pattern of PORTAL_APP) {
    const match = pattern.exec(host);
    if (!match) continue;
    const region = match[1];
    if (!region) return { service: 'portal-app', partition: 'aws' };
    const china = match[2] === '.cn' || match[2] === 'amazonwebservices.com.cn';
    return { service: 'portal-app', region, partition: partitionOfRegion(region, china) };
  }
  const signinAws = SIGNIN_AWS.exec(host);
  if (signinAws?.[1]) {
    return { service: 'signin-aws', region: signinAws[1], partition: partitionOfRegion(signinAws[1], false) };
  }
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
 * Every host pattern the extension reaches, apex and wildcard (a wildcard does not cover the apex): AWS's, the
 * classic portal domain where a vanity redirect lands, and the company vanity hosts the emulator plays.
 */
export const MAPPED_HOST_PATTERNS = [
  '*.amazonaws.com',
  '*.amazonaws.com.cn',
  // Verification pages (docs/aws-protocol.md §5): portal apps and signin.aws.
  '*.awsapps.com',
  '*.app.aws',
  '*.amazonwebservices.com.cn',
  '*.signin.aws',
  ...PARTITION_DOMAINS.flatMap((d) => [d.signin, `*.${d.signin}`, d.console, `*.${d.console}`]),
  ...Object.values(VANITY_HOSTS),
];
