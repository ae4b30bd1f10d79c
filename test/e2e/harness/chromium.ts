import { existsSync } from 'node:fs';

/** Where to find a Chromium that honours --load-extension (branded Google Chrome ignores it). */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  throw new Error(
    'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or point CHROME_PATH at ' +
      'Chromium or Chrome for Testing (branded Google Chrome ignores --load-extension).',
  );
}

/** Flags every extension run needs on this machine: no network chatter to Google, no sandbox as root. */
export const QUIET_CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];
