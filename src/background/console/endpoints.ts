import { type Partition, partitionOfRegion } from '../../shared/aws/regions';

/**
 * Where console federation happens for a partition. We use the regional sign-in host of the partition's
 * main region for every step: getSigninToken, login and the logout that wraps it must share one host, or the
 * logout's redirect is refused (docs/aws-protocol.md §8.4).
 */
const SIGNIN_REGION: Record<Partition['id'], string> = {
  aws: 'us-east-1',
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
  'aws-eusc': 'eusc-de-east-1',
};

export function signinOrigin(portalRegion: string): string {
  const partition = partitionOfRegion(portalRegion);
  return `https://${SIGNIN_REGION[partition.id]}.${partition.signinHost}`;
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
