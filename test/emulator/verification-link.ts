import { type Partition, partitionDomains, partitionOfRegion, portalAppHost } from './hosts.ts';

const deviceHostOf = (instance: Instance) =>
  `device.sso.${instance.region}.${partitionDomains(instance.partition).api}`;

/**
 * Which page AWS links a device authorization to (docs/aws-protocol.md §5). AWS chooses; a client cannot ask.
 * `device`: the classic `device.sso.{r}.amazonaws.com/?user_code=…`; `portal`: the instance portal's single-page
 * app, `…/#/device?user_code=…`; `signin`: `https://{r}.signin.aws/platform/authorize?request_uri=…`, no code in
 * the link (the page shows it).
 */
export type VerificationStyle = 'device' | 'portal' | 'signin';
export const VERIFICATION_STYLES: readonly VerificationStyle[] = ['device', 'portal', 'signin'];

/** Which OIDC endpoint the StartDeviceAuthorization call came through (`oidc.{r}.amazonaws.com` or `.api.aws`). */
export type EndpointFamily = 'ipv4' | 'dualstack';

export interface Instance {
  readonly region: string;
  readonly startUrl: string;
  readonly partition: Partition;
}

/** Instance id of portals whose start URL does not carry one (awsapps aliases use their own host instead). */
export const DEFAULT_INSTANCE_ID = 'ssoins-7223c0ffee123456';

/**
 * The portal app's base URL, `/#/…` routes hang off it. An awsapps.com portal keeps its own host and `/start/`.
 * Other instances get the domain of the endpoint family the call came through: the legacy
 * `{id}.{r}.portal.amazonaws.com` through IPv4 OIDC, `{id}.portal.{r}.app.aws` through dual-stack OIDC
 * (aws/aws-cli #10507, fwdcloudsec/granted #960).
 */
export function portalAppBase(instance: Instance, family: EndpointFamily): string {
  const start = new URL(instance.startUrl);
  if (start.hostname.endsWith('.awsapps.com')) return `https://${start.hostname}/start/`;
  const label = start.hostname.split('.')[0] ?? '';
  const id = /^(sso)?ins-[a-z0-9-]{16}$/.test(label) ? label : DEFAULT_INSTANCE_ID;
  return `https://${portalAppHost(id, instance.region, family)}/`;
}

export function signinAwsHost(region: string): string {
  return `${region}.signin.aws`;
}

export interface IssuedCodes {
  readonly userCode: string;
  /** The opaque handle of a signin.aws link. */
  readonly requestUri: string;
}

/**
 * The `verificationUri` / `verificationUriComplete` pair of one device authorization. `verificationUri` stays the
 * classic device page, where a code can be typed by hand, whatever the style (an assumption: AWS's value for the
 * newer styles is not public). `portSuffix` keeps the port of a client that came in with one.
 */
export function verificationLink(
  style: VerificationStyle,
  instance: Instance,
  endpointFamily: EndpointFamily,
  codes: IssuedCodes,
  portSuffix = '',
): { verificationUri: string; verificationUriComplete: string } {
  const verificationUri = `https://${deviceHostOf(instance)}${portSuffix}/`;
  const withPort = (base: string) => base.replace(/^(https:\/\/[^/]+)/, `$1${portSuffix}`);
  const code = encodeURIComponent(codes.userCode);
  switch (style) {
    case 'device':
      return { verificationUri, verificationUriComplete: `${verificationUri}?user_code=${code}` };
    case 'portal':
      return {
        verificationUri,
        verificationUriComplete: `${withPort(portalAppBase(instance, endpointFamily))}#/device?user_code=${code}`,
      };
    case 'signin':
      return {
        verificationUri,
        verificationUriComplete: `https://${signinAwsHost(instance.region)}${portSuffix}/platform/authorize?request_uri=${encodeURIComponent(codes.requestUri)}`,
      };
  }
}

/** The instance an emulator serves (its home region's partition read from the region name). */
export function emulatorInstance(emulator: { region: string; startUrl: string }): Instance {
  const { region, startUrl } = emulator;
  return { region, startUrl, partition: partitionOfRegion(region) };
}

/** Every verification host of an instance, for host mapping in browsers (e2e harness, `npm start`). */
export function instanceVerificationHosts(instance: Instance): string[] {
  const hosts = [
    deviceHostOf(instance),
    new URL(portalAppBase(instance, 'ipv4')).hostname,
    new URL(portalAppBase(instance, 'dualstack')).hostname,
    signinAwsHost(instance.region),
  ];
  return [...new Set(hosts)];
}
