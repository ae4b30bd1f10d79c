import { federationHost } from '../../shared/aws/federation-hosts';
import { partitionOfRegion } from '../../shared/aws/regions';

/**
 * Where console federation happens for a portal's partition: one regional sign-in host for every step, since
 * getSigninToken, login and the logout that wraps it must share a host or the logout's redirect is refused
 * (docs/aws-protocol.md §8.4). The hosts are declared in src/shared/aws/federation-hosts.ts.
 */
export function signinOrigin(portalRegion: string): string {
  return `https://${federationHost(partitionOfRegion(portalRegion).id)}`;
}

/** The console home in a region, in the partition of the portal. */
export function consoleHome(portalRegion: string, consoleRegion: string): string {
  const partition = partitionOfRegion(portalRegion);
  const query = new URLSearchParams({ region: consoleRegion });
  return `https://${consoleRegion}.${partition.consoleHost}/console/home?${query}`;
}

export function loginUrl(origin: string, signinToken: string, issuer: string, destination: string): string {
  const query = new URLSearchParams({
    Action: 'login',
    Issuer: issuer,
    Destination: destination,
    SigninToken: signinToken,
  });
  return `${origin}/federation?${query}`;
}

/**
 * Signs out any console session first, then lands on the login URL: without this, a browser already signed in
 * to the console as another role shows AWS's "You must first sign out" page instead of switching.
 */
export function logoutThenLogin(origin: string, login: string): string {
  const query = new URLSearchParams({ Action: 'logout', redirect_uri: login });
  return `${origin}/oauth?${query}`;
}
