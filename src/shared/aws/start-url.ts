/**
 * Parses what a user pastes as an AWS access portal start URL (docs/aws-protocol.md §2) into one canonical string
 * plus the home region when the host carries it. Pure string logic: it runs in every extension context and tests.
 * The canonical string identifies a portal (duplicates) and, like the AWS CLI's token-cache key, is compared
 * literally, so `…/start`, `…/start/` and `…/start/#/` must all become one value.
 */
import { findIdentityCenterRegion, type IpStack, type PartitionId, partitionOfRegion } from './regions';

export type StartUrlKind =
  | 'awsapps'
  | 'portal'
  | 'app-aws'
  | 'china'
  | 'eusc'
  | 'govcloud-legacy'
  | 'issuer'
  | 'custom';

export type StartUrlResult =
  | {
      ok: true;
      /** Normalised: https, lower-case host, no port, query, fragment or trailing slash. */
      startUrl: string;
      /** Home region inferred from the host; null when the URL does not carry it (ask the user). */
      region: string | null;
      /** null when the URL does not tell (custom domains; the commercial issuer host also serves GovCloud). */
      partition: PartitionId | null;
      kind: StartUrlKind;
    }
  | { ok: false; message: string };

const EXAMPLES = [
  'https://d-xxxxxxxxxx.awsapps.com/start',
  'https://mycompany.awsapps.com/start',
  'https://ssoins-xxxxxxxxxxxxxxxx.portal.us-east-1.app.aws',
];

/** Three short example start URLs for placeholders and help text. */
export function describeStartUrlExamples(): string[] {
  return [...EXAMPLES];
}

const LOOKS_LIKE = `A start URL looks like ${EXAMPLES[0]} or ${EXAMPLES[2]}; find it in your invitation email or on the Settings page of IAM Identity Center.`;

/**
 * Where the portal lives on a host: under `/start` (kept), at the root (`/start` is an optional alias there, so
 * both become the root), under `/directory/<id>` (GovCloud and China legacy) or `/<id>` (issuer URL).
 */
type PathRule = 'start' | 'root' | 'directory' | 'id';

/**
 * One accepted host form: host pattern (named groups `ins`, an instance id to check, and `region`, optional),
 * kind, the partitions a region on that host may belong to, where the portal lives on it, and which endpoint
 * family AWS expects its instance to be called on (docs/aws-protocol.md §1: an instance on a dual-stack portal
 * domain must be signed in through the dual-stack OIDC endpoint). GovCloud reuses the commercial portal and issuer
 * domains (AWS SDK for .NET resolver), so a commercial host without a region leaves the partition unknown (null).
 */
type Form = readonly [
  host: RegExp,
  kind: StartUrlKind,
  partitions: readonly PartitionId[],
  path: PathRule,
  stack: IpStack,
];

const COMMERCIAL: readonly PartitionId[] = ['aws', 'aws-us-gov'];
const GOV: readonly PartitionId[] = ['aws-us-gov'];
const CN: readonly PartitionId[] = ['aws-cn'];
const EUSC: readonly PartitionId[] = ['aws-eusc'];

const FORMS: readonly Form[] = [
  // Directory id (d-xxxxxxxxxx) or alias, one label only: deeper awsapps.com hosts are GovCloud below, or no portal.
  [/^[^.]+\.awsapps\.com$/, 'awsapps', ['aws'], 'start', 'ipv4'],
  [/^(?<ins>[^.]+)\.portal\.(?<region>[^.]+)\.app\.aws$/, 'app-aws', COMMERCIAL, 'root', 'dualstack'],
  [/^(?<ins>[^.]+)\.(?<region>[^.]+)\.portal\.amazonaws\.com$/, 'portal', COMMERCIAL, 'root', 'ipv4'],
  [/^(?<ins>[^.]+)\.(?<region>[^.]+)\.portal\.amazonaws\.com\.cn$/, 'china', CN, 'root', 'ipv4'],
  [
    /^(?<ins>[^.]+)\.portal\.(?<region>[^.]+)\.app\.amazonwebservices\.com\.cn$/,
    'china',
    CN,
    'root',
    'dualstack',
  ],
  // The European Sovereign Cloud's two instance forms, as the AWS CLI reads them (docs/aws-protocol.md §1).
  [/^(?<ins>[^.]+)\.(?<region>[^.]+)\.portal\.amazonaws\.eu$/, 'eusc', EUSC, 'root', 'ipv4'],
  [
    /^(?<ins>[^.]+)\.portal\.(?<region>[^.]+)\.api\.amazonwebservices\.eu$/,
    'eusc',
    EUSC,
    'root',
    'dualstack',
  ],
  // The legacy forms are seen with and without a region label (`start.us-gov-east-1.us-gov-home…`).
  [/^start\.(?:(?<region>[^.]+)\.)?us-gov-home\.awsapps\.com$/, 'govcloud-legacy', GOV, 'directory', 'ipv4'],
  [/^start\.(?:(?<region>[^.]+)\.)?home\.awsapps\.cn$/, 'china', CN, 'directory', 'ipv4'],
  [/^identitycenter\.amazonaws\.com$/, 'issuer', COMMERCIAL, 'id', 'ipv4'],
  [/^identitycenter\.us-gov\.amazonaws\.com$/, 'issuer', GOV, 'id', 'ipv4'],
  [/^identitycenter\.amazonaws\.com\.cn$/, 'issuer', CN, 'id', 'ipv4'],
  [/^identitycenter\.amazonaws\.eu$/, 'issuer', EUSC, 'id', 'ipv4'],
];

/** Instance ids follow the ARN pattern `(sso)?ins-[a-zA-Z0-9-.]{16}`; a dot cannot occur inside a DNS label. */
const INSTANCE_ID = /^(?:sso)?ins-[a-z0-9-]{16}$/;

/** AWS-owned domains: a URL there that is not a form above is a pasting mistake, never a vanity domain. */
const AWS_DOMAIN =
  /(^|\.)(amazonaws\.(com|com\.cn|cn|eu)|amazonaws-us-gov\.com|amazonaws-eusc\.eu|amazonwebservices\.(com\.cn|eu)|amazon\.com|aws|awsapps\.(com|cn)|amazoncognito\.com)$/;
const CONSOLE = /(^|\.)console\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn|amazonaws-eusc\.eu)$/;
const SIGNIN =
  /^([a-z0-9-]+\.)?signin\.(aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn|amazonaws-eusc\.eu)$/;

const PARTITION_NAMES: Readonly<Record<PartitionId, string>> = {
  aws: 'commercial AWS',
  'aws-us-gov': 'GovCloud (US)',
  'aws-cn': 'China',
  'aws-eusc': 'European Sovereign Cloud',
};

const fail = (message: string): StartUrlResult => ({ ok: false, message });

export function parseStartUrl(input: string): StartUrlResult {
  const text = input.trim();
  if (text === '') return fail(`Enter your AWS access portal start URL. ${LOOKS_LIKE}`);
  if (/\s/.test(text)) return fail(`A start URL cannot contain spaces. ${LOOKS_LIKE}`);

  // People paste `mycompany.awsapps.com/start` without a scheme; `host:443` is not a scheme (digit after ':').
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return fail(`This is not a valid URL. ${LOOKS_LIKE}`); // Not echoed: it may hold a secret.
  }
  if (url.protocol === 'http:') return fail('The start URL must use https://, not http://.');
  if (url.protocol !== 'https:') return fail(`The start URL must begin with https://. ${LOOKS_LIKE}`);
  // Credentials in a stored URL would leak into storage, logs and every request.
  if (url.username || url.password) return fail('Remove the user name and password (the part before @).');

  const host = url.hostname.replace(/\.$/, '');
  if (/^\d+(\.\d+){3}$/.test(host) || host.startsWith('[')) {
    return fail(`${host} is an IP address; a start URL has a host name. ${LOOKS_LIKE}`);
  }
  if (host === 'localhost' || host.endsWith('.localhost'))
    return fail(`localhost is not an access portal. ${LOOKS_LIKE}`);
  // A bare word is most often the portal alias typed alone.
  if (!host.includes('.')) {
    return fail(`"${host}" is not a full host name. If it is your alias: https://${host}.awsapps.com/start`);
  }
  if (url.port) return fail(`Remove the port (:${url.port}); access portals use the default HTTPS port.`);
  const path = url.pathname.replace(/\/+$/, '');

  for (const [pattern, kind, partitions, rule] of FORMS) {
    const match = pattern.exec(host);
    if (!match) continue;
    const { ins, region } = match.groups ?? {};
    if (ins !== undefined && !INSTANCE_ID.test(ins)) {
      return fail(`${ins} is not an Identity Center instance id (ssoins- and 16 letters or digits).`);
    }
    const canonicalPath = normalisePath(rule, path);
    if (canonicalPath === null) return fail(pathMessage(rule, host, path));
    const startUrl = `https://${host}${canonicalPath}`;
    if (region === undefined) {
      const partition = partitions.length === 1 ? (partitions[0] ?? null) : null;
      return { ok: true, startUrl, region: null, partition, kind };
    }
    if (!findIdentityCenterRegion(region))
      return fail(`${region} is not a region where IAM Identity Center runs.`);
    const partition = partitionOfRegion(region).id;
    if (!partitions.includes(partition)) {
      const expected = partitions.map((id) => PARTITION_NAMES[id]).join(' or ');
      return fail(
        `${region} is a ${PARTITION_NAMES[partition]} region, but ${host} is a ${expected} portal host.`,
      );
    }
    return { ok: true, startUrl, region, partition, kind };
  }

  if (CONSOLE.test(host))
    return fail(`This is an AWS Management Console URL, not the access portal start URL. ${LOOKS_LIKE}`);
  if (SIGNIN.test(host))
    return fail(`This is the AWS sign-in page, not the access portal start URL. ${LOOKS_LIKE}`);
  if (/^device\.sso(-fips)?\./.test(host)) {
    return fail(
      `This is the sign-in confirmation (device) page, not the access portal start URL. ${LOOKS_LIKE}`,
    );
  }
  if (AWS_DOMAIN.test(host)) return fail(`${host} is an AWS host but not an access portal. ${LOOKS_LIKE}`);

  // A company vanity domain: followed to one of the forms above when the portal is added (docs/aws-protocol.md §3).
  return { ok: true, startUrl: `https://${host}${path}`, region: null, partition: null, kind: 'custom' };
}

/**
 * The endpoint family AWS expects for the instance behind a start URL: dual-stack for the dual-stack portal
 * domains, IPv4 for every other form (docs/aws-protocol.md §1). Reads the host only, so a stored portal needs no
 * new field; a vanity domain answers IPv4 until it is resolved to its AWS-owned URL.
 */
export function startUrlStack(startUrl: string): IpStack {
  const host = URL.canParse(startUrl) ? new URL(startUrl).hostname : '';
  return FORMS.find(([pattern]) => pattern.test(host))?.[4] ?? 'ipv4';
}

/** The canonical path for a host's rule, or null when the path is not where that host serves the portal. */
function normalisePath(rule: PathRule, path: string): string | null {
  if (rule === 'directory') return /^\/directory\/[\w-]+$/.test(path) ? path : null;
  if (rule === 'id') return /^\/[\w-]+$/.test(path) ? path : null;
  // The portal app routes in the fragment, so anything under /start is still the portal itself.
  if (!/^(\/start(\/.*)?)?$/i.test(path)) return null;
  return rule === 'start' ? '/start' : '';
}

const PATH_SHAPES: Readonly<Record<PathRule, string>> = {
  start: '/start',
  root: '',
  directory: '/directory/d-xxxxxxxxxx (your directory id or alias)',
  id: '/ssoins-xxxxxxxxxxxxxxxx (your instance id)',
};

function pathMessage(rule: PathRule, host: string, path: string): string {
  return `On ${host} the start URL is https://${host}${PATH_SHAPES[rule]}${path ? `, not …${path}` : ''}.`;
}
