import { PARTITIONS, type PartitionId } from './regions';

/**
 * The one sign-in host per partition where console federation happens (docs/aws-protocol.md §8): the regional
 * host of the partition's main region, used for getSigninToken, the login and the logout that wraps it (they
 * must share a host, §8.4). Declared once: the background builds its URLs from it, and
 * test/unit/manifest.test.ts holds the manifest's sign-in host permissions to exactly these hosts.
 */
const FEDERATION_REGION: Readonly<Record<PartitionId, string>> = {
  aws: 'us-east-1',
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
  'aws-eusc': 'eusc-de-east-1',
};

/** `us-east-1.signin.aws.amazon.com`, `us-gov-west-1.signin.amazonaws-us-gov.com`, … */
export function federationHost(partition: PartitionId): string {
  return `${FEDERATION_REGION[partition]}.${PARTITIONS[partition].signinHost}`;
}

/** Every partition's federation host as a match pattern, for the manifest's host permissions and its test. */
export function federationMatchPatterns(): string[] {
  return (Object.keys(PARTITIONS) as PartitionId[]).map((id) => `https://${federationHost(id)}/*`);
}
