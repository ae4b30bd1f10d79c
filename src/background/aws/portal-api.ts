import { LogoutCommand, SSOClient } from '@aws-sdk/client-sso';

/** Portal API calls (portal.sso.{region}.amazonaws.com). The directory and console features add theirs here. */
export function portalClient(region: string): SSOClient {
  return new SSOClient({ region });
}

export async function logout(region: string, accessToken: string): Promise<void> {
  await portalClient(region).send(new LogoutCommand({ accessToken }));
}
