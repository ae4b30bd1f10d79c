import type { ElementHandle } from 'puppeteer-core';
import { afterEach, expect, it } from 'vitest';
import { createOrganization } from '../emulator/organization.ts';
import {
  describeEachFirefox,
  type FirefoxHarness,
  findByRole,
  findByText,
  launchFirefox,
} from './harness.ts';

/**
 * Settings an organisation manages, from a real Firefox enterprise policy: `policies.json` in the
 * `distribution/` folder of an installation of the test's own (policy-install.ts), in the layout docs/admin.md
 * gives administrators. Firefox hands `3rdparty.Extensions[<add-on id>]` to the extension as storage.managed.
 */
const GECKO_ID = 'aws-sso-switcher@aws-sso-switcher.dev';
const START_URL = 'https://d-9067c0ffee.awsapps.com/start';
const REGION = 'us-east-1';
const PORTAL = 'Acme (managed)';
const PAYMENTS = createOrganization('demo').accounts.find((a) => a.accountName === 'acme-prod-payments');
const policies = {
  '3rdparty': {
    Extensions: {
      [GECKO_ID]: {
        portals: [{ startUrl: START_URL, region: REGION, name: PORTAL }],
        accountPrefs: {
          [PAYMENTS?.accountId ?? '']: { alias: 'payments-prod', color: '#d13212', tier: 'production' },
          '12345': { alias: 'not an account id' },
        },
        preferences: { defaultRegion: 'eu-central-1' },
      },
    },
  },
};

const disabled = (element: ElementHandle) => element.evaluate((el) => (el as HTMLInputElement).disabled);
const value = (element: ElementHandle) => element.evaluate((el) => (el as HTMLInputElement).value);

let h: FirefoxHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describeEachFirefox((firefox) => {
  it('adds the managed portal and shows what the policy sets locked on the settings page', async () => {
    h = await launchFirefox({
      firefox,
      policies,
      emulator: { organization: 'demo', startUrl: START_URL, region: REGION, autoApprove: true },
    });
    const options = await h.openOptions();
    await findByRole(options, 'region', 'Managed by your organisation');

    // The portal is there without the user adding it, and cannot be removed.
    const portal = await findByRole(options, 'region', `Portal ${PORTAL}`);
    await findByText(options, 'Set by your organisation: it cannot be removed or renamed.');
    expect(await disabled(await findByRole(options, 'button', 'Remove portal'))).toBe(true);

    // A managed preference: the value is the policy's and the control is locked.
    const region = await findByRole(options, 'combobox', 'Default region');
    expect(await value(region)).toBe('eu-central-1');
    expect(await disabled(region)).toBe(true);

    // What the policy got wrong is listed; the rest applies.
    await (await findByText(options, 'Parts of the policy were ignored (1)')).click();
    await findByText(options, 'accountPrefs["12345"]: ignored');

    // Signed in (the emulator approves at once), the managed account settings show locked in the table.
    await (await findByRole(portal, 'button', 'Sign in')).click();
    await findByText(await findByRole(options, 'region', `Portal ${PORTAL}`), 'Signed in');
    const accounts = await findByRole(options, 'region', 'Accounts');
    await (await findByRole(accounts, 'searchbox', 'Search accounts')).type('acme-prod-payments');
    const alias = await findByRole(accounts, 'textbox', 'Alias of acme-prod-payments');
    await expect.poll(() => value(alias)).toBe('payments-prod');
    expect(await disabled(alias)).toBe(true);
    const colour = await findByRole(accounts, 'combobox', 'Colour of acme-prod-payments');
    expect(await value(colour)).toBe('#d13212');
    expect(await disabled(colour)).toBe(true);
    // Not managed: still the user's.
    expect(
      await disabled(await findByRole(accounts, 'combobox', 'Console region of acme-prod-payments')),
    ).toBe(false);
    await h.screenshot(options, 'options-managed');
    expect(h.consoleErrors).toEqual([]);
  });
});
