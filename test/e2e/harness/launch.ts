import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import {
  chromiumHostFlags,
  type Emulator,
  type EmulatorOptions,
  startEmulator,
} from '../../emulator/index.ts';
import { findChromium, QUIET_CHROMIUM_FLAGS } from './chromium.ts';
import { openDisplay, type XDisplay } from './display.ts';

export interface LaunchOptions {
  emulator?: EmulatorOptions;
  /** More Identity Center instances, each in its own region, for tests with several portals. */
  otherPortals?: (EmulatorOptions & { region: string; startUrl: string })[];
  /** Headed, on a private Xvfb display (display.ts), for real keyboard shortcuts: see `display`. */
  headed?: boolean;
  /** Which build to load; the production bundle, unchanged. */
  dist?: string;
}

export interface ExtensionHarness {
  readonly context: BrowserContext;
  readonly emulator: Emulator;
  readonly otherEmulators: readonly Emulator[];
  readonly extensionId: string;
  /** The X display of a headed run, for real key presses (xdotool); null when headless. */
  readonly display: XDisplay | null;
  /** Errors printed by any page or the worker since launch (console.error and uncaught exceptions). */
  readonly consoleErrors: string[];
  /**
   * What happened to the extension's service worker since launch, with the time of each entry: starts, stops and
   * its console warnings and errors. For a failure's report (say, an answer that never came), not for assertions.
   */
  readonly workerLog: readonly string[];
  worker(): Promise<Worker>;
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Stops the MV3 service worker the way the browser does when it idles out; the next event restarts it. */
  stopServiceWorker(): Promise<void>;
  readClipboard(page: Page): Promise<string>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = resolve('test-results/screenshots');

/**
 * Starts the AWS emulator and a Chromium with the built extension, every AWS host mapped to the emulator by
 * Chromium flags. Nothing in the extension is changed or pointed elsewhere: it talks to "AWS" as in production.
 */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const emulator = await startEmulator(options.emulator);
  const otherEmulators = await Promise.all((options.otherPortals ?? []).map((o) => startEmulator(o)));
  const dist = resolve(options.dist ?? 'dist/chrome');
  const profile = await mkdtemp(join(tmpdir(), 'sso-switcher-profile-'));
  const display = options.headed ? await openDisplay() : null;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: !options.headed,
    ...(display ? { env: { ...process.env, DISPLAY: display.name } } : {}),
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      ...chromiumHostFlags(emulator, otherEmulators),
      ...QUIET_CHROMIUM_FLAGS,
    ],
    viewport: { width: 1280, height: 800 },
  });
  const consoleErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);

  const workerLog: string[] = [];
  const note = (entry: string) => workerLog.push(`${new Date().toISOString().slice(11, 23)} ${entry}`);
  const watchWorker = (worker: Worker) => {
    note(`worker started: ${worker.url()}`);
    worker.on('close', () => note('worker stopped'));
    worker.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        note(`${message.type()}: ${message.text()}`);
    });
  };
  context.on('serviceworker', watchWorker);
  const firstWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  if (workerLog.length === 0) watchWorker(firstWorker);
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  const worker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(origin));
    return live ?? context.waitForEvent('serviceworker');
  };

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${origin}/${path}`);
    return page;
  };

  return {
    context,
    emulator,
    otherEmulators,
    extensionId,
    display,
    consoleErrors,
    workerLog,
    worker,
    async openPopup() {
      const page = await openExtensionPage('src/popup/index.html');
      // The size Chrome gives a popup of this width, so screenshots look like the real thing.
      await page.setViewportSize({ width: 420, height: 560 });
      return page;
    },
    openOptions: () => openExtensionPage('src/options/index.html'),
    async stopServiceWorker() {
      const page = context.pages()[0] ?? (await context.newPage());
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    async readClipboard(page: Page) {
      // Chromium refuses to grant to a chrome-extension:// origin by name ("opaque origin"); granting without an
      // origin covers every page, the extension's included.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async screenshot(page: Page, name: string) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
    },
    async close() {
      await context.close();
      await display?.close();
      await Promise.all([emulator, ...otherEmulators].map((e) => e.close()));
      await rm(profile, { recursive: true, force: true });
    },
  };
}
