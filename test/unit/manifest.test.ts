import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { federationMatchPatterns } from '../../src/shared/aws/federation-hosts';
import {
  deviceHost,
  IDENTITY_CENTER_REGIONS,
  oidcHost,
  PARTITIONS,
  portalHost,
} from '../../src/shared/aws/regions';
import { verificationMatchPatterns } from '../../src/shared/aws/verification-hosts';

describe('manifest.json', () => {
  it('asks host access for exactly the Identity Center API hosts (both stacks) and device hosts of every region', () => {
    // regions.sdk.test.ts checks these hosts against what the AWS SDK resolves.
    const apiHosts = manifest.host_permissions.filter((p) => /\/\/(oidc|portal\.sso|device\.sso)\./.test(p));
    const expected = IDENTITY_CENTER_REGIONS.flatMap(({ code }) => [
      `https://${oidcHost(code)}/*`,
      `https://${portalHost(code)}/*`,
      `https://${oidcHost(code, 'dualstack')}/*`,
      `https://${portalHost(code, 'dualstack')}/*`,
      `https://${deviceHost(code)}/*`,
    ]);
    expect(new Set(apiHosts)).toEqual(new Set(expected));
  });

  it('asks for no broad host access', () => {
    for (const pattern of manifest.host_permissions) {
      expect(pattern).not.toMatch(
        /^\*:|<all_urls>|^https:\/\/\*\.amazonaws\.com|^https:\/\/\*\/|^https:\/\/\*\.amazon\.com/,
      );
    }
  });

  it('may follow a company vanity start URL only with access granted for that one host, from a click', () => {
    // docs/security.md "Permissions": `https://*/*` is optional, never granted at install; the add-portal form
    // asks for exactly the typed host's origin (src/shared/host-access.ts requestVanityAccess).
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.host_permissions).not.toContain('https://*/*');
    // webRequest reads the redirect's Location, which fetch hides; it brings no install warning and sees only
    // hosts the extension may access.
    expect(manifest.permissions).toContain('webRequest');
    expect(manifest.permissions).not.toContain('webRequestBlocking');
  });

  it('reads the active tab only when the user opens the popup: activeTab and scripting, never tabs', () => {
    // "Add this portal" (src/popup/discover): activeTab grants the tab's URL and one page read on the user's
    // gesture, with no install warning; `tabs` would show every tab's URL, always (docs/security.md).
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting']));
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.optional_permissions).not.toContain('tabs');
  });

  it("reaches each partition's federation sign-in host, and no other sign-in host", () => {
    // getSigninToken is the worker's only fetch there; the login and logout are tab navigations, which need no
    // host access (docs/aws-protocol.md §8.5).
    const signinHosts = manifest.host_permissions.filter((p) =>
      Object.values(PARTITIONS).some(({ signinHost }) => p.includes(signinHost)),
    );
    expect(new Set(signinHosts)).toEqual(new Set(federationMatchPatterns()));
    expect(federationMatchPatterns()).toContain('https://us-east-1.signin.aws.amazon.com/*');
    expect(signinHosts.filter((p) => new URL(p.replace('/*', '/')).hostname.includes('*'))).toEqual([]);
  });

  it('is not reachable from web pages or other extensions', () => {
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('allows extension pages only their own scripts: stricter than the MV3 default', () => {
    // The default also allows 'wasm-unsafe-eval' (and localhost for unpacked builds); we need neither.
    const directives = Object.fromEntries(
      manifest.content_security_policy.extension_pages
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });

  it('may see which console page a tab shows, on the console hosts the content script tags anyway', () => {
    // "Same page, other account" needs the active console tab's URL; content-script matches do not grant that.
    const consoleHosts = manifest.host_permissions.filter((p) => /console\./.test(p));
    const matches = manifest.content_scripts
      .flatMap((script) => script.matches)
      .filter((m) => /console\./.test(m));
    expect(new Set(consoleHosts)).toEqual(new Set(matches));
  });

  it('runs the console content script on every console host of every partition', () => {
    const matches = manifest.content_scripts.flatMap((script) => script.matches);
    for (const { consoleHost: host } of Object.values(PARTITIONS)) {
      expect(matches).toContain(`https://${host}/*`);
      expect(matches).toContain(`https://*.${host}/*`);
    }
  });
});

describe('the device-page content script', () => {
  const device = manifest.content_scripts.find((script) =>
    script.js.some((js) => js.includes('content/device')),
  );

  it('runs on every AWS verification host (src/shared/aws/verification-hosts.ts), and nowhere else', () => {
    expect(new Set(device?.matches)).toEqual(new Set(verificationMatchPatterns()));
    // Today's pages (docs/aws-protocol.md §5), one of each form.
    for (const pattern of [
      'https://device.sso.us-east-1.amazonaws.com/*',
      'https://*.awsapps.com/*',
      'https://*.eu-west-1.portal.amazonaws.com/*',
      'https://*.portal.eu-west-1.app.aws/*',
      'https://ap-southeast-2.signin.aws/*',
    ]) {
      expect(device?.matches).toContain(pattern);
    }
  });

  it('may read the URL of each verification page, to close the tab it opened once the sign-in is done', () => {
    for (const pattern of verificationMatchPatterns()) expect(manifest.host_permissions).toContain(pattern);
  });
});
