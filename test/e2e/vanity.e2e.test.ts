import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_AWS_LANDING, VANITY_HOSTS } from '../emulator/company-hosts.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { allowHostAccess } from './pages/permission-prompt.ts';
import { portalSection, shownUserCode } from './pages/portal-flow.ts';

/**
 * A company vanity start URL (docs/aws-protocol.md §3), added on the settings page as a person does: the
 * browser asks to let the extension visit that one host, the extension follows its redirect to the AWS portal,
 * and everything AWS is sent names the AWS portal while the extension keeps showing the address typed.
 * Headed on Xvfb: the browser's permission prompt is answered with real key presses (pages/permission-prompt.ts).
 */
let h: ExtensionHarness;
beforeAll(async () => {
  h = await launchExtension({ emulator: { organization: 'demo' }, headed: true });
});
afterAll(async () => {
  await h.close();
});

const VANITY_URL = `https://${VANITY_HOSTS.redirectsToPortal}`;

async function fillAndAdd(page: Page, startUrl: string, region: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Start URL' }).fill(startUrl);
  await page.getByRole('combobox', { name: 'Identity Center region' }).selectOption(region);
  await allowHostAccess(h, page, startUrl, () =>
    page.getByRole('button', { name: 'Add and sign in' }).click(),
  );
}

async function storedPortals(harness = h): Promise<unknown[]> {
  const worker = await harness.worker();
  const stored = await worker.evaluate(() => chrome.storage.local.get('portals'));
  return (stored.portals as unknown[] | undefined) ?? [];
}

describe('a company vanity start URL', () => {
  it('typed in the popup continues on the settings page, filled in (the prompt would close the popup)', async () => {
    const popup = await h.openPopup();
    await popup.getByRole('textbox', { name: 'Start URL' }).fill(VANITY_URL);
    const settings = h.context.waitForEvent('page', (p) => p.url().includes('/src/options/index.html?'));
    await popup.getByRole('button', { name: 'Add and sign in' }).click();
    const page = await settings;
    await expect.poll(() => page.getByRole('textbox', { name: 'Start URL' }).inputValue()).toBe(VANITY_URL);
    expect(await storedPortals()).toEqual([]);
    await page.close();
    await popup.close();
  });

  it('that leads outside AWS is refused with a message naming where it went, and nothing is added', async () => {
    const options = await h.openOptions();
    await fillAndAdd(options, `https://${VANITY_HOSTS.redirectsElsewhere}`, 'us-east-1');
    const error = options.getByRole('alert');
    await expect.poll(() => error.textContent()).toContain(`leads to ${NOT_AWS_LANDING}`);
    expect(await error.textContent()).not.toContain('SAMLRequest');
    expect(await storedPortals()).toEqual([]);
    await options.close();
  });

  it('is followed to the AWS portal: sign-in, accounts and the console work, under the name typed', async () => {
    const options = await h.openOptions();
    const devicePage = h.context.waitForEvent('page', (p) => p.url().includes('device.sso.'));
    await fillAndAdd(options, VANITY_URL, h.emulator.region);
    await devicePage;
    // The emulator, like AWS, only starts a sign-in for its own start URL: this succeeding shows what was sent.
    h.emulator.approve(await shownUserCode(options, VANITY_HOSTS.redirectsToPortal));
    await portalSection(options, VANITY_HOSTS.redirectsToPortal).getByText('Signed in').waitFor();
    expect(await storedPortals()).toEqual([
      expect.objectContaining({ startUrl: VANITY_URL, resolvedStartUrl: h.emulator.startUrl }),
    ]);
    await options.getByRole('definition').filter({ hasText: h.emulator.startUrl }).waitFor();

    const popup = await h.openPopup();
    const total = h.emulator.organization.accounts.length;
    await expect
      .poll(() => popup.getByRole('status').filter({ hasText: 'accounts' }).textContent())
      .toMatch(new RegExp(`^${total} accounts`));
    await popup.getByRole('combobox', { name: 'Search accounts and roles' }).fill('prod identity admin');
    await popup.getByRole('rowheader', { name: /^AdministratorAccess in acme-prod-identity/ }).waitFor();
    h.emulator.resetLog();
    const consoleTab = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
    await popup.keyboard.press('Shift+Enter');
    await (await consoleTab).waitForURL(/console\.aws\.amazon\.com\/console\/home/);
    const login = h.emulator.requests().find((r) => r.path === '/federation' && r.query.Action === 'login');
    expect(login?.query.Issuer).toBe(h.emulator.startUrl);
    await popup.close();
    await options.close();
  });
  it('behind a host that refuses HEAD is followed by GET, and found to be the portal already added', async () => {
    const options = await h.openOptions();
    await fillAndAdd(options, `https://${VANITY_HOSTS.refusesHead}`, h.emulator.region);
    const error = options.getByRole('alert');
    await expect
      .poll(() => error.textContent())
      .toContain(`leads to a portal already added as ${VANITY_HOSTS.redirectsToPortal}`);
    const vanityRequests = h.emulator.requests().filter((r) => r.host === VANITY_HOSTS.refusesHead);
    expect(vanityRequests.map((r) => [r.method, r.status])).toEqual([
      ['HEAD', 405],
      ['GET', 301],
    ]);
    expect(await storedPortals()).toHaveLength(1);
    await options.close();
  });

  it('is followed again at sign-in when its resolution is missing, and gives the host back when removed', async () => {
    const worker = await h.worker();
    // As an import without `resolvedStartUrl`, or a portal stored by an older version, leaves it.
    await worker.evaluate(async () => {
      const { portals } = (await chrome.storage.local.get('portals')) as {
        portals: Record<string, unknown>[];
      };
      await chrome.storage.local.set({ portals: portals.map(({ resolvedStartUrl: _, ...p }) => p) });
    });
    const options = await h.openOptions();
    const section = portalSection(options, VANITY_HOSTS.redirectsToPortal);
    await section.getByRole('button', { name: 'Sign out' }).click();
    const signIn = section.getByRole('button', { name: 'Sign in' });
    await signIn.waitFor();
    h.emulator.resetLog();
    const devicePage = h.context.waitForEvent('page', (p) => p.url().includes('device.sso.'));
    await signIn.click();
    await devicePage;
    expect(h.emulator.requests().filter((r) => r.path !== '/logout')[0]).toMatchObject({
      host: VANITY_HOSTS.redirectsToPortal,
      method: 'HEAD',
    });
    h.emulator.approve(await shownUserCode(options, VANITY_HOSTS.redirectsToPortal));
    await section.getByText('Signed in').waitFor();
    expect(await storedPortals()).toEqual([
      expect.objectContaining({ resolvedStartUrl: h.emulator.startUrl }),
    ]);

    await options.getByRole('button', { name: 'Remove portal' }).click();
    await options.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(storedPortals).toEqual([]);
    const access = await worker.evaluate(() => chrome.permissions.getAll());
    expect(access.origins).not.toContain(`${VANITY_URL}/*`);
    await options.close();
  });
  it('imported without its resolution, in a browser that never allowed the host: the settings page asks, then signs in', async () => {
    // A browser of its own: Chrome grants again without asking an origin it was once granted.
    const fresh = await launchExtension({ emulator: { organization: 'demo' }, headed: true });
    try {
      // As a settings file or a policy leaves it.
      await (await fresh.worker()).evaluate(
        (startUrl) =>
          chrome.storage.local.set({
            portals: [{ id: 'imported-1', startUrl, region: 'us-east-1', name: 'Corp' }],
          }),
        VANITY_URL,
      );
      const options = await fresh.openOptions();
      const devicePage = fresh.context.waitForEvent('page', (p) => p.url().includes('device.sso.'));
      await allowHostAccess(fresh, options, `https://${VANITY_HOSTS.redirectsToPortal}`, () =>
        options.getByRole('button', { name: `Allow visiting ${VANITY_HOSTS.redirectsToPortal}` }).click(),
      );
      await devicePage;
      fresh.emulator.approve(await shownUserCode(options, 'Corp'));
      await portalSection(options, 'Corp').getByText('Signed in').waitFor();
      expect(await storedPortals(fresh)).toEqual([
        expect.objectContaining({ resolvedStartUrl: fresh.emulator.startUrl }),
      ]);
    } finally {
      await fresh.close();
    }
  });
});
