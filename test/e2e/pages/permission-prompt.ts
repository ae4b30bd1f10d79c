import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ExtensionHarness } from '../harness/launch.ts';

const PROBE = 'e2e-permission-probe';
/**
 * Chrome's permission prompt ignores key presses for a double-click interval (500 ms) after it shows, and
 * presses that follow each other that fast (its InputEventActivationProtector, against clickjacking).
 */
const PROMPT_IGNORES_INPUT_MS = 700;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clicks what asks for access to `startUrl`'s host (permissions.request) and answers Chrome's prompt ("Allow …
 * to read and change your data on …?") as a person does, with real key presses: Tab to Allow (focus starts on
 * Deny), then Return.
 *
 * The prompt is drawn by the browser, outside every page and without an X window of its own: nothing announces
 * it, so this cannot await it like an event. Instead the page gets a probe (focused after the click) that swallows
 * and records keys: a Tab that the probe records was pressed before the prompt was up, harmlessly, and is tried
 * again; only a Tab the page did not get is followed by Return. Chrome grants a host it granted before without
 * asking again: then the grant is seen at once and no key is pressed.
 */
export async function allowHostAccess(
  h: ExtensionHarness,
  page: Page,
  startUrl: string,
  click: () => Promise<void>,
): Promise<void> {
  const display = h.display;
  if (!display)
    throw new Error('The permission prompt needs a headed browser (launchExtension({ headed: true })).');
  const origin = `${new URL(startUrl).origin}/*`;
  const worker = await h.worker();
  const granted = () =>
    worker.evaluate(async (o) => (await chrome.permissions.getAll()).origins?.includes(o) ?? false, origin);
  await page.evaluate((id) => {
    const probe = document.createElement('input');
    probe.id = id;
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = 'position:fixed;left:-9999px;';
    probe.dataset.keys = '0';
    probe.addEventListener('keydown', (event) => {
      event.preventDefault();
      event.stopPropagation();
      probe.dataset.keys = String(Number(probe.dataset.keys) + 1);
    });
    document.body.append(probe);
  }, PROBE);
  const probeKeys = () => page.evaluate((id) => Number(document.getElementById(id)?.dataset.keys), PROBE);
  await page.bringToFront();
  await click();
  await page.evaluate((id) => document.getElementById(id)?.focus(), PROBE);
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    await pause(PROMPT_IGNORES_INPUT_MS);
    if (await granted()) break;
    const before = await probeKeys();
    await display.key('Tab');
    await pause(PROMPT_IGNORES_INPUT_MS);
    if ((await probeKeys()) > before) continue;
    await display.key('Return');
    break;
  }
  await expect.poll(granted).toBe(true);
  await page.evaluate((id) => document.getElementById(id)?.remove(), PROBE);
}
