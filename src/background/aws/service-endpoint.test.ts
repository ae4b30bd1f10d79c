import { LogoutCommand, SSOClient } from '@aws-sdk/client-sso';
import { SSOOIDCClient, StartDeviceAuthorizationCommand } from '@aws-sdk/client-sso-oidc';
import { describe, expect, it } from 'vitest';
import { portalClient } from './portal-api';
import { guardHost, sdkConfig, serviceEndpoint, UnexpectedEndpointError } from './service-endpoint';

const INS = 'ssoins-7223d9a3d2ab4b6b';

/** Where a client would send: the host its request has once the SDK resolved it, and nothing sent. */
async function hostOf(
  client: SSOClient,
  command = new LogoutCommand({ accessToken: 'at' }),
): Promise<string> {
  let host = '';
  client.middlewareStack.add(
    (_next) => async (args) => {
      host = (args.request as { hostname: string }).hostname;
      throw new Error('captured');
    },
    { step: 'finalizeRequest', priority: 'low', name: 'capture' },
  );
  await expect(client.send(command)).rejects.toThrow('captured');
  return host;
}

describe('serviceEndpoint: which endpoint family a portal uses (docs/aws-protocol.md §1)', () => {
  it.each([
    [`https://${INS}.portal.us-east-1.app.aws`, undefined, 'dualstack'],
    [`https://${INS}.portal.cn-north-1.app.amazonwebservices.com.cn`, undefined, 'dualstack'],
    [`https://${INS}.portal.eusc-de-east-1.api.amazonwebservices.eu`, undefined, 'dualstack'],
    [`https://${INS}.us-east-1.portal.amazonaws.com`, undefined, 'ipv4'],
    ['https://d-1234567890.awsapps.com/start', undefined, 'ipv4'],
    [`https://${INS}.eusc-de-east-1.portal.amazonaws.eu`, undefined, 'ipv4'],
    // Forced by the person, either way.
    [`https://${INS}.portal.us-east-1.app.aws`, 'ipv4', 'ipv4'],
    ['https://d-1234567890.awsapps.com/start', 'dualstack', 'dualstack'],
  ] as const)('%s with setting %s → %s', (startUrl, ipStack, stack) => {
    const portal = { startUrl, region: 'us-east-1', ...(ipStack ? { ipStack } : {}) };
    expect(serviceEndpoint(portal)).toEqual({ region: 'us-east-1', stack });
  });

  it('reads a vanity address by where it lands, not by the company host typed (§3)', () => {
    const vanity = { startUrl: 'https://aws.example-corp.com', region: 'us-east-1' };
    expect(serviceEndpoint(vanity).stack).toBe('ipv4');
    const landed = { ...vanity, resolvedStartUrl: `https://${INS}.portal.us-east-1.app.aws` };
    expect(serviceEndpoint(landed)).toEqual({ region: 'us-east-1', stack: 'dualstack' });
  });
});

describe('portal clients', () => {
  it.each([
    ['us-east-1', 'ipv4', 'portal.sso.us-east-1.amazonaws.com'],
    ['us-east-1', 'dualstack', 'portal.sso.us-east-1.api.aws'],
    ['us-gov-west-1', 'dualstack', 'portal.sso.us-gov-west-1.api.aws'],
    ['cn-north-1', 'dualstack', 'portal.sso.cn-north-1.api.amazonwebservices.com.cn'],
    ['eusc-de-east-1', 'ipv4', 'portal.sso.eusc-de-east-1.amazonaws.eu'],
    ['eusc-de-east-1', 'dualstack', 'portal.sso.eusc-de-east-1.api.amazonwebservices.eu'],
  ] as const)('%s on %s call %s', async (region, stack, host) => {
    expect(await hostOf(portalClient({ region, stack }))).toBe(host);
  });

  it('refuses a region where Identity Center does not run, before any client exists', () => {
    expect(() => sdkConfig({ region: 'xx-nowhere-1', stack: 'ipv4' })).toThrow(/not a region where IAM/);
  });

  it('never sends to a host other than the one the region table names', async () => {
    const endpoint = { region: 'us-east-1', stack: 'ipv4' } as const;
    // An SDK (or a configuration) that resolved elsewhere: the guard stops the request before it is sent.
    const client = guardHost(
      new SSOClient({ region: 'us-east-1', endpoint: 'https://evil.example' }),
      'portal',
      endpoint,
    );
    let sent = false;
    client.middlewareStack.add(
      (next) => async (args) => {
        sent = true;
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'low', name: 'sent' },
    );
    await expect(client.send(new LogoutCommand({ accessToken: 'at' }))).rejects.toBeInstanceOf(
      UnexpectedEndpointError,
    );
    expect(sent).toBe(false);
  });

  it('guards the OIDC client the same way, on its own host', async () => {
    const endpoint = { region: 'eu-west-1', stack: 'dualstack' } as const;
    const ok = guardHost(new SSOOIDCClient(sdkConfig(endpoint)), 'oidc', endpoint);
    const command = new StartDeviceAuthorizationCommand({ clientId: 'c', clientSecret: 's', startUrl: 'u' });
    expect(await hostOf(ok as unknown as SSOClient, command as never)).toBe('oidc.eu-west-1.api.aws');
    const wrong = guardHost(new SSOOIDCClient({ region: 'eu-west-1' }), 'oidc', endpoint);
    await expect(wrong.send(command)).rejects.toBeInstanceOf(UnexpectedEndpointError);
  });
});
