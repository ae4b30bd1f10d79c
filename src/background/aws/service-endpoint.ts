import type { SSOClient } from '@aws-sdk/client-sso';
import type { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { findIdentityCenterRegion, type IpStack, oidcHost, portalHost } from '../../shared/aws/regions';
import { type Portal, portalStack } from '../../shared/portals/portal';
import { UserFacingError } from '../messaging/user-facing-error';

/**
 * Where a portal's OIDC and portal API calls go: its home region and endpoint family (docs/aws-protocol.md §1).
 * The SDK resolves the host (`useDualstackEndpoint`); `guardHost` then refuses to send anywhere but the host
 * the region table names for it, which the manifest lists and regions.sdk.test.ts checks against the SDK. So a
 * stored region AWS does not have, or an SDK that resolved somewhere else, never reaches the network.
 */
export interface ServiceEndpoint {
  readonly region: string;
  readonly stack: IpStack;
}

export function serviceEndpoint(
  portal: Pick<Portal, 'region' | 'startUrl' | 'resolvedStartUrl' | 'ipStack'>,
): ServiceEndpoint {
  return { region: portal.region, stack: portalStack(portal) };
}

/** Configuration for either SSO client; throws for a region where Identity Center does not run. */
export function sdkConfig(endpoint: ServiceEndpoint): { region: string; useDualstackEndpoint: boolean } {
  if (!findIdentityCenterRegion(endpoint.region)) {
    throw new UserFacingError(`${endpoint.region} is not a region where IAM Identity Center runs.`);
  }
  return { region: endpoint.region, useDualstackEndpoint: endpoint.stack === 'dualstack' };
}

/** The request left for a host that is not the one expected: nothing was sent. */
export class UnexpectedEndpointError extends UserFacingError {
  constructor(host: string) {
    super(`AWS SSO Switcher refused to send a request to ${host}: it is not this portal's AWS host.`);
    this.name = 'UnexpectedEndpointError';
  }
}

type Service = 'oidc' | 'portal';
const EXPECTED_HOST: Record<Service, (region: string, stack: IpStack) => string> = {
  oidc: oidcHost,
  portal: portalHost,
};

/** Checks every request just before it is signed and sent (step `finalizeRequest`, after endpoint resolution). */
export function guardHost<C extends SSOClient | SSOOIDCClient>(
  client: C,
  service: Service,
  endpoint: ServiceEndpoint,
): C {
  const expected = EXPECTED_HOST[service](endpoint.region, endpoint.stack);
  (client as SSOClient).middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { hostname?: string; protocol?: string; port?: number };
      const port = request.port;
      if (request.hostname !== expected || request.protocol !== 'https:' || (port && port !== 443)) {
        throw new UnexpectedEndpointError(String(request.hostname));
      }
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'high', name: 'guardHost' },
  );
  return client;
}
