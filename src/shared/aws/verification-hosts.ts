/**
 * The AWS-owned hosts where a device sign-in is approved (docs/aws-protocol.md §5), declared once: the background
 * checks every `verificationUriComplete` against them before opening it, and a unit test derives the manifest's
 * content-script matches and host permissions from them (the banner must run, and the tab be closable, on each).
 */
import { IDENTITY_CENTER_REGIONS, type PartitionId, partitionOfRegion } from './regions';

/**
 * Host templates per partition. `{region}` is an Identity Center region of that partition; a leading `*.` is the
 * instance id or portal alias (one or more labels: GovCloud's `start.us-gov-home.awsapps.com` has two).
 * GovCloud and China have no signin.aws page. The European Sovereign Cloud's hosts follow its API and portal
 * domains (docs/aws-protocol.md §1); none is confirmed by a public report yet.
 */
export const VERIFICATION_HOSTS: Readonly<Record<PartitionId, readonly string[]>> = {
  aws: [
    'device.sso.{region}.amazonaws.com',
    '*.awsapps.com',
    '*.{region}.portal.amazonaws.com',
    '*.portal.{region}.app.aws',
    '{region}.signin.aws',
  ],
  'aws-us-gov': [
    'device.sso.{region}.amazonaws.com',
    '*.awsapps.com',
    '*.{region}.portal.amazonaws.com',
    '*.portal.{region}.app.aws',
  ],
  'aws-cn': [
    'device.sso.{region}.amazonaws.com.cn',
    '*.{region}.portal.amazonaws.com.cn',
    '*.portal.{region}.app.amazonwebservices.com.cn',
  ],
  'aws-eusc': [
    'device.sso.{region}.amazonaws.eu',
    '*.{region}.portal.amazonaws.eu',
    '*.portal.{region}.api.amazonwebservices.eu',
  ],
};

function regionsOf(partition: PartitionId): string[] {
  return IDENTITY_CENTER_REGIONS.filter((r) => r.partition === partition).map((r) => r.code);
}

/** Every verification host as a Chrome match pattern (`https://…/*`), for the manifest and its test. */
export function verificationMatchPatterns(): string[] {
  const patterns = Object.entries(VERIFICATION_HOSTS).flatMap(([partition, templates]) =>
    templates.flatMap((template) =>
      template.includes('{region}')
        ? regionsOf(partition as PartitionId).map((code) => template.replace('{region}', code))
        : [template],
    ),
  );
  return [...new Set(patterns.map((host) => `https://${host}/*`))];
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const escapeDots = (text: string) => text.replace(/[.]/g, '\\.');

function templateMatches(template: string, host: string, partition: PartitionId): boolean {
  const source = escapeDots(template)
    .replace(/^\*\\\./, `(?:${LABEL}\\.)+`)
    .replace('{region}', '(?<region>[a-z0-9-]+)');
  const match = new RegExp(`^${source}$`).exec(host);
  if (!match) return false;
  const region = match.groups?.region;
  return (
    region === undefined ||
    (regionsOf(partition).includes(region) && partitionOfRegion(region).id === partition)
  );
}

export type VerificationLinkCheck = { ok: true; url: string } | { ok: false; message: string };

const PARTITION_NAMES: Readonly<Record<PartitionId, string>> = {
  aws: 'AWS',
  'aws-us-gov': 'AWS GovCloud (US)',
  'aws-cn': 'AWS China',
  'aws-eusc': 'AWS European Sovereign Cloud',
};

/**
 * Is `link` an https page on an AWS-owned verification host of `partition`? Anything else (http, a user name
 * before `@`, a port, a look-alike such as `device.sso.us-east-1.amazonaws.com.evil.example`, another partition's
 * host) is refused with a message that says why, naming the host so the user can report it.
 */
export function checkVerificationLink(link: string, partition: PartitionId): VerificationLinkCheck {
  const refuse = (why: string): VerificationLinkCheck => ({
    ok: false,
    message: `AWS sent a sign-in link that was not opened: ${why}. Try again; if it keeps happening, report it to your AWS administrator.`,
  });
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return refuse('it is not a valid URL');
  }
  if (url.protocol !== 'https:') return refuse(`it does not use https (${url.protocol})`);
  if (url.username || url.password) return refuse('it carries a user name or password');
  if (url.port) return refuse(`it names a port (${url.port})`);
  const host = url.hostname;
  if (!isVerificationHost(host, partition)) {
    return refuse(`${host} is not an ${PARTITION_NAMES[partition]} sign-in page`);
  }
  return { ok: true, url: url.href };
}

/** Is `host` (lower case, as `URL.hostname` gives it) one of the verification hosts of `partition`? */
export function isVerificationHost(host: string, partition: PartitionId): boolean {
  return VERIFICATION_HOSTS[partition].some((template) => templateMatches(template, host, partition));
}

/** Is `host` a verification host of any partition? (Where the banner may ask about a code.) */
export function isAnyVerificationHost(host: string): boolean {
  return (Object.keys(VERIFICATION_HOSTS) as PartitionId[]).some((p) => isVerificationHost(host, p));
}

/** Is `link` a page on a verification host of `partition` (any scheme check included)? For closing our tab. */
export function isVerificationPage(link: string, partition: PartitionId): boolean {
  return checkVerificationLink(link, partition).ok;
}
