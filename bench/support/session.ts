import type { Page } from 'playwright-core';
import type { PortalDirectory, SyncProgress } from '../../src/shared/directory/model.ts';
import type { ExtensionHarness } from '../../test/e2e/harness/launch.ts';
import { signInFromPopup } from '../../test/e2e/pages/sign-in-helper.ts';
import type { ChromeGlobal } from './chrome-api.ts';
import { fromStoredValue } from './directory.ts';
import { inWorker } from './harness.ts';

type StoredProgress = SyncProgress & { updatedAt?: number };

/** Adds the emulator's portal and signs in from the popup as a user would; the first sync starts by itself. */
export async function signIn(h: ExtensionHarness): Promise<{ popup: Page; portalId: string }> {
  const popup = await h.openPopup();
  await signInFromPopup(h, popup, 'Bench');
  return { popup, portalId: await portalIdOf(h) };
}

/** Signs in and waits for the first sync, which follows sign-in, to finish. */
export async function signInAndSync(
  h: ExtensionHarness,
  timeoutMs = 120_000,
): Promise<{ popup: Page; portalId: string }> {
  const since = Date.now();
  const session = await signIn(h);
  await waitForSync(h, session.portalId, since, timeoutMs);
  return session;
}

export async function portalIdOf(h: ExtensionHarness): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const id = await inWorker(
      h,
      async () => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        const { portals } = await chrome.storage.local.get('portals');
        return (portals as { id: string }[] | undefined)?.[0]?.id;
      },
      null,
    );
    if (id) return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No portal was added');
}

/** Waits in the worker until the portal's sync progress is final and newer than `since` (epoch ms). */
export async function waitForSync(
  h: ExtensionHarness,
  portalId: string,
  since: number,
  timeoutMs: number,
): Promise<StoredProgress> {
  return inWorker(
    h,
    ({ key, since, timeoutMs }) =>
      new Promise<StoredProgress>((resolve, reject) => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        const final = (value: unknown): value is StoredProgress => {
          const p = value as StoredProgress | undefined;
          return !!p && (p.state === 'done' || p.state === 'failed') && (p.updatedAt ?? 0) >= since;
        };
        const timer = setTimeout(
          () => reject(new Error(`${key} not final after ${timeoutMs} ms`)),
          timeoutMs,
        );
        const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          const value = changes[key]?.newValue;
          if (area !== 'session' || !final(value)) return;
          clearTimeout(timer);
          chrome.storage.onChanged.removeListener(listener);
          resolve(value);
        };
        chrome.storage.onChanged.addListener(listener);
        void chrome.storage.session.get(key).then((stored) => {
          const value = stored[key];
          if (!final(value)) return;
          clearTimeout(timer);
          chrome.storage.onChanged.removeListener(listener);
          resolve(value);
        });
      }),
    { key: `directory.progress:${portalId}`, since, timeoutMs },
  );
}

/** Forgets the cached directory and the last progress: the next sync is a full first sync. */
export async function forgetDirectory(h: ExtensionHarness, portalId: string): Promise<void> {
  await inWorker(
    h,
    async (id) => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      await chrome.storage.local.remove(`directory:${id}`);
      await chrome.storage.session.remove(`directory.progress:${id}`);
    },
    portalId,
  );
}

/**
 * Stops the service worker and wakes it again with a harmless message, as when a user opens the popup after
 * the worker idled out: the sync starts with a fresh rate limiter, so runs do not inherit each other's pacing.
 */
export async function restartWorker(h: ExtensionHarness, page: Page): Promise<void> {
  await h.stopServiceWorker();
  await page.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeGlobal;
    for (let attempt = 0; ; attempt++) {
      try {
        await chrome.runtime.sendMessage({ type: 'getStatus', payload: {} });
        return;
      } catch (error) {
        if (attempt > 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  });
  await h.worker();
}

export interface TimedSync {
  /** Epoch ms just before the page sent `syncDirectory`. */
  readonly startedAt: number;
  /** Epoch ms the worker stamped on the final progress (`updatedAt`). */
  readonly doneAt: number;
  readonly progress: StoredProgress;
}

/**
 * Starts a forced sync from an extension page and resolves when its final progress is stored. The listener is
 * in place before the message goes out, so no state change can be missed.
 */
export async function timedSync(page: Page, portalId: string, timeoutMs: number): Promise<TimedSync> {
  return page.evaluate(
    async ({ portalId, timeoutMs }) => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      const key = `directory.progress:${portalId}`;
      const finished = new Promise<{ value: StoredProgress; seenAt: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sync not done after ${timeoutMs} ms`)), timeoutMs);
        const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
          const value = changes[key]?.newValue as StoredProgress | undefined;
          if (area !== 'session' || !value || (value.state !== 'done' && value.state !== 'failed')) return;
          clearTimeout(timer);
          chrome.storage.onChanged.removeListener(listener);
          resolve({ value, seenAt: Date.now() });
        };
        chrome.storage.onChanged.addListener(listener);
      });
      const startedAt = Date.now();
      const reply = (await chrome.runtime.sendMessage({
        type: 'syncDirectory',
        payload: { portalId, force: true },
      })) as { ok: boolean; error?: { message: string } };
      if (!reply.ok) throw new Error(`syncDirectory refused: ${reply.error?.message}`);
      const { value, seenAt } = await finished;
      return { startedAt, doneAt: value.updatedAt ?? seenAt, progress: value };
    },
    { portalId, timeoutMs },
  );
}

/** The cached directory as the worker reads it back. */
export async function storedDirectory(
  h: ExtensionHarness,
  portalId: string,
): Promise<PortalDirectory | null> {
  const value = await inWorker(
    h,
    async (key) => {
      const { chrome } = globalThis as unknown as ChromeGlobal;
      return (await chrome.storage.local.get(key))[key] ?? null;
    },
    `directory:${portalId}`,
  );
  return fromStoredValue(value);
}
