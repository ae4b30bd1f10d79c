import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization } from '../emulator/organization.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { canWritePolicies, type ManagedCopy, managedCopy } from './harness/managed-policy.ts';
import { portalSection, shownUserCode } from './pages/portal-flow.ts';
import { accountsSection, searchAccounts, sendRaw } from './pages/settings-page.ts';
import { type ContentScriptWorld, contentScriptWorld } from './security/content-script-world.ts';

/**
 * A content-script world writes storage.local (Chrome and Firefox let content scripts do that; docs/security.md
 * "What content scripts can write"). From there an attacker tries to lift an administrator's locks (forging the
 * copy of the policy earlier builds kept in storage.local) and to repaint a managed production account as a
 * green sandbox, and stores a corrupt account entry. The locks hold, the managed account keeps its tag, the
 * corrupt entry is reported and dropped while the user's other entries survive, and storage.session (tokens,
 * role credentials) stays closed to that world.
 */
const START_URL = 'https://d-9067c0ffee.awsapps.com/start';
const REGION = 'us-east-1';
const PORTAL = 'Acme (managed)';
const accounts = createOrganization('demo').accounts;
const idOf = (name: string) => accounts.find((a) => a.accountName === name)?.accountId as string;
const IDENTITY = idOf('acme-prod-identity');
const PAYMENTS = idOf('acme-prod-payments');
const ORDERS = idOf('acme-prod-orders');
const policy = {
  portals: [{ startUrl: START_URL, region: REGION, name: PORTAL }],
  accountPrefs: { [IDENTITY]: { alias: 'identity-prod', color: '#d13212', tier: 'production' } },
};
const TAG_TITLE = /^\[identity-prod · AdministratorAccess\] /;
const RED_FAVICON = /^data:image\/svg\+xml,.*%23d13212/;

let h: ExtensionHarness;
let copy: ManagedCopy;
let options: Page;
let tab: Page;
let world: ContentScriptWorld;
const warnings: string[] = [];

async function openManagedConsole(): Promise<Page> {
  const popup = await h.openPopup();
  await popup.getByRole('combobox', { name: 'Search accounts and roles' }).fill('identity-prod admin');
  await popup.getByRole('rowheader', { name: /^AdministratorAccess in identity-prod/ }).waitFor();
  const opened = h.context.waitForEvent('page', (p) => p.url().includes('console.aws.amazon.com'));
  await popup.keyboard.press('Shift+Enter');
  const console = await opened;
  await popup.close();
  return console;
}

describe.skipIf(!canWritePolicies)('storage.local written from a content-script world', () => {
  beforeAll(async () => {
    copy = await managedCopy();
    await copy.writePolicy(policy);
    h = await launchExtension({
      dist: copy.dist,
      emulator: { organization: 'demo', startUrl: START_URL, region: REGION },
    });
    options = await h.openOptions();
    const portal = portalSection(options, PORTAL);
    const device = h.context.waitForEvent('page', (p) => p.url().includes('device.sso.'));
    await portal.getByRole('button', { name: 'Sign in' }).click();
    await device;
    h.emulator.approve(await shownUserCode(options, PORTAL));
    await portal.getByText('Signed in').waitFor();
    // The user's own settings for two accounts the policy does not manage.
    for (const [accountId, alias] of [
      [PAYMENTS, 'my-payments'],
      [ORDERS, 'my-orders'],
    ] as const) {
      expect(
        await sendRaw(options, { type: 'updateAccountPrefs', payload: { accountId, patch: { alias } } }),
      ).toMatchObject({ ok: true });
    }
    tab = await openManagedConsole();
    await tab.waitForFunction((title) => new RegExp(title).test(document.title), TAG_TITLE.source);
    // Whoever reads the tampered value reports it: the worker (the tag's display data) or a page.
    const collect = (message: ConsoleMessage) => {
      if (message.type() === 'warning') warnings.push(message.text());
    };
    tab.on('console', collect);
    options.on('console', collect);
    (await h.worker()).on('console', collect);
    world = await contentScriptWorld(h, tab);
  });
  afterAll(async () => {
    await world?.detach();
    await h?.close();
    await copy?.dispose();
  });

  it('cannot reach storage.session, where tokens and role credentials live', async () => {
    await expect(world.evaluate('chrome.storage.session.get(null)')).rejects.toThrow(
      'Access to storage is not allowed from this context.',
    );
    await expect(world.evaluate("chrome.storage.session.set({ 'auth.token:x': {} })")).rejects.toThrow(
      'Access to storage is not allowed from this context.',
    );
  });

  it('cannot lift an administrator lock by forging a copy of the policy in storage.local', async () => {
    // What earlier builds enforced locks from: an empty "checked copy" would have meant "no policy".
    await world.evaluate(
      "chrome.storage.local.set({ 'settings.managed': { portals: [], accountPrefs: {}, preferences: {}, problems: [] } })",
    );
    expect(await world.evaluate("chrome.storage.local.get('settings.managed')")).toHaveProperty(
      'settings.managed',
    );
    expect(
      await sendRaw(options, {
        type: 'updateAccountPrefs',
        payload: { accountId: IDENTITY, patch: { alias: 'mine' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { message: 'This account setting is set by your organisation and cannot be changed here.' },
    });
    const portals = (await options.evaluate(() => chrome.storage.local.get('portals'))).portals as {
      id: string;
    }[];
    expect(
      await sendRaw(options, { type: 'removePortal', payload: { portalId: portals[0]?.id } }),
    ).toMatchObject({
      ok: false,
      error: { message: 'This portal is set by your organisation and cannot be changed here.' },
    });
  });

  it('cannot repaint a managed production account, and a corrupt entry is reported and dropped', async () => {
    await world.evaluate(`chrome.storage.local.get('accountPrefs').then(({ accountPrefs }) =>
      chrome.storage.local.set({ accountPrefs: {
        ...accountPrefs,
        // Schema-valid: a green, normal-tier sandbox. The policy's values are laid over it on every read.
        '${IDENTITY}': { alias: 'sandbox', color: '#2e8540', tier: 'normal' },
        // Not valid: no such tier, an alias far too long.
        '${PAYMENTS}': { alias: 'x'.repeat(500), tier: 'sandbox' },
      } }))`);
    // Read afresh by a new page load: the tag is still the administrator's.
    await tab.reload();
    await expect.poll(() => tab.title()).toMatch(TAG_TITLE);
    expect(await tab.locator('link[rel~="icon"]').last().getAttribute('href')).toMatch(RED_FAVICON);
    await expect
      .poll(() => warnings.find((w) => w.includes(`"accountPrefs["${PAYMENTS}"]" in storage.local`)), {
        message: warnings.join('\n'),
      })
      .toBeDefined();
    // The report names the key and where it failed, never the stored value.
    expect(warnings.join('\n')).not.toContain('x'.repeat(50));

    // The settings page: the managed account shows the policy's values, locked; the corrupt entry is gone, and
    // the user's other entries are still there.
    await options.reload();
    const table = accountsSection(options);
    await searchAccounts(options, 'acme-prod-identity');
    const alias = table.getByRole('textbox', { name: 'Alias of acme-prod-identity' });
    await expect.poll(() => alias.inputValue()).toBe('identity-prod');
    expect(await alias.isDisabled()).toBe(true);
    await searchAccounts(options, 'acme-prod-orders');
    await expect
      .poll(() => table.getByRole('textbox', { name: 'Alias of acme-prod-orders' }).inputValue())
      .toBe('my-orders');
    await searchAccounts(options, 'acme-prod-payments');
    await expect
      .poll(() => table.getByRole('textbox', { name: 'Alias of acme-prod-payments' }).inputValue())
      .toBe('');
  });
});
