import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../emulator/organization.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { canWritePolicies, type ManagedCopy, managedCopy } from './harness/managed-policy.ts';
import { portalSection, shownUserCode } from './pages/portal-flow.ts';
import { accountsSection, searchAccounts, sendRaw } from './pages/settings-page.ts';

/**
 * Settings an organisation manages, for real: a Chromium policy file in /etc/chromium/policies/managed for this
 * test's own copy of the extension (harness/managed-policy.ts says why a copy). The managed portal appears and
 * cannot be removed or renamed; managed account settings win and show locked in the settings and the popup;
 * managed keepSignedIn and preferences apply; a changed policy is applied while the browser runs.
 */
const START_URL = 'https://d-9067c0ffee.awsapps.com/start';
const REGION = 'us-east-1';
const PORTAL = 'Acme (managed)';
const payments = createOrganization('demo').accounts.find((a) => a.accountName === 'acme-prod-payments');
const PAYMENTS = payments?.accountId as string;
const policy = {
  portals: [{ startUrl: START_URL, region: REGION, name: PORTAL }],
  accountPrefs: {
    [PAYMENTS]: { alias: 'payments-prod', color: '#d13212', tier: 'production' },
    '12345': { alias: 'not an account id' },
  },
  preferences: { keepSignedIn: false, defaultRegion: 'eu-central-1' },
};

let h: ExtensionHarness;
let copy: ManagedCopy;
let options: Page;

describe.skipIf(!canWritePolicies)('settings managed by a Chromium policy', () => {
  beforeAll(async () => {
    copy = await managedCopy();
    await copy.writePolicy(policy);
    h = await launchExtension({
      dist: copy.dist,
      emulator: { organization: 'demo', startUrl: START_URL, region: REGION },
    });
    options = await h.openOptions();
  });
  afterAll(async () => {
    await h?.close();
    await copy?.dispose();
  });

  it('loads this copy under the id the policy names', () => {
    expect(h.extensionId).toBe(copy.extensionId);
  });

  it('adds the managed portal, which cannot be removed or renamed', async () => {
    const portal = portalSection(options, PORTAL);
    await portal.waitFor();
    await options.getByRole('region', { name: 'Managed by your organisation' }).waitFor();
    expect(await options.getByRole('button', { name: 'Remove portal' }).isDisabled()).toBe(true);
    expect(await options.getByRole('button', { name: 'Rename' }).isDisabled()).toBe(true);
    await options.getByText('Set by your organisation: it cannot be removed or renamed.').waitFor();
    // The background refuses too, whatever a page sends.
    const portals = (await options.evaluate(() => chrome.storage.local.get('portals'))).portals as {
      id: string;
    }[];
    const portalId = portals[0]?.id;
    expect(portalId).toMatch(/^managed-/);
    expect(await sendRaw(options, { type: 'removePortal', payload: { portalId } })).toMatchObject({
      ok: false,
      error: { message: 'This portal is set by your organisation and cannot be changed here.' },
    });

    // Managed preferences: keepSignedIn off (locked), console region locked.
    const keep = options.getByRole('checkbox', { name: /Stay signed in when the browser restarts/ });
    expect(await keep.isChecked()).toBe(false);
    expect(await keep.isDisabled()).toBe(true);
    const region = options.getByRole('combobox', { name: 'Default region' });
    expect(await region.inputValue()).toBe('eu-central-1');
    expect(await region.isDisabled()).toBe(true);

    // What the policy got wrong is listed, the rest applies.
    await options.getByText(/Parts of the policy were ignored \(\d\)/).click();
    await options.getByText('accountPrefs["12345"]: ignored', { exact: false }).waitFor();

    const device = h.context.waitForEvent('page', (p) => p.url().includes('device.sso.'));
    await portal.getByRole('button', { name: 'Sign in' }).click();
    await device;
    h.emulator.approve(await shownUserCode(options, PORTAL));
    await portal.getByText('Signed in').waitFor();
    // keepSignedIn off: the refresh token lives in storage.session, never on disk.
    const local = await options.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local).filter((k) => k.startsWith('auth.refresh'))).toEqual([]);
  });

  it('shows managed account settings locked in the table and in the popup', async () => {
    const table = accountsSection(options);
    await table.getByRole('table').waitFor();
    await searchAccounts(options, 'acme-prod-payments');
    const alias = table.getByRole('textbox', { name: 'Alias of acme-prod-payments' });
    expect(await alias.inputValue()).toBe('payments-prod');
    expect(await alias.isDisabled()).toBe(true);
    const colour = table.getByRole('combobox', { name: 'Colour of acme-prod-payments' });
    expect(await colour.inputValue()).toBe('#d13212');
    expect(await colour.isDisabled()).toBe(true);
    // Not managed: still the user's.
    expect(
      await table.getByRole('combobox', { name: 'Console region of acme-prod-payments' }).isDisabled(),
    ).toBe(false);
    await table.getByText('Greyed-out settings are set by your organisation', { exact: false }).waitFor();
    await table.getByRole('heading', { name: 'Accounts' }).evaluate((e) => e.scrollIntoView());
    await h.screenshot(options, 'options-accounts-managed');

    // A bulk edit leaves what the organisation set and says so.
    await searchAccounts(options, 'acme-prod-p*');
    await table.getByRole('button', { name: /^Select all \d+ matching$/ }).click();
    const bulk = table.getByRole('form', { name: 'Change selected accounts' });
    await bulk.getByRole('combobox', { name: 'Set colour' }).selectOption('Blue');
    await bulk.getByRole('button', { name: /^Apply to/ }).click();
    await bulk.getByText('1 account kept what your organisation set.', { exact: false }).waitFor();
    expect(await colour.inputValue()).toBe('#d13212');

    const popup = await h.openPopup();
    await popup.getByRole('combobox', { name: 'Search accounts and roles' }).fill('payments-prod');
    await popup.getByRole('button', { name: 'Edit account payments-prod' }).click();
    const dialog = popup.getByRole('dialog');
    expect(await dialog.getByRole('textbox', { name: 'Alias' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Colour Red' }).isDisabled()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Colour Red' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('combobox', { name: 'Console region' }).isDisabled()).toBe(false);
    await dialog.getByText('Set by your organisation').first().waitFor();
    await h.screenshot(popup, 'popup-account-editor-managed');
    // Saving what is unlocked works; the locked values stay the organisation's, and never become the user's.
    await dialog.getByRole('checkbox', { name: 'Hide this account from the list' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        async () =>
          (
            (await options.evaluate(() => chrome.storage.local.get('accountPrefs'))).accountPrefs as Record<
              string,
              unknown
            >
          )?.[PAYMENTS],
      )
      .toEqual({ hidden: true });
    expect(
      await sendRaw(options, {
        type: 'updateAccountPrefs',
        payload: { accountId: PAYMENTS, patch: { alias: 'mine' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'This account setting is set by your organisation and cannot be changed here.' },
    });
    await popup.close();
  });

  it('applies a changed policy while the browser runs', async () => {
    // Chromium notices a changed file within seconds.
    await copy.writePolicy({ portals: policy.portals, accountPrefs: { [PAYMENTS]: { color: '#0b63c5' } } });
    const table = accountsSection(options);
    await searchAccounts(options, 'acme-prod-payments');
    const colour = table.getByRole('combobox', { name: 'Colour of acme-prod-payments' });
    await expect.poll(() => colour.inputValue(), { timeout: 20_000 }).toBe('#0b63c5');
    const alias = table.getByRole('textbox', { name: 'Alias of acme-prod-payments' });
    expect(await alias.isDisabled()).toBe(false);
    // The organisation's alias was never the user's: without it, the account has none.
    expect(await alias.inputValue()).toBe('');
    expect(await options.getByRole('checkbox', { name: /Stay signed in/ }).isDisabled()).toBe(false);

    // No policy at all: the portal the policy added goes (signed out, cache forgotten), and no lock is left.
    await copy.writePolicy({});
    await expect.poll(() => portalSection(options, PORTAL).count(), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() => options.getByRole('region', { name: 'Managed by your organisation' }).count())
      .toBe(0);
    const local = await options.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(local).filter((k) => /^(settings\.managed|directory:|auth\.)/.test(k))).toEqual([]);
  });
});
