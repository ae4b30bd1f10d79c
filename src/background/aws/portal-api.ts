import { LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { guardHost, type ServiceEndpoint, sdkConfig } from './service-endpoint';

/**
 * Portal API calls (portal.sso.{region}.amazonaws.com, or the dual-stack host: service-endpoint.ts). The directory
 * and console features add theirs here.
 */
export function portalClient(endpoint: ServiceEndpoint, options: { maxAttempts?: number } = {}): SSOClient {
  return guardHost(new SSOClient({ ...sdkConfig(endpoint), ...options }), 'portal', endpoint);
}

export async function logout(endpoint: ServiceEndpoint, accessToken: string): Promise<void> {
  await portalClient(endpoint).send(new LogoutCommand({ accessToken }));
}
