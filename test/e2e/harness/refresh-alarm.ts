import type { Worker } from 'playwright-core';

/**
 * Fires a portal's refresh alarm as the browser does shortly before the access token expires. The worker
 * refreshes only a token close to expiry (src/background/auth/session.ts, `refreshIfDue`), so time is made to
 * pass first: the stored token's expiry moves to two minutes from now, inside the refresh margin.
 */
export async function fireRefreshAlarmNearExpiry(worker: Worker, portalId: string): Promise<void> {
  await worker.evaluate(async (id) => {
    const key = `auth.token:${id}`;
    const token = (await chrome.storage.session.get(key))[key] as { expiresAt: number } | undefined;
    if (token) await chrome.storage.session.set({ [key]: { ...token, expiresAt: Date.now() + 120_000 } });
    await chrome.alarms.create(`refresh:${id}`, { when: Date.now() });
  }, portalId);
}
