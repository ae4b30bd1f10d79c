/**
 * `npm start`: builds the extension, starts the local AWS emulator with a demo organisation, and opens Chromium
 * with the extension loaded and every AWS host mapped to the emulator. The settings page opens with the demo
 * portal filled in: click "Add and sign in", approve on the device page, and use the product.
 * Two more portals, in other regions, link their sign-ins to the other verification pages AWS uses today
 * (docs/aws-protocol.md §5): the instance portal app (`#/device?user_code=…`) and signin.aws.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../test/e2e/harness/chromium.ts';
import { VANITY_HOSTS } from '../test/emulator/company-hosts.ts';
import { chromiumHostFlags, startEmulator } from '../test/emulator/index.ts';

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm start opens a browser window, but no display was found. Run it in a desktop session, or `xvfb-run npm start`.',
  );
  process.exit(1);
}

let executablePath: string;
try {
  executablePath = findChromium();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

console.log('Building the extension…');
execFileSync('npm', ['run', 'build:chrome', '--silent'], { stdio: 'inherit' });

const emulator = await startEmulator({ organization: 'demo' });
const otherPortals = await Promise.all([
  startEmulator({
    organization: { seed: 2, accounts: 6 },
    region: 'eu-west-1',
    startUrl: 'https://ssoins-6804c0ffee654321.eu-west-1.portal.amazonaws.com',
    verification: 'portal',
    portalLogin: true,
  }),
  startEmulator({
    organization: { seed: 3, accounts: 6 },
    region: 'ap-southeast-2',
    startUrl: 'https://demo-signin.awsapps.com/start',
    verification: 'signin',
  }),
  // An instance moved to the dual-stack endpoints (docs/aws-protocol.md §1): its start URL is on app.aws, so the
  // extension signs in through oidc.eu-central-1.api.aws and approves on the instance's own portal page.
  startEmulator({
    organization: 'demo',
    region: 'eu-central-1',
    startUrl: 'https://ssoins-69871c0ffee2b2b2.portal.eu-central-1.app.aws',
  }),
]);
const dist = resolve('dist/chrome');
const profile = await mkdtemp(join(tmpdir(), 'sso-switcher-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    ...chromiumHostFlags(emulator, otherPortals),
    ...QUIET_CHROMIUM_FLAGS,
  ],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const query = new URLSearchParams({
  startUrl: emulator.startUrl,
  region: emulator.region,
  name: 'Demo organisation',
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`chrome-extension://${extensionId}/src/options/index.html?${query}`);

console.log(`
AWS SSO Switcher is running against the local AWS emulator (${emulator.baseUrl}).
  Demo portal start URL: ${emulator.startUrl}
  The same portal behind a company vanity address: https://${VANITY_HOSTS.redirectsToPortal}
  Identity Center region: ${emulator.region}
  Accounts in the demo organisation: ${emulator.organization.accounts.length}
  More portals, each linking its sign-in to another AWS verification page (the last one dual-stack):
${otherPortals.map((e) => `    ${e.startUrl} (${e.region})`).join('\n')}

The settings page is open with the demo portal filled in: click "Add and sign in", then "Approve" on the
device page. Pin the extension's toolbar button to use the popup. Press Ctrl+C here to stop.`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => undefined);
  await Promise.all([emulator, ...otherPortals].map((e) => e.close()));
  await rm(profile, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
context.on('close', stop);
