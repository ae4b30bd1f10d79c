import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';

/**
 * Console sign-in beyond the first click: multi-session consoles, "same page, other account", where the
 * console opens, and a session length AWS refuses.
 */
let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });
const isConsole = (p: Page) => /console\.aws\.amazon\.com/.test(p.url());

/** Searches the popup for a role and waits until it is the active role. */
async function find(popup: Page, query: string, option: RegExp): Promise<void> {
  await searchBox(popup).fill(query);
  await expect
    .poll(() =>
      popup
        .getByRole('grid', { name: 'Accounts and roles' })
        .getByRole('rowheader', { selected: true })
        .getAttribute('aria-label'),
    )
    .toMatch(option);
}

const federationCalls = (h: ExtensionHarness) =>
  h.emulator.requests().filter((r) => r.path === '/federation' || r.path === '/oauth');

/** Sets a preference on the settings page, and waits until the background has it. */
async function setOption(h: ExtensionHarness, label: string, value: string, field: string, stored: unknown) {
  const options = await h.openOptions();
  await options.getByRole('combobox', { name: label }).selectOption(value);
  await expect
    .poll(() =>
      options.evaluate(
        async (field) =>
          (
            (await chrome.runtime.sendMessage({ type: 'getPreferences', payload: {} })) as {
              value: Record<string, unknown>;
            }
          ).value[field],
        field,
      ),
    )
    .toBe(stored);
  await options.close();
}

/** Runs in the worker: the URL of the tab the extension takes for "the current tab". */
async function activeTabUrl(): Promise<string> {
  const api = (
    globalThis as unknown as {
      chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } };
    }
  ).chrome;
  return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url ?? '';
}

/** Runs in the worker: how many browser windows are open. */
async function windowCount(): Promise<number> {
  const api = (globalThis as unknown as { chrome: { windows: { getAll(): Promise<unknown[]> } } }).chrome;
  return (await api.windows.getAll()).length;
}

describe('console sessions', () => {
  it('adds sessions in a multi-session console, and brings forward the tab that already holds a role', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo', multiSession: true } });
    const h = harness;
    const popup = await h.openPopup();
    await signInFromPopup(h, popup);

    await find(popup, 'prod identity admin', /^AdministratorAccess in acme-prod-identity/);
    const first = h.context.waitForEvent('page', isConsole);
    await popup.keyboard.press('Shift+Enter');
    const adminTab = await first;
    // A multi-session host; its tag tells the extension the console runs in that mode.
    await adminTab.waitForURL(/\d{12}-[a-z0-9]{8}\.us-east-1\.console\.aws\.amazon\.com/);
    await adminTab.locator('#aws-sso-switcher-tag').waitFor({ state: 'attached' });

    h.emulator.resetLog();
    await find(popup, 'prod identity read', /^ReadOnlyAccess in acme-prod-identity/);
    const second = h.context.waitForEvent('page', isConsole);
    await popup.keyboard.press('Shift+Enter');
    await (await second).waitForURL(/\d{12}-[a-z0-9]{8}\.us-east-1\.console\.aws\.amazon\.com/);
    // Added, not replaced: no logout on the way, and both sessions live.
    expect(federationCalls(h).map((r) => r.path)).toEqual(['/federation', '/federation']);
    expect(
      h.emulator
        .consoleSessions()
        .map((s) => s.roleName)
        .sort(),
    ).toEqual(['AdministratorAccess', 'ReadOnlyAccess']);

    // Asking for a role whose session is open brings its tab forward instead of signing in again.
    h.emulator.resetLog();
    const pagesBefore = h.context.pages().length;
    await find(popup, 'prod identity admin', /^AdministratorAccess in acme-prod-identity/);
    await popup.keyboard.press('Enter');
    await expect.poll(() => adminTab.evaluate(() => document.visibilityState)).toBe('visible');
    expect(federationCalls(h)).toEqual([]);
    expect(h.context.pages()).toHaveLength(pagesBefore);
  });

  it('reopens the same console page as another role, signing the old session out first', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo' } });
    const h = harness;
    const popup = await h.openPopup();
    await signInFromPopup(h, popup);
    await find(popup, 'prod identity admin', /^AdministratorAccess in acme-prod-identity/);
    const opened = h.context.waitForEvent('page', isConsole);
    await popup.keyboard.press('Shift+Enter');
    const tab = await opened;
    await tab.waitForURL(/console\/home/);
    await tab.goto('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');

    // The console tab is the active one; the popup (a tab here) still takes keys.
    await tab.bringToFront();
    await expect.poll(() => h.worker().then((w) => w.evaluate(activeTabUrl))).toContain('/ec2/home');
    h.emulator.resetLog();
    await find(popup, 'prod identity read', /^ReadOnlyAccess in acme-prod-identity/);
    await popup.keyboard.press('Enter');
    await expect.poll(() => h.emulator.consoleSessions().map((s) => s.roleName)).toEqual(['ReadOnlyAccess']);
    await tab.waitForURL('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
    // The sign-in token by POST (its Action is in the body), then one navigation: logout, then login.
    expect(federationCalls(h).map((r) => `${r.method} ${r.path}?${r.query.Action ?? ''}`)).toEqual([
      'POST /federation?',
      'GET /oauth?logout',
      'GET /federation?login',
    ]);
  });

  it('opens in a new window when set so', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo' } });
    const h = harness;
    const popup = await h.openPopup();
    await signInFromPopup(h, popup);
    await setOption(h, 'Open the console in', 'new-window', 'consoleTabMode', 'new-window');
    const windowsBefore = await (await h.worker()).evaluate(windowCount);
    await find(popup, 'prod identity admin', /^AdministratorAccess in acme-prod-identity/);
    const opened = h.context.waitForEvent('page', isConsole);
    await popup.keyboard.press('Enter');
    await (await opened).waitForURL(/console\/home/);
    expect(await (await h.worker()).evaluate(windowCount)).toBe(windowsBefore + 1);
  });

  it('opens with AWS’s default length when AWS refuses the chosen one, and says so once', async () => {
    harness = await launchExtension({ emulator: { organization: 'demo', refuseSessionDuration: true } });
    const h = harness;
    const popup = await h.openPopup();
    await signInFromPopup(h, popup);
    await setOption(h, 'Console session length', '60', 'sessionDurationMinutes', 60);
    await find(popup, 'prod identity admin', /^AdministratorAccess in acme-prod-identity/);
    h.emulator.resetLog();
    const opened = h.context.waitForEvent('page', isConsole);
    await popup.keyboard.press('Shift+Enter');
    await (await opened).waitForURL(/console\/home/);
    const tokens = h.emulator.requests().filter((r) => r.path === '/federation' && r.method === 'POST');
    expect(tokens.map((r) => r.status)).toEqual([400, 200]);

    const again = await h.openPopup();
    await again.getByRole('status').filter({ hasText: 'AWS refused a 1-hour console session' }).waitFor();
    await again.close();
    const third = await h.openPopup();
    await searchBox(third).waitFor();
    await third.getByRole('rowheader').first().waitFor();
    expect(await third.getByText('AWS refused').count()).toBe(0);
  });

  it.each([
    [
      'GovCloud',
      'us-gov-west-1',
      'https://start.us-gov-home.awsapps.com/directory/d-9067aa11bb',
      /\.console\.amazonaws-us-gov\.com\/console\/home/,
      'signin.amazonaws-us-gov.com',
    ],
    [
      'China',
      'cn-north-1',
      'https://start.home.awsapps.cn/directory/d-9067cc22dd',
      /\.console\.amazonaws\.cn\/console\/home/,
      'signin.amazonaws.cn',
    ],
  ])(
    'signs in to a %s console on its own partition’s endpoints',
    async (_name, region, startUrl, consoleUrl, signinHost) => {
      harness = await launchExtension({ emulator: { organization: 'demo', region, startUrl } });
      const h = harness;
      const popup = await h.openPopup();
      await signInFromPopup(h, popup);
      await find(popup, 'prod identity admin', /^AdministratorAccess in acme-prod-identity/);
      h.emulator.resetLog();
      const opened = h.context.waitForEvent('page', (p) => consoleUrl.test(p.url()));
      await popup.keyboard.press('Shift+Enter');
      const tab = await opened;
      expect(new URL(tab.url()).hostname).toBe(
        `${region}.${consoleUrl.source.includes('us-gov') ? 'console.amazonaws-us-gov.com' : 'console.amazonaws.cn'}`,
      );
      const hosts = new Set(federationCalls(h).map((r) => r.host));
      expect([...hosts]).toEqual([`${region}.${signinHost}`]);
      expect(h.emulator.requests().find((r) => r.path === '/federation/credentials')?.host).toBe(
        `portal.sso.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`,
      );
    },
  );
});
