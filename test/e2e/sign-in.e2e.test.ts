import { afterEach, describe, expect, it } from 'vitest';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import {
  addPortalAndStartSignIn,
  expectSignedIn,
  portalSection,
  shownUserCode,
  signOutInSettings,
} from './pages/portal-flow.ts';

const DEMO = 'Demo';

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(options: Parameters<typeof launchExtension>[0] = {}) {
  harness = await launchExtension(options);
  const popup = await harness.openPopup();
  const { startUrl, region } = harness.emulator;
  return { harness, popup, startUrl, region };
}

/** The toolbar badge's text, as the user sees it. */
async function badgeText(h: ExtensionHarness): Promise<string> {
  const worker = await h.worker();
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Every token grant the emulator answered, by grant type and outcome. */
function tokenCalls(h: ExtensionHarness) {
  return h.emulator
    .requests()
    .filter((r) => r.path === '/token')
    .map((r) => ({ status: r.status, errorType: r.errorType }));
}

describe('sign-in with the device authorization flow', () => {
  it('signs in when the user approves on the device page, showing the same code, then closes that tab', async () => {
    const { harness, popup, startUrl, region } = await start();
    const device = await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: DEMO });
    const code = await shownUserCode(popup, DEMO);
    expect(code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    await expect.poll(() => badgeText(harness)).toBe('…');
    await harness.screenshot(popup, 'popup-signing-in');
    await expect.poll(() => device.getByText(code).count()).toBeGreaterThan(0);
    await device.getByRole('button', { name: 'Approve' }).click();
    await expectSignedIn(harness, DEMO);
    await expect.poll(() => device.isClosed()).toBe(true);
    await harness.screenshot(popup, 'popup-signed-in');
    await expect.poll(() => badgeText(harness)).toBe('');
    const granted = tokenCalls(harness).filter((c) => c.status === 200);
    expect(granted).toHaveLength(1);
    expect(harness.consoleErrors).toEqual([]);
  });

  it('says the request was denied, and offers to try again', async () => {
    const { harness, popup, startUrl, region } = await start();
    const device = await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: DEMO });
    await shownUserCode(popup, DEMO);
    await device.getByRole('button', { name: 'Deny' }).click();
    const section = portalSection(popup, DEMO);
    await section.getByRole('alert').filter({ hasText: 'denied' }).waitFor();
    await section.getByRole('button', { name: 'Try again' }).waitFor();
    await expect.poll(() => badgeText(harness)).toBe('!');
  });

  it('says the code expired when nobody approves it in time', async () => {
    const { harness, popup, startUrl, region } = await start({
      emulator: { lifetimes: { deviceCodeSeconds: 2 } },
    });
    await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: DEMO });
    const section = portalSection(popup, DEMO);
    await section.getByRole('alert').filter({ hasText: 'expired' }).waitFor({ timeout: 15_000 });
    await section.getByRole('button', { name: 'Try again' }).click();
    // A new code, a new device page.
    await expect.poll(() => harness.emulator.pendingUserCodes().length).toBe(1);
  });

  it('finishes the sign-in exactly once when the worker is stopped while waiting for approval', async () => {
    const { harness, popup, startUrl, region } = await start();
    await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: DEMO });
    const code = await shownUserCode(popup, DEMO);
    await harness.stopServiceWorker();
    harness.emulator.approve(code);
    // Nothing runs until an event wakes the worker: here the popup opened again.
    await harness.openPopup();
    await expectSignedIn(harness, DEMO);
    expect(tokenCalls(harness).filter((c) => c.status === 200)).toHaveLength(1);
  });

  it('finishes exactly once when the worker stops after approval but before it polled', async () => {
    const { harness, popup, startUrl, region } = await start({
      emulator: { lifetimes: { pollIntervalSeconds: 5 } },
    });
    await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: DEMO });
    const code = await shownUserCode(popup, DEMO);
    harness.emulator.approve(code);
    await harness.stopServiceWorker();
    await harness.openPopup();
    await expectSignedIn(harness, DEMO);
    expect(tokenCalls(harness).filter((c) => c.status === 200)).toHaveLength(1);
  });

  it('shows a popup opened mid-flow where the flow is', async () => {
    const { harness, popup, startUrl, region } = await start();
    await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: DEMO });
    const code = await shownUserCode(popup, DEMO);
    const second = await harness.openPopup();
    expect(await shownUserCode(second, DEMO)).toBe(code);
  });
});

describe('adding a portal', () => {
  it('says what is wrong next to the field and saves nothing', async () => {
    const { harness, popup } = await start();
    await popup
      .getByRole('textbox', { name: 'Start URL' })
      .fill('https://eu-west-1.console.aws.amazon.com/console/home');
    await popup.getByRole('button', { name: 'Add and sign in' }).click();
    await popup
      .getByRole('alert')
      .filter({ hasText: /console/i })
      .waitFor();
    await popup.getByRole('textbox', { name: 'Start URL' }).fill(harness.emulator.startUrl);
    await popup.getByRole('button', { name: 'Add and sign in' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Choose the region' }).waitFor();
    await harness.screenshot(popup, 'popup-add-portal-error');
    const stored = await popup.evaluate(() => chrome.storage.local.get('portals'));
    expect(stored).toEqual({});
  });

  it('says so when the region cannot be reached', async () => {
    const { harness, popup } = await start();
    harness.emulator.configure({ faults: [{ path: '/client/register', kind: 'drop-connection' }] });
    await popup.getByRole('textbox', { name: 'Start URL' }).fill(harness.emulator.startUrl);
    await popup
      .getByRole('combobox', { name: 'Identity Center region' })
      .selectOption(harness.emulator.region);
    await popup.getByRole('button', { name: 'Add and sign in' }).click();
    await popup.getByRole('alert').filter({ hasText: 'Could not reach IAM Identity Center' }).waitFor();
    expect(await popup.evaluate(() => chrome.storage.local.get('portals'))).toEqual({});
  });
});

describe('several portals', () => {
  it('keeps two portals signed in at once, each with its own session', async () => {
    // An instance on the IPv4 endpoints, whose link is the classic device page (dual-stack instances:
    // today-endpoints.e2e.test.ts).
    const second = {
      region: 'eu-west-1',
      startUrl: 'https://ssoins-1111222233334444.eu-west-1.portal.amazonaws.com',
    };
    const { harness, popup, startUrl, region } = await start({ otherPortals: [second] });
    const firstDevice = await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: 'Main' });
    await firstDevice.getByRole('button', { name: 'Approve' }).click();
    await expectSignedIn(harness, 'Main');

    const options = await harness.openOptions();
    const secondDevice = await addPortalAndStartSignIn(harness, options, {
      startUrl: second.startUrl,
      name: 'Europe',
    });
    await secondDevice.getByRole('button', { name: 'Approve' }).click();
    await expectSignedIn(harness, 'Europe');
    await expectSignedIn(harness, 'Main');
    await harness.screenshot(popup, 'popup-two-portals');
    // Each instance issued exactly one token, to its own sign-in.
    const granted = (e: { requests(): { path: string; status: number }[] }) =>
      e.requests().filter((r) => r.path === '/token' && r.status === 200).length;
    expect(granted(harness.emulator)).toBe(1);
    expect(granted(harness.otherEmulators[0] as never)).toBe(1);

    // Signing out of one leaves the other signed in.
    await signOutInSettings(harness, 'Main');
    await portalSection(popup, 'Main').getByRole('button', { name: 'Sign in' }).waitFor();
    await expectSignedIn(harness, 'Europe');
  });
});
