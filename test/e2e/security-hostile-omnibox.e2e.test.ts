import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { omniboxView, SUGGESTION_LIMIT } from '../../src/background/omnibox/suggestions.ts';
import { decodeDirectory } from '../../src/shared/directory/compact.ts';
import type { AccountPrefs, PortalDirectory } from '../../src/shared/directory/model.ts';
import { rankingSignals } from '../../src/shared/directory/ranking-signals.ts';
import { roleEntries } from '../../src/shared/directory/role-entries.ts';
import { buildSearchIndex, search } from '../../src/shared/directory/search.ts';
import { HOSTILE_ROLE_NAME } from '../emulator/organization.ts';
import type { OrganizationAccount } from '../emulator/types.ts';
import { HOSTILE_TEXT } from '../fixtures/hostile-text.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { type AddressBar, watchAddressBar } from './pages/address-bar.ts';
import { consoleIdentity, dashed } from './pages/shortcuts.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';
import { type ScriptWatch, watchForScripts } from './security/no-script.ts';
import { waitForSync } from './security/pages.ts';

/**
 * docs/security.md, "Hostile data": the address bar keyword `aws` over hostile account names (the emulator's
 * hostile organisation) and a hostile alias, with real key presses in headed Chromium (xdotool under Xvfb, as
 * keyboard.e2e.test.ts does): Enter opens the best match, as the popup ranks it, in the current tab, and the
 * watch finds no marker, CSP violation, error or crash anywhere.
 *
 * Chrome refuses a suggestion description that is not well-formed XML (setDefaultSuggestion rejects with
 * "Invalid XML", and the extension's listener swallows it), so the last test hands every description the
 * extension's code builds for this organisation to Chrome's own parser, in the worker.
 *
 * Picking a lower row with the arrow keys is not tested: Chrome parses each description in a utility process
 * it starts for the purpose and drops rows that arrive late, which on a loaded two-core machine they do, with
 * nothing a test could await. suggestions.test.ts checks what a picked row hands back.
 */
let h: ExtensionHarness;
let tab: Page;
let watch: ScriptWatch;
let addressBar: AddressBar;
/** An account with one role, given a hostile alias: "zz" finds it alone. */
let aliased: OrganizationAccount;
const ALIAS = `${HOSTILE_TEXT.img} zz ${HOSTILE_TEXT.rtl}`;

beforeAll(async () => {
  h = await launchExtension({
    emulator: { organization: { seed: 2, accounts: 12, hostileNames: true } },
    headed: true,
  });
  watch = await watchForScripts(h);
  const popup = await h.openPopup();
  await signInFromPopup(h, popup);
  await waitForSync(h, popup);
  aliased = h.emulator.organization.accounts.find((a) => a.roles.length === 1) as OrganizationAccount;
  // As the popup's editor saves an alias.
  const reply = await popup.evaluate(
    ([accountId, alias]) =>
      chrome.runtime.sendMessage({ type: 'updateAccountPrefs', payload: { accountId, patch: { alias } } }),
    [aliased.accountId, ALIAS] as const,
  );
  expect(reply).toEqual({ ok: true, value: null });
  await popup.close();
  tab = h.context.pages()[0] ?? (await h.context.newPage());
  addressBar = await watchAddressBar(h);
});
afterAll(() => h?.close());

/** Types `aws <query>` into the address bar, presses Enter and resolves with the text the extension was handed. */
const enterInAddressBar = (query: string) => addressBar.enter(tab, query);

async function expectConsoleAs(account: OrganizationAccount, role: string): Promise<void> {
  await expect
    .poll(() => consoleIdentity(tab), { timeout: 20_000 })
    .toMatch(new RegExp(`${role}.*${dashed(account.accountId)}`, 's'));
}

describe('the address bar keyword “aws” with hostile names', () => {
  it('opens the account of a hostile alias on Enter; nothing run', async () => {
    expect(await enterInAddressBar('zz')).toBe('zz');
    await expectConsoleAs(aliased, aliased.roles[0] as string);
    // Our tag's title prefix shows the alias as text, cut to 24 characters.
    await expect.poll(() => tab.title()).toMatch(/^\[<img src=x onerror="glo… · /);
    expect(await watch.problems()).toEqual([]);
  });

  it('opens the best match for a hostile account name on Enter; nothing run', async () => {
    const account = h.emulator.organization.accounts.find(
      (a) => a.accountName === HOSTILE_TEXT.javascriptUrl,
    ) as OrganizationAccount;
    expect(await enterInAddressBar('javascript')).toBe('javascript');
    // Its roles match alike; equal scores go alphabetically.
    await expectConsoleAs(account, [...account.roles].sort()[0] as string);
    await h.screenshot(tab, 'console-hostile-omnibox');
    expect(await watch.problems()).toEqual([]);
  });

  it('opens a role whose name is markup, in an account whose name is markup; nothing run', async () => {
    const account = h.emulator.organization.accounts.find((a) =>
      a.roles.includes(HOSTILE_ROLE_NAME),
    ) as OrganizationAccount;
    expect(account.accountName).toBe(HOSTILE_TEXT.img);
    expect(await enterInAddressBar('ReadOnly<script>')).toBe('ReadOnly<script>');
    await expectConsoleAs(account, HOSTILE_ROLE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    expect(await watch.problems()).toEqual([]);
  });
});

describe('suggestion descriptions for hostile names, aliases and portal names', () => {
  it('are all accepted by Chrome’s own XML parser', async () => {
    const worker = await h.worker();
    const stored = await worker.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      const texts = Object.entries(all).filter(([key]) => key.startsWith('directory:'));
      return { texts: texts.map(([, text]) => text as string), prefs: all.accountPrefs };
    });
    const directories = stored.texts.map((text) => decodeDirectory(text) as PortalDirectory);
    const prefs = stored.prefs as Record<string, AccountPrefs>;
    const entries = roleEntries(directories, prefs, true);
    const index = buildSearchIndex(entries);
    const signals = rankingSignals(directories, prefs, {}, Date.now());
    // Two portals, one named with markup, so the portal name is part of every description.
    const portalNames = new Map([
      [directories[0]?.portalId as string, HOSTILE_TEXT.img],
      ['other', 'Other'],
    ]);
    const descriptions = new Set<string>();
    for (const query of [
      '',
      'img',
      'script',
      'zz',
      'quoted',
      'long',
      'rtl',
      'zero',
      '<b>',
      '&',
      'nothing-matches<',
    ]) {
      const view = omniboxView(query, search(index, query, signals, SUGGESTION_LIMIT), {
        markup: true,
        portalNames,
        roleCount: entries.length,
      });
      descriptions.add(view.defaultDescription);
      for (const suggestion of view.suggestions) descriptions.add(suggestion.description);
    }
    expect(descriptions.size).toBeGreaterThan(20);
    const refused = await worker.evaluate(
      async (list) => {
        const omnibox = (
          globalThis as unknown as {
            chrome: { omnibox: { setDefaultSuggestion(s: { description: string }): Promise<void> } };
          }
        ).chrome.omnibox;
        const out: string[] = [];
        for (const description of list) {
          await omnibox
            .setDefaultSuggestion({ description })
            .catch((e: Error) => out.push(`${description}: ${e.message}`));
        }
        return out;
      },
      [...descriptions],
    );
    expect(refused).toEqual([]);
  });
});
