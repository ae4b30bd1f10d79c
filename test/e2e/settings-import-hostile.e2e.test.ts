import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { dataSection, previewImport, sendRaw } from './pages/settings-page.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';

/*
 * A crafted settings file, as someone who wants prod to look like a sandbox would write it (docs/security.md,
 * "A settings file"): the signed-in portal "Demo" moved to a look-alike host that the start-URL parser must
 * accept as a company address, and acme-prod-payments turned into a green, normal-tier "sandbox".
 */

const LOOK_ALIKE = 'https://demo.awsapps.com.sso-login.example/start';
let h: ExtensionHarness;
let options: Page;
let payments: string;

const file = (body: object) => JSON.stringify({ format: 'aws-sso-switcher/settings', version: 2, ...body });
const storedLocal = (key: string) =>
  options.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<unknown>;

beforeAll(async () => {
  h = await launchExtension({ emulator: { organization: 'demo' } });
  payments = h.emulator.organization.accounts.find((a) => a.accountName === 'acme-prod-payments')
    ?.accountId as string;
  const popup = await h.openPopup();
  await signInFromPopup(h, popup);
  await popup.close();
  options = await h.openOptions();
  await options.getByRole('region', { name: 'Portal Demo' }).getByText('Signed in').waitFor();
});
afterAll(() => h?.close());

describe('importing a crafted settings file', () => {
  it('applies a file that changes no start URL without asking for more', async () => {
    const prod = { alias: 'prod-payments', color: '#d13212', tier: 'production' };
    await previewImport(options, file({ accountPrefs: { [payments]: prod } }), 'Merge');
    const data = dataSection(options);
    await data.getByRole('table', { name: 'Account settings: 1 account' }).waitFor();
    await data.getByRole('button', { name: 'Apply import' }).click();
    await data.getByRole('status').filter({ hasText: 'Imported: settings of 1 account.' }).waitFor();
    expect(await storedLocal('accountPrefs')).toEqual({ [payments]: prod });
  });

  it('flags the look-alike host, shows values before → after, and applies only once the new start URL is trusted', async () => {
    const portalsBefore = (await storedLocal('portals')) as { id: string; startUrl: string; name: string }[];
    const demo = portalsBefore.find((p) => p.name === 'Demo');
    expect(demo?.startUrl).toBe(h.emulator.startUrl);
    expect(await storedLocal(`directory:${demo?.id}`)).toBeDefined();
    const crafted = file({
      portals: [{ name: 'Demo', startUrl: LOOK_ALIKE, region: h.emulator.region }],
      accountPrefs: { [payments]: { alias: 'sandbox', color: '#2e8540', tier: 'normal' } },
    });
    await previewImport(options, crafted, 'Replace');
    const data = dataSection(options);
    const preview = data.getByRole('region', { name: 'Import preview' });

    // The same portal at another start URL, not "added: Demo / removed: Demo".
    const change = preview.getByRole('listitem').filter({ hasText: 'Demo: start URL changed:' });
    await change.waitFor();
    expect(await change.locator('.start-url-host').allTextContents()).toEqual([
      new URL(h.emulator.startUrl).hostname,
      'demo.awsapps.com.sso-login.example',
    ]);
    expect(await preview.getByRole('heading', { name: /^Portals (added|removed)/ }).count()).toBe(0);
    // The look-alike is named for what it is, in the danger style, and the checkbox is described by it.
    const warning = change.getByText('Warning: not an AWS address.');
    await warning.waitFor();
    expect(await change.locator('.host-look-alike').textContent()).toContain(
      'it begins with demo.awsapps.com, but the site belongs to sso-login.example',
    );
    const trust = change.getByRole('checkbox', { name: 'I trust the new start URL of Demo' });
    expect(await trust.getAttribute('aria-describedby')).toBe(
      await change.locator('.host-look-alike').getAttribute('id'),
    );

    // Values, before → after, each cell read as "before to after"; the colour by its name, not only its swatch.
    const row = preview
      .getByRole('table', { name: 'Account settings: 1 account' })
      .getByRole('row', { name: new RegExp(payments) });
    for (const name of ['prod-payments to sandbox', 'Red to Green', 'Production to Normal', 'unchanged']) {
      await row.getByRole('cell', { name, exact: true }).first().waitFor();
    }

    await data.getByRole('heading', { name: 'Import', exact: true }).evaluate((e) => e.scrollIntoView());
    await h.screenshot(options, 'options-import-hostile-preview');
    await options.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(options, 'options-import-hostile-preview-dark');
    await options.emulateMedia({ colorScheme: 'light' });

    // Refused until trusted: by the page, and by the background whatever a page sends.
    const apply = data.getByRole('button', { name: 'Apply import' });
    expect(await apply.isDisabled()).toBe(true);
    await data.getByText('To apply, confirm the new start URL of Demo above').waitFor();
    expect(
      await sendRaw(options, { type: 'applyImport', payload: { text: crafted, mode: 'replace' } }),
    ).toMatchObject({
      ok: true,
      value: { ok: false, errors: [{ message: expect.stringContaining(`would change to ${LOOK_ALIKE}`) }] },
    });
    expect(await storedLocal('portals')).toEqual(portalsBefore);
    expect(await storedLocal('accountPrefs')).toMatchObject({ [payments]: { tier: 'production' } });
    await options.getByRole('region', { name: 'Portal Demo' }).getByText('Signed in').waitFor();

    await trust.check();
    expect(await apply.isDisabled()).toBe(false);
    await apply.click();
    await data
      .getByRole('status')
      .filter({ hasText: 'Imported: start URL of 1 portal changed, settings of 1 account.' })
      .waitFor();

    // What the user confirmed landed: the same portal (id and name) at the new start URL, signed out, and the
    // account's new values.
    expect(await storedLocal('portals')).toEqual([
      { id: demo?.id, name: 'Demo', startUrl: LOOK_ALIKE, region: h.emulator.region },
    ]);
    expect(await storedLocal('accountPrefs')).toEqual({
      [payments]: { alias: 'sandbox', color: '#2e8540', tier: 'normal' },
    });
    await options.getByRole('region', { name: 'Portal Demo' }).getByText('Signed out').waitFor();
    expect(await storedLocal(`directory:${demo?.id}`)).toBeUndefined();
    expect(h.consoleErrors).toEqual([]);
  });
});
