import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cut, MAX_ACCOUNT_NAME } from '../../src/background/directory/portal-answers.ts';
import { visibleText } from '../../src/shared/text/visible-text.ts';
import { HOSTILE_ACCOUNT_NAMES } from '../emulator/organization.ts';
import type { OrganizationAccount } from '../emulator/types.ts';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { accountsSection, dataSection, previewImport, searchAccounts } from './pages/settings-page.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';
import { fitsViewportWidth, type ScriptWatch, watchForScripts } from './security/no-script.ts';
import { searchBox, waitForSync } from './security/pages.ts';

/**
 * docs/security.md, "Hostile data": the settings page's Accounts table (search, inline edit, bulk edit) and
 * Back up and restore, with account names from AWS, aliases the user types and a settings file that are all
 * markup, script, `javascript:` URLs, bidi overrides, zero-width characters, emoji or 10,000 characters. They
 * must show as the literal text, keep the layout, and run nowhere: not in the settings page, the popup or the
 * service worker (security/no-script.ts).
 */
let h: ExtensionHarness;
let options: Page;
let watch: ScriptWatch;
let org: OrganizationAccount[];

beforeAll(async () => {
  h = await launchExtension({ emulator: { organization: { seed: 2, accounts: 12, hostileNames: true } } });
  watch = await watchForScripts(h);
  const popup = await h.openPopup();
  await signInFromPopup(h, popup);
  await waitForSync(h, popup);
  await popup.close();
  org = h.emulator.organization.accounts;
  options = await h.openOptions();
  await accountsSection(options).getByRole('table').waitFor();
});
afterAll(() => h?.close());

const table = () => accountsSection(options);
/** The one row a search left, by its header cell (the account's name and id). */
const onlyRow = () =>
  table()
    .getByRole('row')
    .filter({ has: options.getByRole('rowheader') });
/** The name as the sync stores it: cut when longer than any AWS account name. */
const shown = (name: string) => cut(name, MAX_ACCOUNT_NAME);
/** The name cell and the popup show bidi controls as U+FFFD (src/shared/text/visible-text.ts). */
const shownInList = (name: string) => visibleText(shown(name));

async function storedAlias(accountId: string): Promise<unknown> {
  const { accountPrefs } = await options.evaluate(() => chrome.storage.local.get('accountPrefs'));
  return (accountPrefs as Record<string, { alias?: string }> | undefined)?.[accountId]?.alias;
}

/** Scrolls the table to the top of the window, for a screenshot of its rows. */
const showTable = () =>
  table()
    .getByRole('table')
    .evaluate((element) => element.scrollIntoView());

/** The exact text of the name cell: getByText normalises white space and drops zero-width spaces. */
const nameText = (row: Locator) =>
  row.getByRole('rowheader').evaluate((cell) => cell.querySelector('.account-name')?.textContent);

describe('hostile account names from AWS in the accounts table', () => {
  it('shows each one as its literal text, in a row within the page, whatever the search', async () => {
    for (const name of HOSTILE_ACCOUNT_NAMES) {
      const account = org.find((a) => a.accountName === name) as OrganizationAccount;
      await searchAccounts(options, account.accountId);
      await expect.poll(() => nameText(onlyRow())).toBe(shownInList(name));
      await table().getByText(shownInList(name), { exact: true }).waitFor();
      expect(await fitsViewportWidth(options, await onlyRow().boundingBox())).toBe(true);
    }
    // Searching for the markup itself finds the account; the query is text too.
    await searchAccounts(options, HOSTILE_TEXT.script);
    await expect.poll(() => nameText(onlyRow())).toBe(HOSTILE_TEXT.script);
    await searchAccounts(options, '');
    await showTable();
    await h.screenshot(options, 'options-hostile-names');
    expect(await watch.problems()).toEqual([]);
  });

  it('edits and bulk-edits those accounts without running anything', async () => {
    // "script" matches the <script> and the javascript: names.
    await searchAccounts(options, 'script');
    await table().getByRole('button', { name: 'Select all 2 matching' }).click();
    const bulk = table().getByRole('form', { name: 'Change selected accounts' });
    await bulk.getByRole('combobox', { name: 'Set colour' }).selectOption('Purple');
    await bulk.getByRole('combobox', { name: 'Set danger tier' }).selectOption('Production');
    await bulk.getByRole('button', { name: 'Apply to 2 accounts' }).click();
    await bulk.getByRole('status').filter({ hasText: 'Updated 2 accounts.' }).waitFor();
    const javascriptAccount = org.find(
      (a) => a.accountName === HOSTILE_TEXT.javascriptUrl,
    ) as OrganizationAccount;
    await searchAccounts(options, javascriptAccount.accountId);
    await onlyRow()
      .getByRole('combobox', { name: `Danger tier of ${HOSTILE_TEXT.javascriptUrl}` })
      .selectOption('Normal');
    await table().getByRole('button', { name: 'Clear selection' }).click();
    expect(await watch.problems()).toEqual([]);
  });
});

describe('hostile aliases typed by the user', () => {
  /** Ordinary accounts (the hostile organisation leaves the first and the twelfth alone) get hostile aliases. */
  const ALIASES = [
    HOSTILE_TEXT.img,
    HOSTILE_TEXT.script,
    HOSTILE_TEXT.svg,
    HOSTILE_TEXT.javascriptUrl,
    HOSTILE_TEXT.rtl,
    HOSTILE_TEXT.zeroWidth,
    HOSTILE_TEXT.emoji,
  ];

  it('keeps each as text: in the field, the row’s name, the table’s search and the popup', async () => {
    const target = org[0] as OrganizationAccount;
    for (const alias of ALIASES) {
      await searchAccounts(options, target.accountId);
      const field = onlyRow().getByRole('textbox', { name: `Alias of ${target.accountName}` });
      await field.fill(alias);
      await field.press('Enter');
      await expect.poll(() => storedAlias(target.accountId)).toBe(alias.trim());
      // Saved trimmed, as every alias is (the zero-width text ends in U+FEFF, which trim() counts as space).
      await expect.poll(() => field.inputValue()).toBe(alias.trim());
      // The row's checkbox is named after the alias, as the popup and console tags name the account.
      await onlyRow()
        .getByRole('checkbox', { name: `Select ${alias.trim()}` })
        .waitFor();
      // The alias itself as the query finds the account (the <img> one also finds the account named so).
      await searchAccounts(options, alias);
      await table()
        .getByRole('row')
        .filter({ hasText: target.accountName })
        .getByRole('checkbox', { name: `Select ${alias.trim()}`, exact: true })
        .waitFor();

      const popup = await h.openPopup();
      await searchBox(popup).fill(target.accountId);
      // Shown with the account's real name after it, so the alias is a part of the title's text.
      await popup.getByRole('button', { name: `Edit account ${alias.trim()}`, exact: true }).waitFor();
      await popup.getByText(visibleText(alias.trim())).first().waitFor();
      await popup.close();
    }
    expect(await watch.problems()).toEqual([]);
  });

  it('takes no more than 100 characters, the longest alias the settings allow', async () => {
    const target = org[0] as OrganizationAccount;
    await searchAccounts(options, target.accountId);
    const field = onlyRow().getByRole('textbox', { name: `Alias of ${target.accountName}` });
    await field.fill(HOSTILE_TEXT.long);
    await field.press('Enter');
    await expect.poll(() => storedAlias(target.accountId)).toBe(HOSTILE_TEXT.long.slice(0, 100));
    expect(await fitsViewportWidth(options, await onlyRow().boundingBox())).toBe(true);
    await showTable();
    await h.screenshot(options, 'options-hostile-alias');
    expect(await watch.problems()).toEqual([]);
  });
});

describe('a hostile settings file', () => {
  const file = (body: object) => JSON.stringify({ format: 'aws-sso-switcher/settings', version: 2, ...body });

  it('is refused where a value breaks the rules, the problems shown as text', async () => {
    const target = org[0] as OrganizationAccount;
    await previewImport(
      options,
      file({
        portals: [{ startUrl: HOSTILE_TEXT.javascriptUrl, region: 'us-east-1', name: HOSTILE_TEXT.script }],
        accountPrefs: {
          [target.accountId]: { alias: HOSTILE_TEXT.long },
          [HOSTILE_TEXT.img]: { alias: 'x' },
        },
      }),
      'Merge',
    );
    const alert = dataSection(options).getByRole('alert');
    await alert.getByText('Nothing was imported.').waitFor();
    // The hostile key is echoed in the path, as text.
    expect(await alert.getByRole('listitem').allTextContents()).toEqual([
      `accountPrefs["${target.accountId}"].alias: expected text of at most 100 characters`,
      `accountPrefs[${JSON.stringify(HOSTILE_TEXT.img)}]: expected a 12-digit AWS account id as the key`,
      expect.stringMatching(/^portals\[0\]\.startUrl: The start URL must begin with https:\/\/\./),
    ]);
    expect(await dataSection(options).getByRole('button', { name: 'Apply import' }).count()).toBe(0);
    expect(await watch.problems()).toEqual([]);
  });

  it('shows hostile portal names and aliases as text in the preview, the settings and the popup', async () => {
    const [a, b, c, d] = org as [
      OrganizationAccount,
      OrganizationAccount,
      OrganizationAccount,
      OrganizationAccount,
    ];
    const portalName = HOSTILE_TEXT.img;
    await previewImport(
      options,
      file({
        portals: [
          { startUrl: 'https://d-1234567890.awsapps.com/start', region: 'eu-west-1', name: portalName },
        ],
        accountPrefs: {
          [a.accountId]: { alias: HOSTILE_TEXT.svg },
          [b.accountId]: { alias: HOSTILE_TEXT.rtl },
          [c.accountId]: { alias: HOSTILE_TEXT.zeroWidth },
          [d.accountId]: { alias: HOSTILE_TEXT.emoji },
        },
      }),
      'Merge',
    );
    const preview = dataSection(options).getByRole('region', { name: 'Import preview' });
    await preview.getByText(portalName, { exact: true }).waitFor();
    // Each account by the name AWS gives it (bidi controls made visible), its new alias shown the same way.
    const bRow = preview.getByRole('row').filter({ hasText: b.accountId });
    expect(await bRow.getByRole('rowheader').textContent()).toBe(
      `${shownInList(b.accountName)} (${b.accountId})`,
    );
    await bRow.getByRole('cell', { name: `none to ${visibleText(HOSTILE_TEXT.rtl)}`, exact: true }).waitFor();
    await h.screenshot(options, 'options-hostile-import-preview');
    await dataSection(options).getByRole('button', { name: 'Apply import' }).click();
    await dataSection(options).getByRole('status').filter({ hasText: 'Imported' }).waitFor();

    await options.getByRole('region', { name: `Portal ${portalName}` }).waitFor();
    for (const [account, alias] of [
      [a, HOSTILE_TEXT.svg],
      [b, HOSTILE_TEXT.rtl],
      [c, HOSTILE_TEXT.zeroWidth],
    ] as const) {
      await searchAccounts(options, (account as OrganizationAccount).accountId);
      await expect
        .poll(() =>
          onlyRow()
            .getByRole('textbox', { name: /^Alias of / })
            .inputValue(),
        )
        .toBe(alias);
    }
    const popup = await h.openPopup();
    await popup.getByRole('region', { name: `Portal ${portalName}` }).waitFor();
    await searchBox(popup).fill(b.accountId);
    await popup.getByRole('button', { name: `Edit account ${HOSTILE_TEXT.rtl}`, exact: true }).waitFor();
    await popup.getByText(visibleText(HOSTILE_TEXT.rtl)).first().waitFor();
    await h.screenshot(popup, 'popup-hostile-import');
    expect(await watch.problems()).toEqual([]);
  });
});
