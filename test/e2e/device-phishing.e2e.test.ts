import { afterEach, describe, expect, it } from 'vitest';
import { emulatorPost } from './harness/emulator-request.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { addPortalAndStartSignIn } from './pages/portal-flow.ts';

let harness: ExtensionHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('device-code anti-phishing on the AWS device page', () => {
  it('confirms a code that belongs to a sign-in the extension started', async () => {
    harness = await launchExtension();
    const popup = await harness.openPopup();
    const { startUrl, region } = harness.emulator;
    const device = await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: 'Demo' });
    await device
      .getByRole('status')
      .filter({ hasText: 'AWS SSO Switcher: this is the sign-in you started (Demo).' })
      .waitFor();
    await harness.screenshot(device, 'device-page-ours');
  });

  it('warns when someone else started the sign-in (a phishing link)', async () => {
    harness = await launchExtension();
    const popup = await harness.openPopup();
    // The extension has a portal and a sign-in of its own under way...
    const { startUrl, region } = harness.emulator;
    await addPortalAndStartSignIn(harness, popup, { startUrl, region, name: 'Demo' });
    // ...while an attacker registers their own client, starts a device flow and sends the victim the link.
    const client = (
      await emulatorPost(harness.emulator, '/client/register', { clientName: 'evil', clientType: 'public' })
    ).json as { clientId: string; clientSecret: string };
    const started = (await emulatorPost(harness.emulator, '/device_authorization', { ...client, startUrl }))
      .json as { userCode: string };
    // The link AWS gives the attacker (called by IP, the emulator answers with a loopback link instead).
    const phish = await harness.context.newPage();
    await phish.goto(`https://device.sso.${region}.amazonaws.com/?user_code=${started.userCode}`);
    await phish
      .getByRole('alert')
      .filter({ hasText: 'is not from a sign-in you started in AWS SSO Switcher' })
      .waitFor();
    await harness.screenshot(phish, 'device-page-phishing');
    expect(harness.consoleErrors).toEqual([]);
  });
});
