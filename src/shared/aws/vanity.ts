/**
 * Company vanity domains (docs/aws-protocol.md §3): a start URL on a company's own host that redirects, once, to
 * the AWS-owned access portal. This module holds the pure rules: which hosts belong to AWS and are never
 * resolved, and what one HTTP answer from the vanity host means. Fetching it is the background's job
 * (src/background/portals/resolve-vanity.ts).
 */
import { parseStartUrl } from './start-url';

/** Portal and issuer domains of every partition: hosts under them are AWS's, never a company's. */
const AWS_OWNED_SUFFIXES = [
  '.app.aws',
  '.portal.amazonaws.com',
  '.portal.amazonaws.com.cn',
  '.app.amazonwebservices.com.cn',
  '.portal.amazonaws.eu',
  '.api.amazonwebservices.eu',
  '.awsapps.com',
  '.awsapps.cn',
];
const AWS_OWNED_HOSTS = [
  'identitycenter.amazonaws.com',
  'identitycenter.amazonaws.com.cn',
  'identitycenter.us-gov.amazonaws.com',
  'identitycenter.amazonaws.eu',
];

/** Every AWS-owned portal and issuer domain, without a leading dot: what a look-alike host imitates (host-trust.ts). */
export const AWS_PORTAL_DOMAINS: readonly string[] = [
  ...AWS_OWNED_SUFFIXES.map((suffix) => suffix.slice(1)),
  ...AWS_OWNED_HOSTS,
];

/** True for an AWS-owned portal or issuer host: such a start URL is sent to AWS as it is, never followed. */
export function isAwsOwnedPortalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return (
    AWS_OWNED_HOSTS.includes(host) ||
    AWS_OWNED_SUFFIXES.some((suffix) => host === suffix.slice(1) || host.endsWith(suffix))
  );
}

/** What the vanity host answered to one HEAD (or GET) request, redirects not followed. */
export interface VanityAnswer {
  readonly status: number;
  /** The `Location` header, when there was one. */
  readonly location?: string | undefined;
}

export type VanityResolution =
  | {
      ok: true;
      /** The AWS-owned start URL, canonical as parseStartUrl makes it: what AWS is sent. */
      resolvedStartUrl: string;
      /** Read from the landing host; null for hosts without a region (`*.awsapps.com`): the user chooses. */
      region: string | null;
    }
  | { ok: false; message: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** HEAD refused: ask again with GET, as the AWS CLI does. */
export const HEAD_REFUSED = new Set([405, 501]);

/**
 * Reads the one answer of the vanity host: it must redirect to an https AWS-owned access portal. Anything else
 * is refused with a message naming where the host sent us, so the user can tell their administrator.
 */
export function resolveFromAnswer(vanityUrl: string, answer: VanityAnswer): VanityResolution {
  const host = new URL(vanityUrl).hostname;
  if (!REDIRECTS.has(answer.status)) {
    return {
      ok: false,
      message: `${host} answered HTTP ${answer.status} instead of sending you on to your AWS access portal. Use the start URL from your IAM Identity Center settings.`,
    };
  }
  if (!answer.location)
    return { ok: false, message: `${host} redirects, but does not say where to (no Location).` };
  let landing: URL;
  try {
    landing = new URL(answer.location, vanityUrl);
  } catch {
    return { ok: false, message: `${host} redirects to an address that is not a valid URL.` };
  }
  // Named without query or fragment: those may carry tokens of someone's single sign-on.
  const where = `${landing.protocol}//${landing.host}${landing.pathname}`;
  if (!isAwsOwnedPortalHost(landing.hostname)) {
    return {
      ok: false,
      message: `${host} leads to ${where}, which is not an AWS access portal. Use the start URL from your IAM Identity Center settings.`,
    };
  }
  if (landing.protocol !== 'https:')
    return { ok: false, message: `${host} leads to ${where}: an access portal must use https://.` };
  const parsed = parseStartUrl(where);
  if (!parsed.ok) return { ok: false, message: `${host} leads to ${where}: ${parsed.message}` };
  return { ok: true, resolvedStartUrl: parsed.startUrl, region: parsed.region };
}
