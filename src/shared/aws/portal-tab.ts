/**
 * Recognising an AWS access portal in a browser tab (issue 23, docs/aws-protocol.md §2.1): the tab's URL says
 * whether it is a portal and, for most host forms, its home region; an `*.awsapps.com/start` page names its
 * region only inside the page. Pure logic over untrusted input (a URL and page text): everything returned has
 * been through the start-URL parser or the region table.
 */
import * as v from 'valibot';
import { findIdentityCenterRegion, type PartitionId, partitionIdOfRegion, portalHost } from './regions';
import { parseStartUrl } from './start-url';

export interface PortalInTab {
  /** Canonical start URL (no fragment, query or trailing slash), as the add-portal form would store it. */
  startUrl: string;
  /** From the host when it carries one, else null (read the page, then ask). */
  region: string | null;
  partition: PartitionId | null;
}

/**
 * The portal a tab shows, or null. Only AWS-owned portal hosts count: any other page (a company's own site,
 * a console, a sign-in page) is not offered, since a vanity address lands on an AWS host before the portal shows.
 */
export function portalInTab(tabUrl: string | undefined): PortalInTab | null {
  if (!tabUrl?.startsWith('https://')) return null;
  const parsed = parseStartUrl(tabUrl);
  if (!parsed.ok || parsed.kind === 'custom' || parsed.kind === 'issuer') return null;
  return { startUrl: parsed.startUrl, region: parsed.region, partition: parsed.partition };
}

/** What the page reader (src/popup/discover/read-portal-page.ts) hands back: raw text, each capped, or null. */
export const PortalPageSignalsSchema = v.object({
  env: v.nullable(v.pipe(v.string(), v.maxLength(20_000))),
  metaRegion: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  csp: v.nullable(v.pipe(v.string(), v.maxLength(20_000))),
});
export type PortalPageSignals = v.InferOutput<typeof PortalPageSignalsSchema>;

/**
 * The home region a portal page names, in the order AWS's page carries it today (docs/aws-protocol.md §2.1): the
 * `#env` JSON's `region`, the legacy `<meta name="region">`, then the portal API host in its CSP `connect-src`.
 * A value counts only if it is an Identity Center region of the portal's partition (when known); else null (ask).
 */
export function regionFromPortalPage(input: unknown, partition: PartitionId | null): string | null {
  const parsed = v.safeParse(PortalPageSignalsSchema, input);
  if (!parsed.success) return null;
  const { env, metaRegion, csp } = parsed.output;
  const candidates = [regionOfEnv(env), metaRegion?.trim() ?? null, regionOfCsp(csp)];
  for (const candidate of candidates) {
    if (candidate && findIdentityCenterRegion(candidate)) {
      if (partition === null || partitionIdOfRegion(candidate) === partition) return candidate;
    }
  }
  return null;
}

function regionOfEnv(env: string | null): string | null {
  if (!env) return null;
  try {
    const value: unknown = JSON.parse(env);
    if (typeof value === 'object' && value !== null && 'region' in value && typeof value.region === 'string')
      return value.region;
  } catch {
    // Not JSON: the next signal decides.
  }
  return null;
}

/** The region of the first `portal.sso.<r>.…` host in the CSP that is exactly that region's portal API host. */
function regionOfCsp(csp: string | null): string | null {
  if (!csp) return null;
  for (const [, host, region] of csp.matchAll(
    /https:\/\/(portal\.sso\.([a-z0-9-]+)\.[a-z0-9.]+?)(?=[\s/;'"]|$)/g,
  )) {
    if (!host || !region || !findIdentityCenterRegion(region)) continue;
    if (host === portalHost(region) || host === portalHost(region, 'dualstack')) return region;
  }
  return null;
}
