import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { classifyHost, MAPPED_HOST_PATTERNS, portalAppHost } from './hosts.ts';

/** Chromium's `MAP *.example.com` covers every subdomain but not the apex; `MAP example.com` only the apex. */
const mapped = (host: string) =>
  MAPPED_HOST_PATTERNS.some((pattern) =>
    pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern,
  );

/**
 * A concrete host for a manifest match pattern: `https://*.console.aws.amazon.com/*` → `us-east-1.console…`, and an
 * instance id where the wildcard stands for one (`https://*.us-east-1.portal.amazonaws.com/*`).
 */
const hostOf = (pattern: string) => {
  const label = /^https:\/\/\*\.(portal\.)?[a-z]+(-[a-z]+)+-\d+\./.test(pattern)
    ? 'ssoins-7223d9a3d2ab4b6b.'
    : 'us-east-1.';
  return new URL(pattern.replace('*.', label).replace(/\*$/, '')).hostname;
};

describe('the emulator answers every host the extension may reach', () => {
  it.each(manifest.host_permissions)('%s is mapped to the emulator and served', (pattern) => {
    const host = hostOf(pattern);
    expect(mapped(host)).toBe(true);
    expect(classifyHost(host).service).not.toBe('local');
  });

  it.each([
    ['oidc.us-east-1.api.aws', { service: 'oidc', partition: 'aws', stack: 'dualstack' }],
    [
      'portal.sso.cn-north-1.api.amazonwebservices.com.cn',
      { service: 'portal', partition: 'aws-cn', stack: 'dualstack' },
    ],
    ['oidc.eusc-de-east-1.amazonaws.eu', { service: 'oidc', partition: 'aws-eusc', stack: 'ipv4' }],
    [
      'portal.sso.eusc-de-east-1.api.amazonwebservices.eu',
      { service: 'portal', partition: 'aws-eusc', stack: 'dualstack' },
    ],
    ['eusc-de-east-1.signin.amazonaws-eusc.eu', { service: 'signin', partition: 'aws-eusc' }],
    ['eusc-de-east-1.console.amazonaws-eusc.eu', { service: 'console', partition: 'aws-eusc' }],
  ])('%s', (host, expected) => {
    expect(classifyHost(host)).toMatchObject(expected);
  });

  it.each([
    'oidc.us-east-1.amazonaws.eu',
    'oidc.eusc-de-east-1.amazonaws.com',
    'oidc.cn-north-1.api.aws',
    'ssoins-7223d9a3d2ab4b6b.portal.us-east-1.amazonaws.eu',
  ])('%s is no AWS host (a region on another partition’s domain)', (host) => {
    expect(classifyHost(host).service).toBe('local');
  });

  it('names the portal host of each endpoint family, and maps it', () => {
    const ins = 'ssoins-7223d9a3d2ab4b6b';
    for (const [region, stack, host] of [
      ['us-east-1', 'ipv4', `${ins}.us-east-1.portal.amazonaws.com`],
      ['us-east-1', 'dualstack', `${ins}.portal.us-east-1.app.aws`],
      ['cn-north-1', 'dualstack', `${ins}.portal.cn-north-1.app.amazonwebservices.com.cn`],
      ['eusc-de-east-1', 'ipv4', `${ins}.eusc-de-east-1.portal.amazonaws.eu`],
      ['eusc-de-east-1', 'dualstack', `${ins}.portal.eusc-de-east-1.api.amazonwebservices.eu`],
    ] as const) {
      expect(portalAppHost(ins, region, stack)).toBe(host);
      expect(classifyHost(host)).toMatchObject({ service: 'portal-app', region, stack, instanceId: ins });
      expect(mapped(host)).toBe(true);
    }
  });
});
