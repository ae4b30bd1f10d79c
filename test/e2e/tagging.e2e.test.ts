import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionHarness, type LaunchOptions, launchExtension } from './harness/launch.ts';
import { clickTagPill, tagPillName } from './pages/console-tag.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });

/** Signs in, then opens the console as AdministratorAccess in acme-prod-identity from the popup. */
async function openTaggedConsole(launch: LaunchOptions = {}) {
  const h = await launchExtension({ emulator: { organization: 'demo', ...launch.emulator } });
  harness = h;
  const popup = await h.openPopup();
  await signInFromPopup(h, popup);
  await searchBox(popup).fill('prod identity admin');
  await popup.getByRole('rowheader', { name: /^AdministratorAccess in acme-prod-identity/ }).waitFor();
  const opened = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
  await popup.keyboard.press('Shift+Enter');
  const tab = await opened;
  await tab.waitForURL(/console\.aws\.amazon\.com\/console\/home/);
  const accountId =
    h.emulator.organization.accounts.find((a) => a.accountName === 'acme-prod-identity')?.accountId ?? '';
  return { h, popup, tab, accountId };
}

describe('console tabs tagged with account and role', () => {
  it('tags a console we signed in to: pill, title prefix, coloured favicon, danger tier for prod', async () => {
    const { h, tab, accountId } = await openTaggedConsole();
    await expect.poll(() => tagPillName(tab)).toContain('acme-prod-identity · AdministratorAccess');
    await expect.poll(() => tab.title()).toMatch(/^\[acme-prod-identity · AdministratorAccess\] /);
    expect(await tab.locator('link[rel~="icon"]').last().getAttribute('href')).toMatch(
      /^data:image\/svg\+xml,.*%23d13212/,
    );
    expect(await tab.locator('#aws-sso-switcher-tag').evaluate((el) => el.classList.contains('danger'))).toBe(
      true,
    );
    await clickTagPill(tab);
    await expect.poll(() => h.readClipboard(tab)).toBe(accountId);
    await h.screenshot(tab, 'console-tagged');
  });

  it('keeps the tag through in-page navigation and the console’s own title changes', async () => {
    const { tab } = await openTaggedConsole();
    await expect.poll(() => tab.title()).toMatch(/^\[acme-prod-identity/);
    await tab.getByRole('link', { name: 'EC2' }).click();
    await expect.poll(() => tab.title()).toMatch(/^\[acme-prod-identity · AdministratorAccess\] .*EC2/);
    await tab.evaluate(() => {
      document.title = 'Instances | EC2';
    });
    await expect.poll(() => tab.title()).toBe('[acme-prod-identity · AdministratorAccess] Instances | EC2');
  });

  it('tags a console tab the extension did not open, from what the page says', async () => {
    const { h, tab } = await openTaggedConsole();
    await expect.poll(() => tagPillName(tab)).not.toBeNull();
    const other = await h.context.newPage();
    await other.goto('https://us-east-1.console.aws.amazon.com/s3/home?region=us-east-1');
    await expect.poll(() => tagPillName(other)).toContain('acme-prod-identity');
  });

  it('tags a multi-session console on its own host', async () => {
    const { tab } = await openTaggedConsole({ emulator: { multiSession: true } });
    expect(new URL(tab.url()).hostname).toMatch(/^\d{12}-[a-z0-9]{8}\.us-east-1\.console\.aws\.amazon\.com$/);
    await expect.poll(() => tagPillName(tab)).toContain('acme-prod-identity');
  });

  it('updates open tabs at once when the alias changes, and shows a hostile alias as text', async () => {
    const { popup, tab } = await openTaggedConsole();
    await expect.poll(() => tagPillName(tab)).not.toBeNull();
    await popup.getByRole('button', { name: 'Edit account acme-prod-identity' }).click();
    const hostile = '<img src=x onerror=alert(1)> Identity PROD';
    await popup.getByRole('textbox', { name: 'Alias' }).fill(hostile);
    await popup.getByRole('radio', { name: 'Colour Purple' }).check();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => tagPillName(tab)).toContain(hostile);
    expect(await tab.locator('img[src="x"]').count()).toBe(0);
    expect(await tab.locator('link[rel~="icon"]').last().getAttribute('href')).toContain('%236b4fbb');
  });

  it('follows the danger tier and the tag parts the user chose, in open tabs at once', async () => {
    const { h, popup, tab } = await openTaggedConsole();
    const isDanger = () =>
      tab.locator('#aws-sso-switcher-tag').evaluate((el) => el.classList.contains('danger'));
    await expect.poll(isDanger).toBe(true);
    await popup.getByRole('button', { name: 'Edit account acme-prod-identity' }).click();
    await popup.getByRole('radio', { name: 'Normal: never red' }).check();
    await popup.getByRole('button', { name: 'Save' }).click();
    await expect.poll(isDanger).toBe(false);

    const options = await h.openOptions();
    await options.getByRole('checkbox', { name: 'Account and role at the start of the tab title' }).uncheck();
    await expect.poll(() => tab.title()).not.toMatch(/^\[/);
    await options
      .getByRole('checkbox', { name: 'Label with account, role and account id at the bottom' })
      .uncheck();
    await expect.poll(() => tagPillName(tab)).toBeNull();
    await h.screenshot(options, 'options-tagging');
  });

  it('removes everything it added when the extension goes away, leaving no errors', async () => {
    const { h, tab } = await openTaggedConsole();
    await expect.poll(() => tagPillName(tab)).not.toBeNull();
    const worker = await h.worker();
    await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await expect.poll(() => tab.locator('#aws-sso-switcher-tag').count()).toBe(0);
    await expect.poll(() => tab.title()).not.toMatch(/^\[/);
    expect(h.consoleErrors.filter((e) => e.includes('console.aws.amazon.com'))).toEqual([]);
  });
});
