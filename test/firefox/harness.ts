import { randomInt, randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import puppeteer, {
  type Browser,
  type ElementHandle,
  type Page,
  ProtocolError,
  TimeoutError,
} from 'puppeteer-core';
import { describe, inject } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../emulator/index.ts';
import type { FirefoxBinary } from './binaries.ts';
import { installWithPolicies, type PolicyInstall } from './policy-install.ts';

/**
 * Firefox end-to-end harness: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, the built
 * extension installed as a temporary add-on, every host name resolved to the local AWS emulator. What works and
 * why each setting is here: test/firefox/README.md.
 */

export interface FirefoxLaunchOptions {
  /** Port and address are the harness's: Firefox cannot remap ports, so the emulator listens on 443. */
  emulator?: Omit<EmulatorOptions, 'port' | 'host'>;
  /**
   * Firefox grants an MV3 extension's host permissions at install (`extensions.originControls.grantByDefault`,
   * true by default). False installs it the way a user who revoked them has it.
   */
  grantHostPermissionsAtInstall?: boolean;
  /** Which Firefox; the newest the run found by default (`firefoxes()`). */
  firefox?: FirefoxBinary;
  /**
   * Enterprise policies (`policies.json`'s `policies`) to start Firefox with, from an installation of the test's
   * own (policy-install.ts).
   */
  policies?: object;
  /** Which build to load; by default the copy of dist/firefox that global-setup.ts took for this run. */
  dist?: string;
  /**
   * An X display (e.g. from test/e2e/harness/display.ts) to run Firefox headed on, for real key presses;
   * headless by default.
   */
  display?: string;
  /** More Firefox prefs, e.g. `extensions.background.idle.timeout` (ms) to suspend the event page sooner. */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxHarness {
  readonly browser: Browser;
  readonly emulator: Emulator;
  /** The loopback address the emulator listens on (port 443); Firefox resolves every host name to it. */
  readonly address: string;
  /** `moz-extension://<uuid>`: the UUID is pinned by a pref, so extension pages have a known URL. */
  readonly origin: string;
  readonly version: string;
  /** console.error lines from web pages, content scripts and extension pages, as Firefox prints them. */
  readonly consoleErrors: string[];
  openPopup(): Promise<Page>;
  openOptions(): Promise<Page>;
  /** The tab whose URL passes `test`, waiting for it to open (the extension opens AWS pages itself). */
  waitForTab(test: (url: string) => boolean): Promise<Page>;
  /** Whether the extension holds every origin it asks for (host permissions and content-script matches). */
  hasAllOrigins(extensionPage: Page): Promise<boolean>;
  readClipboard(page: Page): Promise<string>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** Every Firefox this run tests, newest first: the system's and, when available, the previous ESR (binaries.ts). */
export function firefoxes(): FirefoxBinary[] {
  return inject('firefoxes');
}

/**
 * Declares the tests in `body` once per Firefox of the run, each group named by its version. Older Firefoxes (the
 * previous ESR) run only groups marked `everyFirefox` (the journey), to keep CI short, unless
 * `FIREFOX_PREVIOUS_ESR_TESTS=all` asks for every test on every Firefox.
 */
export function describeEachFirefox(
  body: (firefox: FirefoxBinary) => void,
  options: { everyFirefox?: boolean } = {},
): void {
  const all = firefoxes();
  const chosen =
    options.everyFirefox || process.env.FIREFOX_PREVIOUS_ESR_TESTS === 'all' ? all : all.slice(0, 1);
  describe.each(chosen.map((f) => [f.version, f] as const))('Firefox %s', (_version, firefox) =>
    body(firefox),
  );
}

function newestFirefox(): FirefoxBinary {
  const [newest] = firefoxes();
  if (!newest) throw new Error('No Firefox to test (test/firefox/global-setup.ts found none).');
  return newest;
}

export const SCREENSHOT_DIR = resolve('test-results/screenshots');
const NAVIGATION_TIMEOUT_MS = 10_000;
const ELEMENT_TIMEOUT_MS = 15_000;

/** Starts the emulator on 443 and a headless Firefox with the extension installed. */
export async function launchFirefox(options: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  const dist = options.dist ?? inject('firefoxDist');
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8')) as BuiltManifest;
  const geckoId = manifest.browser_specific_settings.gecko.id;
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const firefox = options.firefox ?? newestFirefox();
  const { emulator, address } = await startEmulatorOn443(options.emulator ?? {});

  let install: PolicyInstall | undefined;
  let browser: Browser;
  try {
    if (options.policies) install = await installWithPolicies(firefox.path, options.policies);
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: install?.path ?? firefox.path,
      headless: options.display === undefined,
      // Trusts the emulator's self-signed certificate, in pages and in the extension's fetches alike.
      acceptInsecureCerts: true,
      // Lifts BiDi's ban on navigating to moz-extension:// pages (and on chrome contexts, which we do not use).
      args: ['--remote-allow-system-access'],
      env: {
        ...process.env,
        ...(options.display === undefined ? {} : { DISPLAY: options.display }),
        // Release builds ignore puppeteer's dummy remote-settings server without this, and poll
        // firefox.settings.services.mozilla.com, which forceResolve would send to the emulator.
        MOZ_REMOTE_SETTINGS_DEVTOOLS: '1',
      },
      extraPrefsFirefox: {
        // No per-host mapping like Chromium's --host-resolver-rules: every name resolves to the emulator.
        'network.dns.forceResolve': address,
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
        'extensions.originControls.grantByDefault': options.grantHostPermissionsAtInstall ?? true,
        // permissions.request() from a click grants at once instead of opening a doorhanger nobody can click.
        'extensions.webextOptionalPermissionPrompts': false,
        // console.* of pages, content scripts and extension pages to stdout, where the harness reads errors:
        // BiDi reports no events from extension documents.
        'devtools.console.stdout.content': true,
        // navigator.clipboard.readText() without Firefox's "Paste" prompt, so tests can read what was copied.
        'dom.events.testing.asyncClipboard': true,
        ...options.prefs,
      },
    });
  } catch (error) {
    await emulator.close();
    await install?.dispose();
    throw error;
  }
  const consoleErrors = collectConsoleErrors(browser);
  try {
    await browser.installExtension(dist);
  } catch (error) {
    await Promise.all([browser.close(), emulator.close()]);
    await install?.dispose();
    throw error;
  }

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await gotoExtensionPage(page, `${origin}/${path}`);
    return page;
  };
  const allOrigins = [
    ...manifest.host_permissions,
    ...manifest.content_scripts.flatMap((script) => script.matches),
  ];

  return {
    browser,
    emulator,
    address,
    origin,
    version: await browser.version(),
    consoleErrors,
    async openPopup() {
      const page = await openExtensionPage(manifest.action.default_popup);
      await setViewport(page, { width: 420, height: 560 });
      return page;
    },
    openOptions: () => openExtensionPage(manifest.options_ui.page),
    async waitForTab(test) {
      const target = await browser.waitForTarget((t) => t.type() === 'page' && test(t.url()));
      const page = await target.page();
      if (!page) throw new Error(`No page for ${target.url()}`);
      return page;
    },
    hasAllOrigins: (page) =>
      page.evaluate(
        (origins) => (globalThis as unknown as WithBrowser).browser.permissions.contains({ origins }),
        allOrigins,
      ),
    readClipboard: (page) => page.evaluate(() => navigator.clipboard.readText()),
    async screenshot(page, name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `firefox-${firefox.major}-${name}.png`) });
    },
    async close() {
      await browser.close();
      await emulator.close();
      await install?.dispose();
    },
  };
}

/**
 * `page.setViewport`, also in Firefox 140: puppeteer 24.43 sends `emulation.setScreenOrientationOverride` along
 * with `browsingContext.setViewport`, and Firefox 140 does not know that command (153 does). The viewport itself is
 * set by the other command, so that one refusal is ignored once the page has the size.
 */
async function setViewport(page: Page, size: { width: number; height: number }): Promise<void> {
  try {
    await page.setViewport(size);
  } catch (error) {
    if (
      !(
        error instanceof ProtocolError &&
        /unknown command emulation\.setScreenOrientationOverride/.test(error.message)
      )
    )
      throw error;
    // The other command may still be in flight: wait for the resize it causes.
    await page.evaluate(
      ({ width, height }) =>
        new Promise<void>((resolve) => {
          const sized = () => innerWidth === width && innerHeight === height;
          if (sized()) return resolve();
          addEventListener('resize', function onResize() {
            if (!sized()) return;
            removeEventListener('resize', onResize);
            resolve();
          });
        }),
      size,
    );
  }
}

/** ARIA selector for puppeteer: an element by role and exact accessible name. */
export function byRole(role: string, name?: string): string {
  const quote = (text: string) => JSON.stringify(text);
  return `::-p-aria(${name === undefined ? '' : `[name=${quote(name)}]`}[role=${quote(role)}])`;
}

/** The same inside an open shadow root: Firefox's accessibility locator does not look into shadow trees. */
export function byRoleInShadow(hostSelector: string, role: string, name?: string): string {
  return `${hostSelector} >>> ${byRole(role, name)}`;
}

/** Waits for an element by role and name, inside `scope` when given. */
export function findByRole(scope: Page | ElementHandle, role: string, name?: string): Promise<ElementHandle> {
  return waitForElement(scope, byRole(role, name));
}

/** Waits for the innermost element whose text contains `text`. */
export function findByText(scope: Page | ElementHandle, text: string): Promise<ElementHandle> {
  return waitForElement(scope, `::-p-text(${JSON.stringify(text)})`);
}

/**
 * Waits for an element, querying afresh every 100 ms from here. Puppeteer's own waitForSelector polls inside
 * the page and, on extension pages, sometimes never saw an element that a fresh query found at once (Firefox
 * reports no realm events for extension documents, which puppeteer's in-page wait tasks rely on).
 */
export async function waitForElement(
  scope: Page | ElementHandle,
  selector: string,
  timeoutMs = ELEMENT_TIMEOUT_MS,
): Promise<ElementHandle> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const found = await scope.$(selector);
      if (found) return found as ElementHandle;
    } catch (error) {
      // A query can fail while the document is being replaced; try again.
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`No element matched ${selector} within ${timeoutMs} ms`, { cause: lastError });
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Navigates a tab to an extension page. Firefox's BiDi sends no load (or realm) events for documents in the
 * extension process (bug 1755014), so `page.goto` never settles on its own: watch the document instead, and
 * fail at once if the navigation itself is refused.
 */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  let refused: unknown;
  page.goto(url, { timeout: NAVIGATION_TIMEOUT_MS }).catch((error: unknown) => {
    if (!(error instanceof TimeoutError)) refused = error;
  });
  const deadline = Date.now() + NAVIGATION_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (refused) throw refused;
    const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (state === `${url} complete`) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not load within ${NAVIGATION_TIMEOUT_MS} ms`);
}

interface BuiltManifest {
  action: { default_popup: string };
  options_ui: { page: string };
  host_permissions: string[];
  content_scripts: { matches: string[] }[];
  browser_specific_settings: { gecko: { id: string } };
}

/** The part of the WebExtension API the harness calls inside extension pages. */
interface WithBrowser {
  browser: {
    permissions: {
      contains(permissions: { origins: string[] }): Promise<boolean>;
      request(permissions: { origins: string[] }): Promise<boolean>;
    };
  };
}

/**
 * The emulator on port 443 of a random loopback address (127.0.0.0/8 is all loopback on Linux), so two runs on
 * one machine, or another server on 127.0.0.1:443, do not collide. Binding 443 needs root or
 * CAP_NET_BIND_SERVICE (or `sysctl net.ipv4.ip_unprivileged_port_start=443`).
 */
async function startEmulatorOn443(
  options: Omit<EmulatorOptions, 'port' | 'host'>,
): Promise<{ emulator: Emulator; address: string }> {
  for (let attempt = 0; ; attempt++) {
    const address = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    try {
      return { emulator: await startEmulator({ ...options, host: address, port: 443 }), address };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EACCES') {
        throw new Error(
          'The Firefox tests need the emulator on port 443 (Firefox cannot remap ports): run as root, or allow it ' +
            'with `sudo sysctl net.ipv4.ip_unprivileged_port_start=443`.',
          { cause: error },
        );
      }
      if (code !== 'EADDRINUSE' || attempt >= 5) throw error;
    }
  }
}

/**
 * Firefox prints console messages to stdout (devtools.console.stdout.content). Its own modules log through
 * prefixed consoles ("console.error: RSLoader: ..."); pages, content scripts and extension pages print the
 * message itself ("console.error: \"...\"" or "console.error: (new Error(...))").
 */
function collectConsoleErrors(browser: Browser): string[] {
  const errors: string[] = [];
  let pending = '';
  browser.process()?.stdout?.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (/^console\.error: /.test(line) && !/^console\.error: [\w.-]+: /.test(line)) errors.push(line);
      if (/^JavaScript error: moz-extension:/.test(line)) errors.push(line);
    }
  });
  return errors;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
