import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ACCOUNT_NAME, MAX_ROLES_PER_ACCOUNT } from '../../src/background/directory/portal-answers.ts';
import { decodeDirectory } from '../../src/shared/directory/compact.ts';
import type { PortalDirectory } from '../../src/shared/directory/model.ts';
import type { OrganizationAccount } from '../emulator/types.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { sendRaw } from './pages/settings-page.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';
import { fitsViewportWidth, type ScriptWatch, watchForScripts } from './security/no-script.ts';
import { searchBox, waitForSync } from './security/pages.ts';

/**
 * docs/security.md, "Hostile data": the portal answers with wrong types, junk and huge bodies (the emulator's
 * `malformed` knob) after a good first sync. The sync must keep the good accounts and the cache, skip and
 * count what it cannot read, bound what it stores, say so in the popup, and leave every context working.
 */
let h: ExtensionHarness;
let popup: Page;
let watch: ScriptWatch;
let org: OrganizationAccount[];

/** Accounts the portal adds only in its malformed answers (AWS ids are 12 digits; these are free in seed 9). */
const HUGE = { accountId: '900000000001', accountName: `huge-${'H'.repeat(1024 * 1024)}` };
const UNNAMED = { accountId: '900000000002', accountName: null };

beforeAll(async () => {
  h = await launchExtension({ emulator: { organization: { seed: 9, accounts: 12 } } });
  watch = await watchForScripts(h);
  popup = await h.openPopup();
  await signInFromPopup(h, popup);
  await waitForSync(h, popup);
  org = h.emulator.organization.accounts;
});
afterAll(() => h?.close());

const account = (i: number) => org[i] as OrganizationAccount;
const entry = ({ accountId, accountName, emailAddress }: OrganizationAccount) => ({
  accountId,
  accountName,
  emailAddress,
});
const status = () => popup.getByRole('status').filter({ hasText: 'accounts' });

async function storedDirectory(): Promise<{ text: string; directory: PortalDirectory }> {
  const text = await (await h.worker()).evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all).find(([key]) => key.startsWith('directory:'))?.[1] as string;
  });
  return { text, directory: decodeDirectory(text) as PortalDirectory };
}

async function sync(): Promise<void> {
  await popup.getByRole('button', { name: 'Sync' }).click();
}

describe('a sync against malformed portal answers', () => {
  it('keeps every good account, skips and counts the bad entries, bounds sizes and says so', async () => {
    const roleItems = Array.from({ length: 5000 }, (_, i) => ({
      roleName: `Role${i}`,
      accountId: HUGE.accountId,
    }));
    h.emulator.configure({
      malformed: [
        {
          path: '/assignment/accounts',
          kind: 'replace-list',
          // Account 11's entry is garbled (its id a number): it must stay as cached, not vanish.
          value: [
            ...org.slice(0, 11).map(entry),
            { ...entry(account(11)), accountId: Number(account(11).accountId) },
            'junk',
            null,
            { accountName: 'no id' },
            HUGE,
            UNNAMED,
          ],
        },
        {
          path: '/assignment/roles',
          accountId: account(1).accountId,
          kind: 'replace-list',
          value: { roleName: 'x' },
        },
        {
          path: '/assignment/roles',
          accountId: account(2).accountId,
          kind: 'append',
          items: [{ roleName: 5 }, {}, { roleName: 'r'.repeat(200) }],
        },
        { path: '/assignment/roles', accountId: account(3).accountId, kind: 'body', text: '{"roleList": [' },
        { path: '/assignment/roles', accountId: account(4).accountId, kind: 'pad', bytes: 20 * 1024 * 1024 },
        { path: '/assignment/roles', accountId: HUGE.accountId, kind: 'append', items: roleItems },
      ],
    });
    await sync();
    // One clear line: what failed, what was left out, what was cut; nothing about types or JSON.
    await status()
      .filter({
        hasText:
          'Roles of 3 account(s) could not be listed; retrying on the next sync. ' +
          'Left out 7 entries AWS sent that the extension could not read. ' +
          '1 account(s) have more than 1,000 roles; only the first 1,000 are listed.',
      })
      .waitFor();

    const { text, directory } = await storedDirectory();
    const byId = new Map(directory.accounts.map((a) => [a.accountId, a]));
    // The twelve good accounts (account 11 as cached) and the two new readable ones; nothing else.
    expect([...byId.keys()].sort()).toEqual(
      [...org.map((a) => a.accountId), HUGE.accountId, UNNAMED.accountId].sort(),
    );
    for (const good of org) {
      expect(
        byId
          .get(good.accountId)
          ?.roles.map((r) => r.roleName)
          .sort(),
      ).toEqual([...good.roles].sort());
    }
    expect(byId.get(account(1).accountId)?.rolesError).toBe(
      'AWS sent a role list the extension could not read. Retrying on the next sync.',
    );
    expect(byId.get(account(3).accountId)?.rolesError).toBe(
      'AWS sent an answer the extension could not read. Retrying on the next sync.',
    );
    expect(byId.get(account(4).accountId)?.rolesError).toBe(
      'AWS sent an answer too large to use. Retrying on the next sync.',
    );
    expect(byId.get(HUGE.accountId)?.accountName).toHaveLength(MAX_ACCOUNT_NAME);
    expect(byId.get(HUGE.accountId)?.roles).toHaveLength(MAX_ROLES_PER_ACCOUNT);
    expect(byId.get(UNNAMED.accountId)?.accountName).toBe(UNNAMED.accountId);
    // A 1 MB name and a 20 MB answer went by; the cache stays small.
    expect(text.length).toBeLessThan(100_000);

    // The popup still searches and shows them: the cut name as text, its row within the popup's width.
    await searchBox(popup).fill('huge-HHHH');
    const huge = popup.getByRole('rowheader', { name: /^Role0 in huge-H+…/ });
    await huge.waitFor();
    expect(await fitsViewportWidth(popup, await huge.boundingBox())).toBe(true);
    await h.screenshot(popup, 'popup-malformed-portal');
    await searchBox(popup).fill(account(11).accountName);
    await popup
      .getByRole('rowheader', { name: new RegExp(`in ${account(11).accountName} `) })
      .first()
      .waitFor();
    expect(await sendRaw(popup, { type: 'getStatus', payload: {} })).toMatchObject({ ok: true });
    expect(await watch.problems()).toEqual([]);
  });

  it.each([
    [
      'an account list that is not a list',
      { kind: 'replace-list', value: 'not a list' },
      'AWS sent an account list the extension could not read.',
    ],
    [
      'junk instead of JSON',
      { kind: 'body', text: '<html>Service Unavailable</html>' },
      'AWS sent an answer the extension could not read.',
    ],
  ] as const)('fails on %s with a clear message, keeping the list', async (_, shape, words) => {
    const before = (await storedDirectory()).text;
    h.emulator.configure({ malformed: [{ path: '/assignment/accounts', ...shape }] });
    await sync();
    await status()
      .filter({ hasText: `${words} The list shown may be out of date; try again later.` })
      .waitFor();
    expect((await storedDirectory()).text).toBe(before);
    await searchBox(popup).fill(account(0).accountName);
    await popup.getByRole('rowheader').first().waitFor();
    expect(await sendRaw(popup, { type: 'getStatus', payload: {} })).toMatchObject({ ok: true });
    expect(await watch.problems()).toEqual([]);
  });

  it('is whole again after a good sync: the message goes, accounts the portal no longer lists go', async () => {
    h.emulator.configure({ malformed: [] });
    await searchBox(popup).fill('');
    await sync();
    await status()
      .filter({ hasText: new RegExp(`^${org.length} accounts · synced just now$`) })
      .waitFor();
    const { directory } = await storedDirectory();
    expect(directory.accounts.map((a) => a.accountId)).toEqual(org.map((a) => a.accountId));
    expect(directory.accounts.every((a) => a.rolesError === undefined)).toBe(true);
    expect(await watch.problems()).toEqual([]);
  });
});
