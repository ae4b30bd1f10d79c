import { execFileSync } from 'node:child_process';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForTagPart } from './console-tag.ts';
import { accountNamed, formatAccountId, signIn } from './flows.ts';
import {
  describeEachFirefox,
  escapeRegExp,
  type FirefoxHarness,
  findByRole,
  findByText,
  launchFirefox,
} from './harness.ts';

/**
 * After sign-in, in Firefox: CLI credentials copied from the popup are the ones AWS issued, and an account's
 * alias and colour set on the settings page reach the popup and the console tag. One Firefox per version for
 * the file; the steps build on each other.
 */
const ACCOUNT = 'acme-prod-identity';
const ROLE = 'AdministratorAccess';
const ALIAS = 'identity-live';
const PURPLE = '#6b4fbb';

/** Runs the copied bash exports in bash and reads the variables back. */
function bashExports(text: string): Record<string, string> {
  const names = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION'];
  const out = execFileSync(
    'bash',
    ['-c', `${text}\nprintf '%s\\n' ${names.map((n) => `"$${n}"`).join(' ')}`],
    {
      encoding: 'utf8',
    },
  ).split('\n');
  return Object.fromEntries(names.map((name, i) => [name, out[i] ?? '']));
}

/** What storage.local holds for an account, read as the settings page could. */
function storedAccountPrefs(page: Page, accountId: string): Promise<Record<string, unknown> | undefined> {
  return page.evaluate(async (id) => {
    type Api = { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
    const { accountPrefs } = await (globalThis as unknown as { browser: Api }).browser.storage.local.get(
      'accountPrefs',
    );
    return (accountPrefs as Record<string, Record<string, unknown>> | undefined)?.[id];
  }, accountId);
}

describeEachFirefox((firefox) => {
  let h: FirefoxHarness;
  let popup: Page;
  beforeAll(async () => {
    h = await launchFirefox({ firefox, emulator: { organization: 'demo' } });
    popup = await h.openPopup();
    await signIn(h, popup);
  });
  afterAll(() => h?.close());

  it('copies CLI credentials from the popup, exactly as AWS issued them, in the chosen format', async () => {
    const { accountId } = accountNamed(h, ACCOUNT);
    const search = await findByRole(popup, 'combobox', 'Search accounts and roles');
    await search.type('prod identity admin');
    await findByRole(popup, 'rowheader', `${ROLE} in ${ACCOUNT} (${formatAccountId(accountId)})`);

    // The button, in the default format (bash / zsh exports).
    await (await findByRole(popup, 'button', `Copy CLI credentials for ${ROLE} in ${ACCOUNT}`)).click();
    await findByText(popup, `Copied bash / zsh export for ${ROLE} in ${ACCOUNT}, ${h.emulator.region}`);
    const [issued, ...more] = h.emulator.issuedRoleCredentials();
    expect(more).toEqual([]);
    expect(issued).toMatchObject({ accountId, roleName: ROLE });
    expect(bashExports(await h.readClipboard(popup))).toEqual({
      AWS_ACCESS_KEY_ID: issued?.accessKeyId,
      AWS_SECRET_ACCESS_KEY: issued?.secretAccessKey,
      AWS_SESSION_TOKEN: issued?.sessionToken,
      AWS_REGION: h.emulator.region,
    });

    // Alt+K from the search box, after choosing credential_process JSON: the same credentials, reused.
    await (await findByRole(popup, 'combobox', 'CLI credential format')).select('credential-process');
    await search.focus();
    await popup.keyboard.down('Alt');
    await popup.keyboard.press('k');
    await popup.keyboard.up('Alt');
    await findByText(popup, `Copied credential_process JSON for ${ROLE} in ${ACCOUNT}`);
    const json = JSON.parse(await h.readClipboard(popup)) as Record<string, unknown>;
    expect(json).toEqual({
      Version: 1,
      AccessKeyId: issued?.accessKeyId,
      SecretAccessKey: issued?.secretAccessKey,
      SessionToken: issued?.sessionToken,
      Expiration: new Date(issued?.expiration ?? 0).toISOString(),
    });
    expect(h.emulator.issuedRoleCredentials()).toHaveLength(1);
    expect(h.consoleErrors).toEqual([]);
  });

  it('an alias and colour set on the settings page reach the popup and the console tag', async () => {
    const { accountId } = accountNamed(h, ACCOUNT);
    const options = await h.openOptions();
    const accounts = await findByRole(options, 'region', 'Accounts');
    await (await findByRole(accounts, 'searchbox', 'Search accounts')).type(ACCOUNT);
    const alias = await findByRole(accounts, 'textbox', `Alias of ${ACCOUNT}`);
    await alias.type(ALIAS);
    await alias.press('Enter');
    await (await findByRole(accounts, 'combobox', `Colour of ${ACCOUNT}`)).select(PURPLE);
    await expect
      .poll(() => storedAccountPrefs(options, accountId))
      .toMatchObject({ alias: ALIAS, color: PURPLE });
    await h.screenshot(options, 'options-account-edited');
    await options.close();

    // A popup opened now lists the account by its alias, in its colour.
    const again = await h.openPopup();
    await (await findByRole(again, 'combobox', 'Search accounts and roles')).type(ALIAS);
    await findByRole(again, 'rowheader', `${ROLE} in ${ALIAS} (${formatAccountId(accountId)})`);
    const edit = await findByRole(again, 'button', `Edit account ${ALIAS}`);
    expect(
      await edit.evaluate((button) =>
        (button.closest('.account-row') as HTMLElement).style.getPropertyValue('--account-color'),
      ),
    ).toBe(PURPLE);

    // The console opened from it is tagged with the alias and the colour.
    const consoleTab = h.waitForTab((url) => /\.console\.aws\.amazon\.com\/console\/home/.test(url));
    await (await findByRole(again, 'button', `Open ${ROLE} in ${ALIAS} in a new tab`)).click();
    const tab = await consoleTab;
    // Named by its visible text (WCAG 2.5.3), then what a click does; the time left may follow the id.
    const pillName = `AWS account ${ALIAS} · ${ROLE} ${formatAccountId(accountId)}`;
    const pill = await waitForTagPart(tab, 'button');
    await expect
      .poll(() => pill.evaluate((el) => el.getAttribute('aria-label')))
      .toMatch(new RegExp(`^${escapeRegExp(pillName)}( · .+)?\\. Copy account id$`));
    await expect.poll(() => tab.title()).toBe(`[${ALIAS} · ${ROLE}] Console Home`);
    // The colour is set inside the closed shadow root, where page script cannot change it.
    const drawn = await waitForTagPart(tab, '.tag');
    expect(await drawn.evaluate((el) => (el as HTMLElement).style.getPropertyValue('--tag-color'))).toBe(
      PURPLE,
    );
    await h.screenshot(tab, 'console-tag-alias');
    expect(h.consoleErrors).toEqual([]);
  });
});
