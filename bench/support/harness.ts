import type { Page } from 'playwright-core';
import { type ExtensionHarness, launchExtension } from '../../test/e2e/harness/launch.ts';
import type { EmulatorOptions } from '../../test/emulator/index.ts';

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)`, which does not exist where Playwright runs
 * an `evaluate` callback. Defining it there keeps bench code ordinary TypeScript.
 */
const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/** The e2e harness (the built extension from dist/chrome in Chromium, AWS mapped to the emulator), bench-ready. */
export async function launchBench(dist: string, emulator: EmulatorOptions = {}): Promise<ExtensionHarness> {
  const h = await launchExtension({ emulator, dist });
  await h.context.addInitScript({ content: NAME_SHIM });
  return h;
}

/** Runs `fn` in the service worker (starting it if it idled out). */
export async function inWorker<R, A>(
  h: ExtensionHarness,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
): Promise<R> {
  const worker = await h.worker();
  await worker.evaluate(NAME_SHIM);
  // Playwright types the argument as it arrives (`Unboxed<A>`), which a generic A cannot be shown to match.
  return worker.evaluate<R, A>(fn as never, arg);
}

/** An extension page at `path`, sized like the popup, opened from a blank tab so its navigation is timed alone. */
export async function openExtensionPage(h: ExtensionHarness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 420, height: 560 });
  await page.goto(`chrome-extension://${h.extensionId}/${path}`);
  return page;
}

export const POPUP_PATH = 'src/popup/index.html';

export interface WorkerCdp {
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

/**
 * A CDP session on the service worker. playwright-core opens CDP sessions on pages only, so this attaches from a
 * page's session to the worker target in non-flat mode and tunnels commands through
 * `Target.sendMessageToTarget` / `Target.receivedMessageFromTarget`.
 */
export async function workerCdp(h: ExtensionHarness): Promise<WorkerCdp> {
  const page = h.context.pages()[0] ?? (await h.context.newPage());
  const cdp = await h.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`),
  );
  if (!target) throw new Error('No service worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      result?: unknown;
      error?: { message: string };
    };
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter || message.id === undefined) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  let nextId = 1;
  return {
    send<T>(method: string, params: Record<string, unknown> = {}) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        cdp
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch(reject);
      });
    },
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach();
    },
  };
}
