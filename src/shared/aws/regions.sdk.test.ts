import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient } from '@aws-sdk/client-sso-oidc';
import { partition as sdkPartition } from '@aws-sdk/core/client';
import { SigninClient } from '@aws-sdk/nested-clients/signin';
import { describe, expect, it } from 'vitest';
import {
  IDENTITY_CENTER_REGIONS,
  type IpStack,
  oidcHost,
  PARTITIONS,
  partitionOfRegion,
  portalHost,
  REGION_CODE,
} from './regions';

/**
 * The region table's hosts are the AWS SDK's: the same SDK clients the worker sends through resolve every
 * region on both stacks, and the partition data the SDK ships names each region's partition and suffixes
 * (docs/aws-protocol.md §1). When AWS adds a partition or moves a host, an SDK upgrade fails this test.
 */

type Resolver = (params: Record<string, unknown>) => { url: URL };
const resolver = (client: { config: unknown }) =>
  (client.config as { endpointProvider: Resolver }).endpointProvider;
const oidc = resolver(new SSOOIDCClient({ region: 'us-east-1' }));
const portal = resolver(new SSOClient({ region: 'us-east-1' }));
const signin = resolver(new SigninClient({ region: 'us-east-1' }));

const STACKS: readonly IpStack[] = ['ipv4', 'dualstack'];
const resolve = (provider: Resolver, region: string, stack: IpStack) =>
  provider({ Region: region, UseDualStack: stack === 'dualstack', UseFIPS: false }).url.host;

describe('Identity Center hosts, as the AWS SDK resolves them', () => {
  for (const { code } of IDENTITY_CENTER_REGIONS) {
    for (const stack of STACKS) {
      it(`${code} (${stack})`, () => {
        expect(oidcHost(code, stack)).toBe(resolve(oidc, code, stack));
        expect(portalHost(code, stack)).toBe(resolve(portal, code, stack));
      });
    }
  }

  it("puts every region in the SDK's partition, with the SDK's DNS suffixes", () => {
    for (const { code, partition } of IDENTITY_CENTER_REGIONS) {
      const sdk = sdkPartition(code);
      expect(sdk.name, code).toBe(partition);
      expect(partitionOfRegion(code).id).toBe(partition);
      expect(PARTITIONS[partition].apiSuffix).toBe(sdk.dnsSuffix);
      expect(PARTITIONS[partition].dualStackSuffix).toBe(sdk.dualStackDnsSuffix);
    }
  });

  it("federates on the partition's regional sign-in host the SDK's sign-in client resolves", () => {
    for (const partition of Object.values(PARTITIONS)) {
      const region = IDENTITY_CENTER_REGIONS.find((r) => r.partition === partition.id)?.code ?? '';
      expect(`${region}.${partition.signinHost}`).toBe(resolve(signin, region, 'ipv4'));
    }
  });
});

/** Every region code in the partition data the SDK ships (its `regions` maps), read from the file itself. */
function sdkRegionCodes(): string[] {
  const core = dirname(createRequire(import.meta.url).resolve('@aws-sdk/core/package.json'));
  const file = join(core, 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js');
  const codes = [...readFileSync(file, 'utf8').matchAll(/"([a-z]+(?:-[a-z]+)+-\d+)": \{/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set(codes)];
}

describe('REGION_CODE, the one region pattern (docs/aws-protocol.md §1.5)', () => {
  it('accepts every region the SDK knows, in every partition', () => {
    const codes = sdkRegionCodes();
    expect(codes).toEqual(
      expect.arrayContaining(['us-east-1', 'us-gov-west-1', 'cn-north-1', 'eusc-de-east-1']),
    );
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.filter((code) => !REGION_CODE.test(code))).toEqual([]);
  });

  it('accepts a two-digit number, which AWS has not used yet', () => {
    expect(REGION_CODE.test('ap-southeast-10')).toBe(true);
  });

  it.each(['', 'us-east', 'US-EAST-1', 'us-east-1a', 'us-east-100', 'u-east-1', 'us_east_1', 'us-east-1 '])(
    'refuses %j',
    (value) => {
      expect(REGION_CODE.test(value)).toBe(false);
    },
  );
});
