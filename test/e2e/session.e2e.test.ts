import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { emulatorGet } from './harness/emulator-request.ts';
import { type ExtensionHarness, launchExtension } from './harness/launch.ts';
import { fireRefreshAlarmNearExpiry } from './harness/refresh-alarm.ts';
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

/** A browser with the demo portal added and signed in. */
async function signedIn(): Promise<{ h: ExtensionHarness; popup: Page; portalId: string }> {
  const h = await launchExtension();
  harness = h;
  const popup = await h.openPopup();
  await addPortalAndStartSignIn(h, popup, {
    startUrl: h.emulator.startUrl,
    region: h.emulator.region,
    name: DEMO,
  });
  h.emulator.approve(await shownUserCode(popup, DEMO));
  await expectSignedIn(h, DEMO);
  const { portals } = (await popup.evaluate(() => chrome.storage.local.get('portals'))) as {
    portals: { id: string }[];
  };
  const portalId = portals[0]?.id ?? '';
  return { h, popup, portalId };
}

/** Fires the refresh alarm now, as the browser would shortly before the access token expires. */
async function fireRefreshAlarm(h: ExtensionHarness, portalId: string): Promise<void> {
  await fireRefreshAlarmNearExpiry(await h.worker(), portalId);
}

/** The access token the extension holds now (read in the worker, as only the background can). */
async function storedAccessToken(h: ExtensionHarness): Promise<string> {
  const worker = await h.worker();
  return worker.evaluate(async () => {
    const all = await chrome.storage.session.get(null);
    const entry = Object.entries(all).find(([k]) => k.startsWith('auth.token:'));
    return (entry?.[1] as { accessToken: string } | undefined)?.accessToken ?? '';
  });
}

/** How far ahead the portal's refresh alarm is set (negative or NaN when there is none). */
async function refreshDueInMs(h: ExtensionHarness, portalId: string): Promise<number> {
  const worker = await h.worker();
  return worker.evaluate(
    async (name) => ((await chrome.alarms.get(name))?.scheduledTime ?? Number.NaN) - Date.now(),
    `refresh:${portalId}`,
  );
}

/** What the token endpoint answered and what the extension holds, for a failure message. */
async function refreshDiagnosis(h: ExtensionHarness, portalId: string): Promise<string> {
  const worker = await h.worker();
  const session = await worker.evaluate(() => chrome.storage.session.get(null));
  const locks = await worker.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return { held: held.map((l) => l.name), pending: pending.map((l) => l.name) };
  });
  const calls = h.emulator
    .requests()
    .filter((r) => r.path === '/token' || r.status >= 400)
    .map((r) => `${r.time} ${r.method} ${r.path} ${r.status} ${r.errorType ?? ''}`);
  return [
    ...calls,
    `session keys: ${Object.keys(session).join(', ')}`,
    `outcome: ${JSON.stringify(session[`auth.outcome:${portalId}`] ?? null)}`,
    `refresh alarm due in: ${await refreshDueInMs(h, portalId)} ms`,
    `sync progress: ${JSON.stringify(session[`directory.progress:${portalId}`] ?? null)}`,
    `locks held: ${locks.held.join(', ') || 'none'}; waiting: ${locks.pending.join(', ') || 'none'}`,
    `requests: ${h.emulator
      .requests()
      .map((r) => `${r.time.slice(17)} ${r.path} ${r.status}`)
      .join(' | ')}`,
  ].join('\n');
}

/** Waits for this many successful token grants (sign-in included); on failure, says what happened. */
async function expectGrants(h: ExtensionHarness, portalId: string, count: number): Promise<void> {
  await expect
    .poll(() => grants(h).length)
    .toBe(count)
    .catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${await refreshDiagnosis(h, portalId)}`);
    });
}

const grants = (h: ExtensionHarness) =>
  h.emulator.requests().filter((r) => r.path === '/token' && r.status === 200);

describe('session lifetime', () => {
  it('refreshes the access token before it expires, storing each rotated refresh token', async () => {
    const { h, popup, portalId } = await signedIn();
    // Round 1, by its alarm: the extension refreshes ahead of expiry.
    const first = await storedAccessToken(h);
    h.emulator.expireAccessTokens();
    await fireRefreshAlarm(h, portalId);
    await expectGrants(h, portalId, 2);
    await expect.poll(() => storedAccessToken(h)).not.toBe(first);
    // Round 2, by use: a sync meets a refused token and refreshes. The emulator refuses a refresh token that
    // was already used, so this passes only if the rotated one from round 1 was stored. (Not a second alarm:
    // Chromium polls alarms at a granularity of its own, and a second alarm soon after the first may wait.)
    const second = await storedAccessToken(h);
    h.emulator.expireAccessTokens();
    await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'syncDirectory', payload: { portalId: id, force: true } }),
      portalId,
    );
    await expectGrants(h, portalId, 3);
    await expect.poll(() => storedAccessToken(h)).not.toBe(second);
    await expectSignedIn(h, DEMO);
  });

  it('keeps the refresh token sealed in storage.local and the access token only in storage.session', async () => {
    const { h } = await signedIn();
    const worker = await h.worker();
    const { local, session } = await worker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
    }));
    const localText = JSON.stringify(local);
    expect(Object.keys(local).some((k) => k.startsWith('auth.refresh:'))).toBe(true);
    expect(Object.keys(local).some((k) => k.startsWith('auth.token:'))).toBe(false);
    expect(Object.keys(session).some((k) => k.startsWith('auth.token:'))).toBe(true);
    // Sealed: the emulator's refresh tokens start with "rt-"; nothing readable is stored.
    expect(localText).not.toMatch(/"rt-|refreshToken|clientSecret":"[^{]/);
  });

  it('shows the portal signed out, with one-click sign-in, when the portal session ends', async () => {
    const { h, popup, portalId } = await signedIn();
    h.emulator.endSessions();
    h.emulator.expireAccessTokens();
    await fireRefreshAlarm(h, portalId);
    const section = portalSection(popup, DEMO);
    await section.getByText('Your session ended. Sign in again.').waitFor();
    await harness?.screenshot(popup, 'popup-session-ended');
    const device = h.context.waitForEvent('page', (p) => p.url().includes('device.sso.'));
    await section.getByRole('button', { name: 'Sign in' }).click();
    await device;
  });

  it('registers again when AWS no longer knows the registration', async () => {
    const { h, popup } = await signedIn();
    await signOutInSettings(h, DEMO);
    await portalSection(popup, DEMO).getByRole('button', { name: 'Sign in' }).waitFor();
    h.emulator.expireRegistrations();
    const registrationsBefore = h.emulator.requests().filter((r) => r.path === '/client/register').length;
    await portalSection(popup, DEMO).getByRole('button', { name: 'Sign in' }).click();
    const staleCode = await shownUserCode(popup, DEMO);
    // Like AWS, the emulator accepts the stale registration at StartDeviceAuthorization and refuses it at
    // CreateToken; the extension registers again and restarts the sign-in with a new code, once.
    const registrations = () => h.emulator.requests().filter((r) => r.path === '/client/register').length;
    await expect.poll(registrations).toBe(registrationsBefore + 1);
    await expect.poll(() => shownUserCode(popup, DEMO)).not.toBe(staleCode);
    h.emulator.approve(await shownUserCode(popup, DEMO));
    await expectSignedIn(h, DEMO);
    expect(registrations()).toBe(registrationsBefore + 1);
  });

  it('recovers from a 401 by refreshing once and retrying, without bothering the user', async () => {
    const { h, popup } = await signedIn();
    await popup
      .getByRole('status')
      .filter({ hasText: /accounts · synced/ })
      .waitFor();
    h.emulator.expireAccessTokens();
    h.emulator.resetLog();
    await popup.getByRole('button', { name: 'Sync' }).click();
    await expect
      .poll(
        () => h.emulator.requests().filter((r) => r.path === '/assignment/roles' && r.status === 200).length,
      )
      .toBe(h.emulator.organization.accounts.length);
    const log = h.emulator.requests();
    const first401 = log.findIndex((r) => r.status === 401);
    const refresh = log.findIndex((r) => r.path === '/token' && r.status === 200);
    expect(first401).toBeGreaterThanOrEqual(0);
    expect(refresh).toBeGreaterThan(first401);
    expect(log.filter((r) => r.path === '/token')).toHaveLength(1);
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  it('signs out at AWS and forgets every token; the old token is refused afterwards', async () => {
    const { h, popup } = await signedIn();
    const worker = await h.worker();
    const tokenBefore = await worker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      const entry = Object.entries(all).find(([k]) => k.startsWith('auth.token:'));
      return (entry?.[1] as { accessToken: string } | undefined)?.accessToken ?? '';
    });
    await signOutInSettings(h, DEMO);
    await portalSection(popup, DEMO).getByRole('button', { name: 'Sign in' }).waitFor();
    expect(h.emulator.requests().some((r) => r.path === '/logout' && r.status === 200)).toBe(true);
    const left = await worker.evaluate(async () => ({
      local: Object.keys(await chrome.storage.local.get(null)),
      session: Object.keys(await chrome.storage.session.get(null)),
    }));
    expect([...left.local, ...left.session].filter((k) => /^auth\.(token|refresh|flow):/.test(k))).toEqual(
      [],
    );
    expect(tokenBefore).not.toBe('');
    const refused = await emulatorGet(h.emulator, '/assignment/accounts', {
      'x-amz-sso_bearer_token': tokenBefore,
    });
    expect(refused.status).toBe(401);
  });
});
