import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { portalSection, shownUserCode } from './pages/portal-flow.ts';
import { openTaggedConsole } from './pages/tagged-console.ts';

/**
 * AWS as it is in late 2026 (docs/aws-protocol.md §1, §8): a dual-stack instance signed in through the dual-stack
 * endpoints, and what AWS does when it is reached through the IPv4 ones; a European Sovereign Cloud portal; and
 * GovCloud's console sign-in, whose sign-in host refuses getSigninToken by POST. Each goes from adding the portal
 * to a tagged console tab, with the unchanged bundle and every AWS host mapped to the emulator.
 */

const INS = 'ssoins-7223d9a3d2ab4b6b';
let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });

async function launch(region: string, startUrl: string): Promise<ExtensionHarness> {
  harness = await launchExtension({ emulator: { organization: 'demo', region, startUrl } });
  return harness;
}

/** Fills the add-portal form; resolves to the verification tab AWS's link opens (matched by `url`). */
async function addPortal(h: ExtensionHarness, page: Page, url: RegExp, region?: string): Promise<Page> {
  await page.getByRole('textbox', { name: 'Start URL' }).fill(h.emulator.startUrl);
  if (region) await page.getByRole('combobox', { name: 'Identity Center region' }).selectOption(region);
  await page.getByRole('textbox', { name: 'Display name (optional)' }).fill('Demo');
  const opened = h.context.waitForEvent('page', (p) => url.test(p.url()));
  await page.getByRole('button', { name: 'Add and sign in' }).click();
  return opened;
}

/** Hosts the extension sent AWS API calls to (OIDC and portal), in a set. */
function apiHosts(h: ExtensionHarness): Set<string> {
  return new Set(
    h.emulator
      .requests()
      .filter((r) => /^(oidc|portal\.sso)\./.test(r.host))
      .map((r) => r.host),
  );
}

describe('a dual-stack instance (start URL on app.aws)', () => {
  const startUrl = `https://${INS}.portal.us-east-1.app.aws`;

  it('signs in through the dual-stack endpoints, lists accounts, and opens a tagged console', async () => {
    const h = await launch('us-east-1', startUrl);
    const popup = await h.openPopup();
    const verification = await addPortal(h, popup, /\.portal\.us-east-1\.app\.aws\/#\/device\?user_code=/);
    const code = await shownUserCode(popup, 'Demo');
    await expect.poll(() => verification.getByTestId('user-code').textContent()).toBe(code);
    await verification.getByRole('button', { name: 'Approve' }).click();
    await searchBox(popup).waitFor();
    await openTaggedConsole(h, popup, 'us-east-1.console.aws.amazon.com');
    expect(apiHosts(h)).toEqual(new Set(['oidc.us-east-1.api.aws', 'portal.sso.us-east-1.api.aws']));
  });

  it('forced to IPv4, gets the legacy portal link, where approval fails as it does at AWS', async () => {
    const h = await launch('us-east-1', startUrl);
    const options = await h.openOptions();
    await addPortal(h, options, /\.portal\.us-east-1\.app\.aws\//);
    const section = portalSection(options, 'Demo');
    await options.getByRole('combobox', { name: 'Endpoints' }).selectOption('ipv4');
    await section.getByRole('button', { name: 'Sign in' }).waitFor();
    h.emulator.resetLog();
    const legacy = h.context.waitForEvent('page', (p) =>
      p.url().startsWith(`https://${INS}.us-east-1.portal.amazonaws.com/#/device?user_code=`),
    );
    await section.getByRole('button', { name: 'Sign in' }).click();
    const verification = await legacy;
    await verification.getByRole('button', { name: 'Approve' }).click();
    await verification.getByRole('heading', { name: "Something doesn't compute" }).waitFor();
    await verification.getByText("We couldn't verify your sign-in credentials. Please try again.").waitFor();
    expect(apiHosts(h)).toEqual(new Set(['oidc.us-east-1.amazonaws.com']));
    await expect
      .poll(() => section.getByRole('status', { name: 'Your sign-in code' }).isVisible())
      .toBe(true);
  });
});

describe('the AWS European Sovereign Cloud', () => {
  it('signs in on amazonaws.eu, and opens and tags the console on amazonaws-eusc.eu', async () => {
    const h = await launch('eusc-de-east-1', `https://${INS}.eusc-de-east-1.portal.amazonaws.eu`);
    const popup = await h.openPopup();
    await addPortal(h, popup, /^https:\/\/device\.sso\.eusc-de-east-1\.amazonaws\.eu\//);
    h.emulator.approve(await shownUserCode(popup, 'Demo'));
    await searchBox(popup).waitFor();
    const tab = await openTaggedConsole(h, popup, 'eusc-de-east-1.console.amazonaws-eusc.eu');
    expect(tab.url()).toMatch(/^https:\/\/eusc-de-east-1\.console\.amazonaws-eusc\.eu\/console\/home/);
    expect(apiHosts(h)).toEqual(
      new Set(['oidc.eusc-de-east-1.amazonaws.eu', 'portal.sso.eusc-de-east-1.amazonaws.eu']),
    );
    const federation = h.emulator.requests().filter((r) => r.path === '/federation');
    expect(new Set(federation.map((r) => r.host))).toEqual(
      new Set(['eusc-de-east-1.signin.amazonaws-eusc.eu']),
    );
  });
});

describe('GovCloud console sign-in', () => {
  it('falls back to getSigninToken by GET when the sign-in host refuses POST', async () => {
    const h = await launch('us-gov-west-1', 'https://start.us-gov-home.awsapps.com/directory/d-9067aa11bb');
    const popup = await h.openPopup();
    await addPortal(h, popup, /^https:\/\/device\.sso\.us-gov-west-1\.amazonaws\.com\//, 'us-gov-west-1');
    h.emulator.approve(await shownUserCode(popup, 'Demo'));
    await searchBox(popup).waitFor();
    h.emulator.resetLog();
    await openTaggedConsole(h, popup, 'us-gov-west-1.console.amazonaws-us-gov.com');
    const tokenCalls = h.emulator
      .requests()
      .filter((r) => r.path === '/federation' && r.query.Action !== 'login')
      .map((r) => [r.method, r.host, r.status]);
    expect(tokenCalls).toEqual([
      ['POST', 'us-gov-west-1.signin.amazonaws-us-gov.com', 405],
      ['GET', 'us-gov-west-1.signin.amazonaws-us-gov.com', 200],
    ]);
  });
});
