import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, resolve } from 'node:path';

/** One Firefox the suite runs on. */
export interface FirefoxBinary {
  readonly path: string;
  /** As `firefox --version` says it, e.g. "140.12.0esr". */
  readonly version: string;
  readonly major: number;
}

/** The ESR before the current one: the oldest Firefox `strict_min_version` (140.0) lets install the extension. */
export const PREVIOUS_ESR = 140;

/**
 * The Firefoxes to test, newest first:
 * - `FIREFOX_PATHS` (paths joined by ':'): exactly these, each of which must exist (.ci/run sets it, so CI
 *   fails rather than skips when one is missing);
 * - otherwise the system's (`FIREFOX_PATH`, else /usr/bin/firefox-esr or /usr/bin/firefox) and Debian's
 *   previous ESR, fetched once into .cache/ by scripts/fetch-firefox-esr.sh. When that cannot be fetched (no
 *   Debian package lists, offline without the cache) it is skipped with the reason, and `log` says so.
 */
export function findFirefoxes(log: (line: string) => void): FirefoxBinary[] {
  const listed = process.env.FIREFOX_PATHS?.split(delimiter).filter(Boolean);
  if (listed?.length) {
    for (const path of listed)
      if (!existsSync(path)) throw new Error(`FIREFOX_PATHS names ${path}, which does not exist.`);
    return sortNewestFirst(listed.map(describeBinary));
  }
  const found = [describeBinary(systemFirefox())];
  const previous = fetchPreviousEsr();
  if ('path' in previous) found.push(describeBinary(previous.path));
  else
    log(
      `Firefox ESR ${PREVIOUS_ESR} skipped: ${previous.reason}\n` +
        `The Firefox tests run on ${found[0]?.version} only. CI fetches it (.ci/run); to fetch it yourself: ` +
        `scripts/fetch-firefox-esr.sh ${PREVIOUS_ESR}`,
    );
  const unique = new Map(found.map((f) => [realpathSync(f.path), f]));
  return sortNewestFirst([...unique.values()]);
}

function systemFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const candidate of candidates) if (candidate && existsSync(candidate)) return candidate;
  throw new Error(
    'No Firefox found. Install it (Debian: `sudo apt-get install firefox-esr`) or point FIREFOX_PATH at a ' +
      `Firefox of version ${PREVIOUS_ESR} or later.`,
  );
}

function fetchPreviousEsr(): { path: string } | { reason: string } {
  const script = resolve('scripts/fetch-firefox-esr.sh');
  const run = spawnSync(script, [String(PREVIOUS_ESR)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const path = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status === 0 && existsSync(path)) return { path };
  return { reason: (run.stderr || run.error?.message || `exit ${run.status}`).trim() };
}

function describeBinary(path: string): FirefoxBinary {
  // "Mozilla Firefox 140.12.0esr"
  const text = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  const version = /(\d+)\.[\w.]+$/.exec(text);
  if (!version?.[1]) throw new Error(`${path} --version said "${text}", not a Firefox version.`);
  return { path, version: version[0], major: Number(version[1]) };
}

function sortNewestFirst(binaries: FirefoxBinary[]): FirefoxBinary[] {
  return binaries.sort((a, b) => b.major - a.major);
}
