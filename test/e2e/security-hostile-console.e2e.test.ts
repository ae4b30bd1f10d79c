import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { claimIdentity, tagPillName, tagStyle, tagWarning } from './pages/console-tag.ts';
import { signInFromPopup } from './pages/sign-in-helper.ts';
import { openTaggedConsole } from './pages/tagged-console.ts';

/**
 * docs/security.md, "A compromised or spoofed console page": the attacker is script in the console page's own
 * (main) world, which is where `page.evaluate` runs. It removes the tag, edits it, deletes it in a loop and
 * claims another identity; the tag comes back as it was, and a claimed identity that differs from what the
 * extension opened in the tab shows the mismatch warning instead of repainting the tag.
 */
let h: ExtensionHarness;
let tab: Page;
let prodId: string;
let sandboxId: string;

const HOST = '#aws-sso-switcher-tag';
/** The console's own host: the tag, our only element on the page. */
const host = (page: Page) => page.locator(HOST);

/**
 * One browser for the file, opened by the first test that needs it (expect.poll, which the tag helper uses,
 * runs only inside a test). Each test leaves the tag as it found it: drawn, and the page's identity its own
 * until the last test spoofs it.
 */
let ready: Promise<void> | undefined;
const consoleTab = () => {
  ready ??= setUp();
  return ready;
};

async function setUp(): Promise<void> {
  h = await launchExtension({ emulator: { organization: 'demo' } });
  const popup = await h.openPopup();
  await signInFromPopup(h, popup);
  tab = await openTaggedConsole(h, popup, 'us-east-1.console.aws.amazon.com');
  const idOf = (name: string) =>
    h.emulator.organization.accounts.find((a) => a.accountName === name)?.accountId ?? '';
  prodId = idOf('acme-prod-identity');
  sandboxId = h.emulator.organization.accounts.find((a) => /sandbox/.test(a.accountName))?.accountId ?? '';
  expect(sandboxId).toMatch(/^\d{12}$/);
}
afterAll(async () => {
  await h?.close();
});

describe('the console tag against script in the console page', () => {
  it('is out of the page’s reach: a closed shadow root', async () => {
    await consoleTab();
    expect(await tab.evaluate((sel) => document.querySelector(sel)?.shadowRoot ?? null, HOST)).toBeNull();
  });

  it('comes back when the page removes it', async () => {
    await consoleTab();
    await tab.evaluate((sel) => document.querySelector(sel)?.remove(), HOST);
    await expect.poll(() => host(tab).count()).toBe(1);
    await expect.poll(() => tagPillName(tab)).toContain('acme-prod-identity · AdministratorAccess');
  });

  it('comes back as it was when the page edits its text, colour and visibility', async () => {
    await consoleTab();
    await tab.evaluate((sel) => {
      const tag = document.querySelector(sel) as HTMLElement;
      tag.style.setProperty('--tag-color', '#1d8102');
      tag.style.setProperty('--tag-text', '#ffffff');
      tag.style.setProperty('filter', 'hue-rotate(120deg)');
      tag.classList.remove('danger');
      tag.textContent = 'acme-sandbox · harmless';
    }, HOST);
    await expect.poll(() => host(tab).evaluate((el) => el.classList.contains('danger'))).toBe(true);
    expect(await host(tab).evaluate((el) => [el.getAttribute('style'), el.childNodes.length])).toEqual([
      'display: none;',
      0,
    ]);
    // What is drawn: the production red, unfiltered, and the real name.
    expect(await tagStyle(tab, 'pill', ['background-color'])).toEqual({
      'background-color': 'rgb(209, 50, 18)',
    });
    expect(await tagStyle(tab, 'tag', ['filter'])).toEqual({ filter: 'none' });
    expect(await tagPillName(tab)).toContain('acme-prod-identity · AdministratorAccess');

    // Hidden from a stylesheet, or by properties the host passes on to what it holds.
    await tab.evaluate((sel) => {
      const style = document.createElement('style');
      style.id = 'attack';
      style.textContent = `${sel} { display: none !important; opacity: 0 !important; filter: hue-rotate(90deg) !important; }`;
      document.head.append(style);
    }, HOST);
    await expect.poll(() => host(tab).evaluate((el) => getComputedStyle(el).display)).toBe('block');
    expect(await host(tab).evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    expect(await host(tab).evaluate((el) => getComputedStyle(el).filter)).toBe('none');
    expect(await tagPillName(tab)).toContain('acme-prod-identity');
    await tab.evaluate(() => document.getElementById('attack')?.remove());
  });

  it('against a page that deletes it on every change, the page stays responsive and the tag returns when it stops', async () => {
    await consoleTab();
    const deletions = await tab.evaluate(async (sel) => {
      const w = window as unknown as { stopDeleting?: () => void; deleted: number };
      w.deleted = 0;
      const remove = () => {
        const found = document.querySelector(sel);
        if (found) {
          w.deleted += 1;
          found.remove();
        }
      };
      const observer = new MutationObserver(remove);
      observer.observe(document.documentElement, { childList: true });
      w.stopDeleting = () => observer.disconnect();
      remove();
      // Two seconds of the page's own life: timers still fire, so the guard never starves the event loop.
      const ticks = await new Promise<number>((resolve) => {
        let count = 0;
        const timer = setInterval(() => {
          count += 1;
          if (count === 20) {
            clearInterval(timer);
            resolve(count);
          }
        }, 100);
      });
      return { deleted: w.deleted, ticks };
    }, HOST);
    expect(deletions.ticks).toBe(20);
    // A few restores at once, then slower and slower: bounded, not a ping-pong of observers.
    expect(deletions.deleted).toBeGreaterThan(1);
    expect(deletions.deleted).toBeLessThan(20);
    await tab.evaluate(() => (window as unknown as { stopDeleting: () => void }).stopDeleting());
    await expect.poll(() => tagPillName(tab)).toContain('acme-prod-identity · AdministratorAccess');
  });

  it('shows a mismatch warning, not the claimed account, when the page claims another identity', async () => {
    await consoleTab();
    expect(await tagWarning(tab)).toBeNull();
    await claimIdentity(tab, sandboxId, 'ReadOnlyAccess');
    await expect.poll(() => tagWarning(tab)).toMatchObject({ name: '⚠ Account mismatch' });
    const warning = await tagWarning(tab);
    const dashed = (id: string) => id.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');
    expect(warning?.description).toContain(
      `opened this tab as acme-prod-identity · AdministratorAccess (${dashed(prodId)})`,
    );
    expect(warning?.description).toContain(`ReadOnlyAccess (${dashed(sandboxId)})`);
    expect(warning?.description).toContain(
      'Switched role in the console, or opened another role in another tab?',
    );
    // The tag still names what the extension opened, and the tab title warns too.
    expect(await tagPillName(tab)).toContain('acme-prod-identity · AdministratorAccess');
    await expect.poll(() => tab.title()).toMatch(/^\[⚠ acme-prod-identity/);
    await h.screenshot(tab, 'console-tag-mismatch-light');
    // The emulator's console has no dark visual mode; the real one darkens its page, which this stands for.
    await tab.evaluate(() => {
      const dark = document.createElement('style');
      dark.id = 'dark-visual-mode';
      dark.textContent =
        'html, body, main, section, div:not(#aws-sso-switcher-tag) { background: #0f1b2a !important; color: #d1d5db !important; } a { color: #8ab4f8 !important; }';
      document.head.append(dark);
    });
    await tab.emulateMedia({ colorScheme: 'dark' });
    await h.screenshot(tab, 'console-tag-mismatch-dark');
    await tab.emulateMedia({ colorScheme: null });
  });
});
