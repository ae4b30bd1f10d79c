/**
 * Company vanity hosts the emulator plays (docs/aws-protocol.md §3), answered by vanity.ts:
 * - `aws.example-corp.test`: 302 to this instance's start URL;
 * - `aws.lost-corp.test`: 302 to a company login page that is not AWS (a misconfigured redirect);
 * - `aws.no-head-corp.test`: refuses HEAD with 405 and redirects GET, as some servers do.
 * `.test` is reserved (RFC 2606): these names can never reach a real company.
 */
export const VANITY_HOSTS = {
  redirectsToPortal: 'aws.example-corp.test',
  redirectsElsewhere: 'aws.lost-corp.test',
  refusesHead: 'aws.no-head-corp.test',
} as const;

/** Where `aws.lost-corp.test` sends people. */
export const NOT_AWS_LANDING = 'https://login.example-idp.test/sso/saml';
