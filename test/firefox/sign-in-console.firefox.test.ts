import { afterEach, describe, expect, it } from 'vitest';
import type { FirefoxBinary } from './binaries.ts';
import { waitForTagPart } from './console-tag.ts';
import {
  approve,
  DEMO,
  fillAddPortal,
  formatAccountId,
  send,
  shownUserCode,
  submitAndAwaitDevicePage,
} from './flows.ts';
import {
  describeEachFirefox,
  escapeRegExp,
  type FirefoxHarness,
  type FirefoxLaunchOptions,
  findByRole,
  findByText,
  launchFirefox,
} from './harness.ts';

const ACCOUNT = 'acme-prod-identity';
const ROLE = 'AdministratorAccess';

let harness: FirefoxHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(firefox: FirefoxBinary, options: FirefoxLaunchOptions = {}) {
  harness = await launchFirefox({
    ...options,
    firefox,
    emulator: { organization: 'demo', ...options.emulator },
  });
  return harness;
}

describeEachFirefox(
  (firefox) => {
    describe('sign in, list accounts, open the console as a role, see it tagged', () => {
      it('does it all from the popup, against the emulator', async () => {
        const h = await start(firefox);
        const popup = await h.openPopup();
        expect(await h.hasAllOrigins(popup)).toBe(true);

        // 1. Add the portal and sign in: the extension opens AWS's device page; the user approves there.
        await fillAddPortal(h, popup);
        const device = await submitAndAwaitDevicePage(h, popup);
        const code = await shownUserCode(popup);
        expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
        await approve(popup, device, code);

        // 2. The popup lists the accounts; the settings page shows the portal signed in.
        const total = h.emulator.organization.accounts.length;
        await findByText(popup, `${total} accounts · synced`);
        await findByRole(popup, 'grid', 'Accounts and roles');
        await h.screenshot(popup, 'popup-accounts');
        const options = await h.openOptions();
        await findByText(await findByRole(options, 'region', `Portal ${DEMO}`), 'Signed in');
        await options.close();
        await popup.bringToFront();

        // 3. Find the role and open the console as it, in a new tab.
        const accountId =
          h.emulator.organization.accounts.find((a) => a.accountName === ACCOUNT)?.accountId ?? '';
        await (await findByRole(popup, 'combobox', 'Search accounts and roles')).type('prod identity admin');
        await findByRole(popup, 'rowheader', `${ROLE} in ${ACCOUNT} (${formatAccountId(accountId)})`);
        const consoleTab = h.waitForTab((url) => /\.console\.aws\.amazon\.com\/console\/home/.test(url));
        await (await findByRole(popup, 'button', `Open ${ROLE} in ${ACCOUNT} in a new tab`)).click();
        const tab = await consoleTab;
        expect(new URL(tab.url()).hostname).toBe(`${h.emulator.region}.console.aws.amazon.com`);

        // 4. The content script tags it: a strip and a pill in a closed shadow root, and the tab title's prefix.
        // Named by its visible text (WCAG 2.5.3), then what a click does; the time left may follow the id.
        const pillName = `AWS account ${ACCOUNT} · ${ROLE} ${formatAccountId(accountId)}`;
        const pill = await waitForTagPart(tab, 'button');
        await expect
          .poll(() => pill.evaluate((el) => el.getAttribute('aria-label')))
          .toMatch(new RegExp(`^${escapeRegExp(pillName)}( · .+)?\\. Copy account id$`));
        await expect.poll(() => tab.title()).toBe(`[${ACCOUNT} · ${ROLE}] Console Home`);
        const strip = await waitForTagPart(tab, '.strip');
        // "prod" in the account name: the danger tier, drawn red.
        expect(
          await strip.evaluate((el) => !(el as HTMLElement).hidden && el.classList.contains('danger')),
        ).toBe(true);
        await h.screenshot(tab, 'console-tagged');
        await pill.click();
        await expect.poll(() => h.readClipboard(tab)).toBe(accountId);

        const granted = h.emulator.requests().filter((r) => r.path === '/token' && r.status === 200);
        expect(granted).toHaveLength(1);
        expect(h.consoleErrors).toEqual([]);

        // 5. Uninstalled, the extension leaves no strip or pill behind (Firefox ends the content script without
        // letting it clean up; the tag is shown only by the extension's stylesheet, which goes with it).
        await h.browser.uninstallExtension('aws-sso-switcher@aws-sso-switcher.dev');
        await expect
          .poll(() =>
            tab.evaluate(
              () => getComputedStyle(document.getElementById('aws-sso-switcher-tag') as Element).display,
            ),
          )
          .toBe('none');
      });
    });
  },
  { everyFirefox: true },
);

describeEachFirefox((firefox) => {
  describe('host permissions', () => {
    it('cannot reach AWS without them; granted from a click, sign-in works', async () => {
      const h = await start(firefox, { grantHostPermissionsAtInstall: false });
      const popup = await h.openPopup();
      expect(await h.hasAllOrigins(popup)).toBe(false);

      await fillAddPortal(h, popup);
      await (await findByRole(popup, 'button', 'Add and sign in')).click();
      const alert = await findByRole(await findByRole(popup, 'form', 'Add a portal'), 'alert');
      // The form says why, not "check your connection".
      expect(await alert.evaluate((el) => el.textContent)).toContain('not allowed to reach AWS sites');
      // Without the host permission the call is a cross-origin fetch: Firefox sent only its CORS preflight, which
      // the emulator does not answer (docs/aws-protocol.md §8.5). Nothing reached the OIDC API.
      expect(h.emulator.requests().filter((r) => r.method !== 'OPTIONS')).toEqual([]);

      // The popup's banner asks for access from a real click, which is what Firefox requires.
      await (await findByRole(popup, 'button', 'Allow access to AWS sites')).click();
      await expect.poll(() => h.hasAllOrigins(popup)).toBe(true);
      const device = await submitAndAwaitDevicePage(h, popup);
      await approve(popup, device, await shownUserCode(popup));
      await findByRole(popup, 'combobox', 'Search accounts and roles');
      await findByRole(popup, 'grid', 'Accounts and roles');
    });
  });

  describe('containers', () => {
    it('opens the console in a container per account, asked at first use, and removes the containers it made', async () => {
      const h = await start(firefox, { prefs: { 'privacy.userContext.enabled': true } });
      const popup = await h.openPopup();
      await fillAddPortal(h, popup);
      const device = await submitAndAwaitDevicePage(h, popup);
      await approve(popup, device, await shownUserCode(popup));
      await findByRole(popup, 'grid', 'Accounts and roles');

      // The setting asks for the containers permission from the user's own key press.
      const options = await h.openOptions();
      const select = await findByRole(options, 'combobox', 'Keep consoles together');
      await select.focus();
      await options.keyboard.press('ArrowDown');
      const preference = async () =>
        (await send<{ consoleGroups: string }>(options, { type: 'getPreferences', payload: {} }))
          .consoleGroups;
      await expect.poll(preference).toBe('account');

      await popup.bringToFront();
      await (await findByRole(popup, 'combobox', 'Search accounts and roles')).type('prod identity admin');
      // A tab in a container lives in a user context puppeteer does not follow: look through the extension's eyes.
      await (await findByRole(popup, 'button', `Open ${ROLE} in ${ACCOUNT} in a new tab`)).click();
      const containers = () =>
        options.evaluate(async () => {
          type Api = {
            tabs: { query(q: object): Promise<{ url?: string; cookieStoreId?: string; title?: string }[]> };
            contextualIdentities: { query(q: object): Promise<{ name: string; cookieStoreId: string }[]> };
          };
          const api = (globalThis as unknown as { browser: Api }).browser;
          const identities = await api.contextualIdentities.query({});
          const tabs = await api.tabs.query({});
          const consoleTab = tabs.find((t) => t.url?.includes('console.aws.amazon.com/console/home'));
          return {
            names: identities.filter((i) => i.name.startsWith('AWS · ')).map((i) => i.name),
            tabContainer: identities.find((i) => i.cookieStoreId === consoleTab?.cookieStoreId)?.name ?? null,
            // The tag's title prefix: the console signed in, in the container, and the content script ran there.
            tabTitle: (consoleTab as { title?: string } | undefined)?.title ?? null,
          };
        });
      await expect.poll(containers).toEqual({
        names: [`AWS · ${ACCOUNT}`],
        tabContainer: `AWS · ${ACCOUNT}`,
        tabTitle: `[${ACCOUNT} · ${ROLE}] Console Home`,
      });

      await options.bringToFront();
      await (await findByRole(options, 'button', 'Remove the containers it made')).click();
      await expect.poll(async () => (await containers()).names).toEqual([]);
    });
  });
});
