import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorOptions } from '../emulator/index.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import {
  addPortalAndStartSignIn,
  expectSignedIn,
  portalSection,
  shownUserCode,
} from './pages/portal-flow.ts';
import { openTaggedConsole } from './pages/tagged-console.ts';

/**
 * Sign-in with each verification page AWS links to today (docs/aws-protocol.md §5): the extension opens what AWS
 * sends only on AWS's hosts, the banner says the right thing on each (also after single-page navigation), and the
 * tab is closed once approved, also after a redirect between those hosts.
 */

const DEMO = 'Demo';
const OURS = `AWS SSO Switcher: this is the sign-in you started (${DEMO}).`;
const NO_CODE = 'AWS SSO Switcher: no sign-in code found here.';
const foreign = (code: string) =>
  `Warning: the code ${code} is not from a sign-in you started in AWS SSO Switcher.`;

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function signInWith(emulator: EmulatorOptions) {
  harness = await launchExtension({ emulator: { organization: 'demo', ...emulator } });
  const popup = await harness.openPopup();
  const { startUrl, region } = harness.emulator;
  // A start URL that names its region leaves the region picker disabled.
  const input = startUrl.includes('.portal.') ? { startUrl, name: DEMO } : { startUrl, region, name: DEMO };
  const page = await addPortalAndStartSignIn(harness, popup, input);
  return { harness, popup, page, code: await shownUserCode(popup, DEMO) };
}

/**
 * Approves on the verification page, then checks what follows any sign-in: the tab closes, the accounts arrive
 * and a console opens tagged, with nothing logged as an error.
 */
async function approveThenUseIt(h: ExtensionHarness, popup: Page, page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Approve' }).click();
  await expectSignedIn(h, DEMO);
  await expect.poll(() => page.isClosed()).toBe(true);
  await openTaggedConsole(h, popup, 'us-east-1.console.aws.amazon.com');
  expect(h.consoleErrors).toEqual([]);
}

const banner = (page: Page, role: 'status' | 'alert', text: string) =>
  page.getByRole(role).filter({ hasText: text }).waitFor();

describe('the portal app page (…/#/device?user_code=…)', () => {
  it.each([
    ['an awsapps.com portal', undefined, 'https://d-9067c0ffee.awsapps.com/start/#/device?user_code='],
    [
      'an instance portal domain',
      'https://ssoins-7223c0ffee123456.us-east-1.portal.amazonaws.com',
      'https://ssoins-7223c0ffee123456.us-east-1.portal.amazonaws.com/#/device?user_code=',
    ],
  ])(
    '%s: signs in, the banner follows the app’s navigation, the tab closes',
    async (_kind, startUrl, link) => {
      const { harness, popup, page, code } = await signInWith({
        verification: 'portal',
        ...(startUrl ? { startUrl } : {}),
      });
      expect(page.url()).toBe(`${link}${code}`);
      await banner(page, 'status', OURS);
      await expect.poll(() => page.getByTestId('user-code').textContent()).toBe(code);

      // The app routes in the fragment: the banner follows each route, with no reload.
      const go = (hash: string) =>
        page.evaluate((to) => {
          location.hash = to;
        }, hash);
      await go('#/device');
      await page.getByText('Enter the code shown by your application.').waitFor();
      await banner(page, 'status', NO_CODE);
      await go('#/device?user_code=ZZZZ-ZZZZ');
      await banner(page, 'alert', foreign('ZZZZ-ZZZZ'));
      // The user's own portal (not the approval route): nothing to say.
      await go('#/');
      await page.getByText('Your applications and AWS accounts.').waitFor();
      await expect.poll(() => page.locator('#aws-sso-switcher-device-check').count()).toBe(0);
      // Back through the history (popstate and hashchange) to a code someone else sent, then ours.
      await page.goBack();
      await banner(page, 'alert', foreign('ZZZZ-ZZZZ'));
      await go(`#/device?user_code=${code}`);
      await banner(page, 'status', OURS);

      await approveThenUseIt(harness, popup, page);
    },
  );

  it('survives the portal sending the user to sign in on signin.aws and back: banner, approval, tab closed', async () => {
    const { harness, page, code } = await signInWith({ verification: 'portal', portalLogin: true });
    // The portal has no session yet: signin.aws, then back to the app with the route (and code) kept.
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`https://d-9067c0ffee.awsapps.com/start/#/device?user_code=${code}`);
    await banner(page, 'status', OURS);
    await page.getByRole('button', { name: 'Approve' }).click();
    await expectSignedIn(harness, DEMO);
    await expect.poll(() => page.isClosed()).toBe(true);
    const hops = harness.emulator.requests().map((r) => `${r.host}${r.path}`);
    expect(hops).toContain('us-east-1.signin.aws/platform/login');
    expect(harness.consoleErrors).toEqual([]);
  });

  it('warns on a dual-stack portal domain too, for a code someone else sent', async () => {
    harness = await launchExtension();
    const page = await harness.context.newPage();
    await page.goto('https://ssoins-7223c0ffee123456.portal.us-east-1.app.aws/#/device?user_code=QWER-TYUI');
    await banner(page, 'alert', foreign('QWER-TYUI'));
  });
});

describe('the signin.aws page (no code in the link)', () => {
  it('reads the code from the page once it appears, and closes the tab after the portal app approves', async () => {
    const { harness, popup, page, code } = await signInWith({ verification: 'signin' });
    const opened = new URL(page.url());
    expect(opened.host).toBe('us-east-1.signin.aws');
    expect(opened.searchParams.has('request_uri')).toBe(true);
    expect(page.url()).not.toContain(code);
    // The page shows the code after it loaded; the banner says ours only once it can see it.
    await page.getByText('Confirm this code matches the one given to you.').waitFor();
    await expect.poll(() => page.getByTestId('user-code').textContent()).toBe(code);
    await banner(page, 'status', OURS);

    // signin.aws → the portal app, which asks to approve: a redirect between verification hosts.
    await page.getByRole('button', { name: 'Confirm and continue' }).click();
    await page.waitForURL(`https://d-9067c0ffee.awsapps.com/start/#/device?user_code=${code}`);
    await banner(page, 'status', OURS);
    await approveThenUseIt(harness, popup, page);
  });

  it('says it found no code when the page shows none', async () => {
    harness = await launchExtension();
    const page = await harness.context.newPage();
    await page.goto('https://us-east-1.signin.aws/platform/authorize?request_uri=urn%3Aunknown');
    await page.getByText('not valid or has expired').waitFor();
    await banner(page, 'status', NO_CODE);
  });
});

describe('a verification link outside AWS', () => {
  it('is refused with a clear message, and no tab is opened', async () => {
    harness = await launchExtension();
    const evil = 'https://device.sso.us-east-1.amazonaws.com.evil.example/?user_code=ABCD-EFGH';
    harness.emulator.configure({ hostileVerificationLink: evil });
    const popup = await harness.openPopup();
    const pagesBefore = harness.context.pages().map((p) => p.url());
    const { startUrl, region } = harness.emulator;
    await popup.getByRole('textbox', { name: 'Start URL' }).fill(startUrl);
    await popup.getByRole('combobox', { name: 'Identity Center region' }).selectOption(region);
    await popup.getByRole('textbox', { name: 'Display name (optional)' }).fill(DEMO);
    await popup.getByRole('button', { name: 'Add and sign in' }).click();
    await portalSection(popup, DEMO)
      .getByRole('alert')
      .filter({
        hasText:
          'AWS sent a sign-in link that was not opened: device.sso.us-east-1.amazonaws.com.evil.example is not an AWS sign-in page.',
      })
      .waitFor();
    // Had the link been opened, its tab would be there by now: the alert comes after tabs.create.
    expect(harness.context.pages().map((p) => p.url())).toEqual(pagesBefore);
  });
});
