import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeDirectory } from '../../src/shared/directory/compact.ts';
import { HOSTILE_ACCOUNT_NAMES } from '../emulator/organization.ts';
import { type ExtensionHarness, type LaunchOptions, launchExtension } from './harness/launch.ts';
import { signInAndListAll } from './pages/sign-in-helper.ts';

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search accounts and roles' });
const grid = (page: Page) => page.getByRole('grid', { name: 'Accounts and roles' });
const options = (page: Page) => grid(page).getByRole('rowheader');
const status = (page: Page) => page.getByRole('status').filter({ hasText: 'accounts' });

async function signedInPopup(launch: LaunchOptions) {
  const h = await launchExtension(launch);
  harness = h;
  const popup = await h.openPopup();
  await signInAndListAll(h, popup);
  return { h, popup };
}

const portalCalls = (h: ExtensionHarness) =>
  h.emulator.requests().filter((r) => r.path.startsWith('/assignment/'));

describe('the directory in the popup', () => {
  it('lists every account and role after the first sync, across several pages of accounts', async () => {
    const { h, popup } = await signedInPopup({ emulator: { organization: { seed: 7, accounts: 150 } } });
    expect(portalCalls(h).filter((r) => r.path === '/assignment/accounts')).toHaveLength(2);
    expect(portalCalls(h).filter((r) => r.path === '/assignment/roles' && r.status === 200)).toHaveLength(
      150,
    );
    await h.screenshot(popup, 'popup-directory');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(popup, 'popup-directory-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
    const first = h.emulator.organization.accounts[0];
    await searchBox(popup).fill(first?.accountId ?? '');
    for (const role of first?.roles ?? []) {
      await grid(popup)
        .getByRole('rowheader', { name: new RegExp(`^${role} in `) })
        .first()
        .waitFor();
    }
    expect(h.consoleErrors).toEqual([]);
  });

  it('shows the cached list at once when opened again, without asking AWS', async () => {
    const { h, popup } = await signedInPopup({ emulator: { organization: 'demo' } });
    await popup.close();
    const before = portalCalls(h).length;
    const again = await h.openPopup();
    await expect.poll(() => options(again).count()).toBeGreaterThan(5);
    expect(portalCalls(h).length).toBe(before);
  });

  it('loses nothing when AWS throttles and fails during the sync, and shows no error', async () => {
    const { h, popup } = await signedInPopup({
      emulator: {
        organization: { seed: 3, accounts: 120 },
        throttle: { ratePerSecond: 40, burst: 10 },
      },
    });
    h.emulator.configure({ faults: [{ path: '/assignment/roles', kind: 'internal-error', rate: 0.15 }] });
    h.emulator.resetLog();
    await popup.getByRole('button', { name: 'Sync' }).click();
    await expect
      .poll(
        () => h.emulator.requests().filter((r) => r.path === '/assignment/roles' && r.status === 200).length,
        {
          timeout: 40_000,
        },
      )
      .toBe(120);
    await expect.poll(() => status(popup).textContent()).toMatch(/^120 accounts · synced just now$/);
    const roles = h.emulator.organization.accounts.reduce((n, a) => n + a.roles.length, 0);
    await searchBox(popup).fill('');
    await expect
      .poll(() => popup.evaluate(() => document.querySelectorAll('[role="rowheader"]').length))
      .toBeGreaterThan(0);
    const text = await (await h.worker()).evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all).find(([k]) => k.startsWith('directory:'))?.[1] as string;
    });
    const stored = decodeDirectory(text)?.accounts.reduce((n, a) => n + a.roles.length, 0);
    expect(stored).toBe(roles);
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  it('loses nothing when AWS throttles as it does today: 429 "HTTP 429 Unknown Code", no Retry-After', async () => {
    // Slow enough that the sync surely meets AWS's 429 (docs/aws-protocol.md §7), which names no wait.
    const { h, popup } = await signedInPopup({ emulator: { organization: { seed: 4, accounts: 12 } } });
    h.emulator.configure({ throttle: { ratePerSecond: 4, burst: 1 } });
    h.emulator.resetLog();
    await popup.getByRole('button', { name: 'Sync' }).click();
    const answered = () =>
      h.emulator.requests().filter((r) => r.path === '/assignment/roles' && r.status === 200).length;
    await expect.poll(answered, { timeout: 40_000 }).toBe(12);
    await expect.poll(() => status(popup).textContent()).toMatch(/^12 accounts · synced just now$/);
    const throttled = h.emulator.requests().filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    expect(throttled.every((r) => r.errorType === 'TooManyRequestsException')).toBe(true);
    const roles = h.emulator.organization.accounts.reduce((n, a) => n + a.roles.length, 0);
    const text = await (await h.worker()).evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      return Object.entries(all).find(([k]) => k.startsWith('directory:'))?.[1] as string;
    });
    expect(decodeDirectory(text)?.accounts.reduce((n, a) => n + a.roles.length, 0)).toBe(roles);
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  it('syncs once more when Sync is pressed during a sync, so an account assigned meanwhile appears', async () => {
    const { h, popup } = await signedInPopup({ emulator: { organization: { seed: 5, accounts: 12 } } });
    h.emulator.resetLog();
    // The roles are held at the emulator's door, so the sync is surely still running when Sync is pressed
    // again, however fast or slow the machine (no latency to bet on).
    const roles = h.emulator.hold('/assignment/roles');
    const sync = popup.getByRole('button', { name: 'Sync' });
    await sync.click();
    const answered = (path: string) =>
      portalCalls(h).filter((r) => r.path === path && r.status === 200).length;
    // The running sync has read the account list: an account assigned now is not in its answer.
    await expect.poll(() => answered('/assignment/accounts')).toBe(1);
    await expect.poll(() => roles.waiting()).toBeGreaterThan(0);
    h.emulator.organization.accounts.push({
      accountId: '999999999999',
      accountName: 'assigned-just-now',
      emailAddress: 'aws+new@example.com',
      roles: ['ReadOnlyAccess'],
    });
    for (let press = 0; press < 3; press++) await sync.click();
    // All three presses have reached the worker and wait for the running sync's lock.
    const worker = await h.worker();
    const waitingSyncs = () =>
      worker.evaluate(
        async () =>
          ((await navigator.locks.query()).pending ?? []).filter((l) => l.name?.startsWith('directory-sync:'))
            .length,
      );
    await expect.poll(waitingSyncs).toBe(3);
    expect(answered('/assignment/roles')).toBe(0);
    roles.release();
    await searchBox(popup).fill('assigned-just-now');
    await grid(popup)
      .getByRole('rowheader', { name: /^ReadOnlyAccess in assigned-just-now/ })
      .waitFor({ timeout: 20_000 });
    await expect.poll(() => status(popup).textContent()).toMatch(/^1 of 13 accounts · synced just now$/);
    // Three presses during one sync made one more sync, not three.
    await expect.poll(waitingSyncs).toBe(0);
    expect(answered('/assignment/accounts')).toBe(2);
  });

  it('finds roles by words in any order, and moves through results with the keyboard', async () => {
    const { popup } = await signedInPopup({ emulator: { organization: 'demo' } });
    await expect.poll(() => searchBox(popup).evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.keyboard.type('admin prod ident');
    await expect
      .poll(() => options(popup).first().getAttribute('aria-label'))
      .toBe(
        'AdministratorAccess in acme-prod-identity (' +
          (await accountIdOf(popup, 'acme-prod-identity')) +
          ')',
      );
    await searchBox(popup).fill('prod admin');
    await expect.poll(() => options(popup).count()).toBeGreaterThan(2);
    const active = () => searchBox(popup).getAttribute('aria-activedescendant');
    const first = await active();
    await popup.keyboard.press('ArrowDown');
    await expect.poll(active).not.toBe(first);
    await popup.keyboard.press('ArrowUp');
    await expect.poll(active).toBe(first);
    await h().screenshot(popup, 'popup-search');
    await popup.keyboard.press('Escape');
    await expect.poll(() => searchBox(popup).inputValue()).toBe('');
  });

  it('puts starred roles first and keeps aliases the user set, which search finds', async () => {
    const { popup } = await signedInPopup({ emulator: { organization: 'demo' } });
    await searchBox(popup).fill('sandbox-carol');
    await grid(popup)
      .getByRole('button', { name: /^Star AdministratorAccess in acme-sandbox-carol/ })
      .click();
    await searchBox(popup).fill('');
    await expect
      .poll(() => options(popup).first().getAttribute('aria-label'))
      .toMatch(/^AdministratorAccess in acme-sandbox-carol/);

    await searchBox(popup).fill('sandbox-carol');
    await popup.getByRole('button', { name: 'Edit account acme-sandbox-carol' }).click();
    const dialog = popup.getByRole('dialog', { name: 'acme-sandbox-carol' });
    await dialog.getByRole('textbox', { name: 'Alias' }).fill('Carol’s playground');
    await dialog.getByRole('radio', { name: 'Colour Green' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await searchBox(popup).fill('playground');
    await expect
      .poll(() => options(popup).first().getAttribute('aria-label'))
      .toMatch(/^AdministratorAccess in Carol’s playground/);
    await h().screenshot(popup, 'popup-alias');

    // Alt+C copies the portal's shortcut link to the active role: no secret in it. The clipboard takes text
    // only from a focused document, and other tests' pages may have taken the focus on a loaded machine.
    await popup.bringToFront();
    await searchBox(popup).focus();
    await popup.keyboard.press('Alt+C');
    const carolId = h().emulator.organization.accounts.find(
      (a) => a.accountName === 'acme-sandbox-carol',
    )?.accountId;
    await expect
      .poll(() => h().readClipboard(popup))
      .toBe(`${h().emulator.startUrl}/#/console?account_id=${carolId}&role_name=AdministratorAccess`);

    // Hiding takes the account out of the list; the footer brings hidden accounts back.
    await popup.getByRole('button', { name: 'Edit account Carol’s playground' }).click();
    await popup.getByRole('checkbox', { name: 'Hide this account from the list' }).check();
    await popup.getByRole('button', { name: 'Save' }).click();
    await popup.getByText('Nothing matches').waitFor();
    await popup.getByRole('button', { name: 'Show 1 hidden' }).click();
    await options(popup).first().waitFor();
  });

  it('renders hostile account and role names as inert text', async () => {
    const { popup } = await signedInPopup({
      emulator: { organization: { seed: 2, accounts: 12, hostileNames: true } },
    });
    let dialogs = 0;
    popup.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await searchBox(popup).fill('img');
    await popup.getByText(HOSTILE_ACCOUNT_NAMES[0] ?? '', { exact: true }).waitFor();
    await searchBox(popup).fill('script');
    await grid(popup)
      .getByRole('rowheader', { name: /ReadOnly<script>/ })
      .waitFor();
    await searchBox(popup).fill('');
    await h().screenshot(popup, 'popup-hostile-names');
    expect(
      await popup.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src])').length),
    ).toBe(0);
    expect(dialogs).toBe(0);
  });

  it('keeps the cached list visible when the session is revoked, with a way to sign in again', async () => {
    const { h, popup } = await signedInPopup({ emulator: { organization: 'demo' } });
    h.emulator.endSessions();
    h.emulator.expireAccessTokens();
    await popup.getByRole('button', { name: 'Sync' }).click();
    await popup.getByText('Your session ended. Sign in again.').waitFor();
    await popup.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await options(popup).count()).toBeGreaterThan(5);
  });
});

function h(): ExtensionHarness {
  if (!harness) throw new Error('no harness');
  return harness;
}

async function accountIdOf(_popup: Page, name: string): Promise<string> {
  const account = h().emulator.organization.accounts.find((a) => a.accountName === name);
  const id = account?.accountId ?? '';
  return `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}`;
}
