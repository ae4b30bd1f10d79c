import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';

describe('the built extension in Chromium', () => {
  let harness: ExtensionHarness;
  beforeAll(async () => {
    harness = await launchExtension();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('starts its service worker, which answers a message from an extension page', async () => {
    const worker = await harness.worker();
    expect(worker.url()).toBe(`chrome-extension://${harness.extensionId}/service-worker-loader.js`);
    const page = await harness.openOptions();
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getStatus', payload: {} }));
    expect(reply).toEqual({ ok: true, value: { version: '0.1.0' } });
    await page.close();
  });

  it('renders the popup with no console errors', async () => {
    const popup = await harness.openPopup();
    await popup.getByRole('heading', { name: 'AWS SSO Switcher' }).waitFor();
    // First run leads straight into adding a portal, with the start URL field focused.
    await popup.getByRole('heading', { name: 'Add your AWS access portal' }).waitFor();
    await expect
      .poll(() =>
        popup.getByRole('textbox', { name: 'Start URL' }).evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await harness.screenshot(popup, 'popup-first-run');
    expect(harness.consoleErrors).toEqual([]);
    await popup.close();
  });

  it('opens the options page from the popup', async () => {
    const popup = await harness.openPopup();
    const optionsOpened = harness.context.waitForEvent('page', (page) =>
      page.url().includes('src/options/index.html'),
    );
    await popup.getByRole('button', { name: 'Settings' }).click();
    const options = await optionsOpened;
    await options.getByRole('heading', { name: 'AWS SSO Switcher settings' }).waitFor();
    await harness.screenshot(options, 'options-first-run');
    expect(harness.consoleErrors).toEqual([]);
    await Promise.all([popup.close(), options.close()]);
  });

  it('runs its content script on an AWS console page (served by the emulator through host mapping)', async () => {
    const page = await harness.context.newPage();
    await page.goto('https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.awsSsoSwitcher))
      .toBe('ready');
    await page.close();
  });

  it('rejects unknown, malformed and misdirected messages with an error reply and stays healthy', async () => {
    const page = await harness.openOptions();
    const replies = await page.evaluate(async () => {
      const send = (message: unknown) => chrome.runtime.sendMessage(message);
      return {
        unknownType: await send({ type: 'stealTokens', payload: {} }),
        notAnObject: await send('getStatus'),
        extraField: await send({ type: 'getStatus', payload: { evil: true } }),
        missingPayload: await send({ type: 'getStatus' }),
        contentOnly: await send({ type: 'getTabDisplay', payload: {} }),
        stillHealthy: await send({ type: 'getStatus', payload: {} }),
      };
    });
    expect(replies.unknownType).toEqual({
      ok: false,
      error: { code: 'bad-request', message: 'Unknown message type.' },
    });
    expect(replies.notAnObject).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies.extraField).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies.missingPayload).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(replies.contentOnly).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(replies.stillHealthy).toEqual({ ok: true, value: { version: '0.1.0' } });
    await page.close();
  });

  it('refuses extension-only messages from a content script', async () => {
    const page = await harness.context.newPage();
    await page.goto('https://console.aws.amazon.com/console/home');
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.awsSsoSwitcher))
      .toBe('ready');
    // Evaluate inside the content script's isolated world, where chrome.runtime is available.
    const cdp = await harness.context.newCDPSession(page);
    const reply = await sendFromContentScript(cdp, harness.extensionId, { type: 'getStatus', payload: {} });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await cdp.detach();
    await page.close();
  });
});

import type { CDPSession } from 'playwright-core';

/** Runs chrome.runtime.sendMessage in the content script's isolated world of the page, via CDP. */
async function sendFromContentScript(
  cdp: CDPSession,
  extensionId: string,
  message: unknown,
): Promise<unknown> {
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!isolated) throw new Error(`no isolated world for ${extensionId}: ${JSON.stringify(contexts)}`);
  const result = await cdp.send('Runtime.evaluate', {
    contextId: isolated.id,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  return result.result.value;
}
