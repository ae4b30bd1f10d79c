import { once } from 'node:events';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCertificate } from './certificate.ts';
import { consoleSessionList } from './control.ts';
import { instanceOf } from './dual-stack.ts';
import { MAPPED_HOST_PATTERNS, partitionDomains, partitionOfRegion } from './hosts.ts';
import { createOrganization } from './organization.ts';
import { createHandler } from './router.ts';
import { EmulatorState } from './state.ts';
import type { Emulator, EmulatorOptions } from './types.ts';
import { emulatorInstance, instanceVerificationHosts } from './verification-link.ts';

export type {
  ConfigurePatch,
  ConsoleSessionInfo,
  Emulator,
  EmulatorOptions,
  FaultRule,
  Lifetimes,
  LoggedRequest,
  MalformedRule,
  Organization,
  OrganizationAccount,
} from './types.ts';

export const DEFAULT_START_URL = 'https://d-9067c0ffee.awsapps.com/start';

/** Starts the local AWS emulator: one HTTPS server answering every AWS host the extension uses. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const region = options.region ?? 'us-east-1';
  const startUrl = options.startUrl ?? DEFAULT_START_URL;
  const organization = createOrganization(options.organization ?? { seed: 1, accounts: 12 });
  const instance = instanceOf(startUrl);
  const dualStack = options.dualStack ?? instance.dualStack;
  const state = new EmulatorState(
    { region, startUrl, organization, instanceId: instance.instanceId, dualStack },
    options,
  );
  const certificate = await createCertificate(region);
  const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, createHandler(state));
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    port,
    baseUrl: `https://127.0.0.1:${port}`,
    certificatePem: certificate.certPem,
    spkiSha256: certificate.spkiSha256,
    startUrl,
    region,
    organization,
    approve: (userCode) => state.decide(userCode, 'approved'),
    deny: (userCode) => state.decide(userCode, 'denied'),
    pendingUserCodes: () => state.pendingUserCodes(),
    expireAccessTokens: () => state.expireAccessTokens(),
    endSessions: () => state.endSessions(),
    expireRegistrations: () => state.expireRegistrations(),
    advanceClock: (seconds) => state.advanceClock(seconds),
    requests: () => state.log.map((entry) => ({ ...entry, query: { ...entry.query } })),
    resetLog: () => {
      state.log.length = 0;
    },
    configure: (patch) => state.configure(patch),
    hold: (pathPrefix) => state.holds.hold(pathPrefix),
    consoleSessions: () => consoleSessionList(state),
    issuedRoleCredentials: () => [...state.roleCredentials.values()].map((c) => ({ ...c })),
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      // Keep-alive connections (the SDK's agents, browsers) would otherwise hold close() open.
      server.closeAllConnections();
      await closed;
    },
  };
}

/**
 * Chromium flags that map every AWS host the extension uses to this emulator and trust its certificate. With
 * `others` (more Identity Center instances, each in its own region), each answers its own region's OIDC, portal and
 * device hosts on both endpoint families and its region's instance portal hosts (listed first, so they win over
 * the main emulator's wildcards), and Chromium trusts every certificate.
 */
export function chromiumHostFlags(emulator: Emulator, others: readonly Emulator[] = []): string[] {
  const specific = others.flatMap((e) => {
    const domains = partitionDomains(partitionOfRegion(e.region));
    return [
      ...['oidc', 'portal.sso', 'device.sso'].map((service) => `${service}.${e.region}.${domains.api}`),
      ...['oidc', 'portal.sso'].map((service) => `${service}.${e.region}.${domains.dualStackApi}`),
      `*.${e.region}.${domains.portal}`,
      `*.portal.${e.region}.${domains.dualStackPortal}`,
      // The instance's own verification pages: an awsapps portal app, its region's signin.aws (§5).
      ...instanceVerificationHosts(emulatorInstance(e)),
    ].map((host) => `MAP ${host} 127.0.0.1:${e.port}`);
  });
  const main = MAPPED_HOST_PATTERNS.map((pattern) => `MAP ${pattern} 127.0.0.1:${emulator.port}`);
  const spki = [emulator, ...others].map((e) => e.spkiSha256).join(',');
  return [
    `--host-resolver-rules=${[...specific, ...main].join(', ')}`,
    `--ignore-certificate-errors-spki-list=${spki}`,
  ];
}
