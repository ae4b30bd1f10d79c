import type { Worker } from 'playwright-core';

/**
 * For the report of an answer that never came: which of the browser APIs a handler awaits still answer in the
 * worker, and how fast. Each probe gives up after four seconds. Test-only; the calls change nothing the
 * extension reads (one throwaway key in storage.local, a notice nobody answers).
 */
export async function probeWorkerApis(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const probe = async (name: string, call: () => Promise<unknown>) => {
      const started = performance.now();
      const outcome = await Promise.race([
        call().then(
          () => 'ok',
          (error: unknown) => `refused (${String(error)})`,
        ),
        new Promise((resolve) => setTimeout(() => resolve('no answer'), 4000)),
      ]);
      return `${name}: ${outcome} in ${Math.round(performance.now() - started)} ms`;
    };
    const storage = chrome.storage as unknown as Record<string, { get(keys: null): Promise<unknown> }>;
    const local = chrome.storage.local as unknown as { set(items: object): Promise<void> };
    return [
      await probe('storage.managed.get', () => storage.managed?.get(null) ?? Promise.resolve()),
      await probe('storage.local.get', () => chrome.storage.local.get(null)),
      await probe('storage.local.set', () => local.set({ 'e2e.probe': Date.now() })),
      await probe('storage.sync.get', () => chrome.storage.sync.get(null)),
      await probe('storage.session.get', () => chrome.storage.session.get(null)),
      await probe('action.getBadgeText', () => chrome.action.getBadgeText({})),
      await probe('runtime.sendMessage', () => chrome.runtime.sendMessage({ type: 'ui:changed' })),
    ].join('; ');
  });
}
