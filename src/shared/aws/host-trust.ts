/**
 * How far to trust the host of a start URL that did not come from the user's own typing (a settings file): an AWS
 * access portal, a company's vanity address (legitimate, but not AWS's: docs/aws-protocol.md §3), or a look-alike
 * that borrows an AWS portal name (`acme.awsapps.com.sso-login.example`), which parseStartUrl must accept as a
 * company address because any https host may be one. The host forms are the parser's and vanity.ts's; this file
 * only reads them.
 */
import { parseStartUrl } from './start-url';
import { AWS_PORTAL_DOMAINS, isAwsOwnedPortalHost } from './vanity';

export type HostTrust =
  /** One of the AWS access portal forms (docs/aws-protocol.md §2). */
  | { readonly kind: 'aws'; readonly host: string }
  /** A company address; `landsOn` is the AWS portal it leads to, when known (else followed at sign-in). */
  | { readonly kind: 'company'; readonly host: string; readonly landsOn?: string }
  /**
   * Not AWS's, yet its name carries an AWS portal domain or brand word (`imitates`, as written in the host).
   * `owner` is what follows an imitated domain at the start of the host: whoever owns the site.
   */
  | {
      readonly kind: 'look-alike';
      readonly host: string;
      readonly imitates: string;
      readonly owner?: string;
    };

/**
 * The distinctive words of the AWS portal domains (`awsapps`, `amazonaws`, `amazonwebservices`, `identitycenter`):
 * labels of seven letters or more, so the short ones a company may well use (`aws`, `app`, `api`, `portal`) are
 * not taken for imitation.
 */
export const AWS_BRAND_WORDS: readonly string[] = [
  ...new Set(AWS_PORTAL_DOMAINS.flatMap((domain) => domain.split('.')).filter((label) => label.length >= 7)),
];

export function judgeStartUrlHost(startUrl: string, resolvedStartUrl?: string): HostTrust {
  const parsed = parseStartUrl(startUrl);
  const host = URL.canParse(startUrl) ? new URL(startUrl).hostname : startUrl;
  if (parsed.ok && parsed.kind !== 'custom') return { kind: 'aws', host };
  const lookAlike = imitation(host);
  if (lookAlike) return { kind: 'look-alike', host, ...lookAlike };
  return { kind: 'company', host, ...(resolvedStartUrl ? { landsOn: resolvedStartUrl } : {}) };
}

/**
 * What an AWS-looking host imitates: an AWS portal domain at its start, read with hyphens as dots too
 * (`acme-awsapps-com.example`), or an AWS brand word as one of its labels (`amazonaws-login.example`).
 */
function imitation(host: string): { imitates: string; owner?: string } | null {
  const dotted = host.replace(/-/g, '.');
  const labels = dotted.split('.');
  for (let count = 2; count <= labels.length; count++) {
    const prefix = labels.slice(0, count).join('.');
    // Hyphens became dots of the same length, so the host's own text is cut at the same place.
    if (!isAwsOwnedPortalHost(prefix)) continue;
    const owner = host.slice(prefix.length + 1);
    return { imitates: host.slice(0, prefix.length), ...(owner ? { owner } : {}) };
  }
  const word = labels.find((label) => AWS_BRAND_WORDS.includes(label));
  return word ? { imitates: word } : null;
}
