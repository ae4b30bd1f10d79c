import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type FirefoxBinary, findFirefoxes } from './binaries.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A private copy of dist/firefox, taken once per run so a rebuild meanwhile cannot change it under a test. */
    firefoxDist: string;
    /** Every Firefox the suite runs on, newest first (binaries.ts). */
    firefoxes: FirefoxBinary[];
  }
}

/**
 * Which Firefoxes to run on (binaries.ts: the system's and Debian's previous ESR, fetched once into .cache/).
 * The Firefox tests load the built extension exactly as a user would. `npm test` builds before running them;
 * alone on a fresh checkout, build once here. Then copy the build, because `vite build` empties dist/firefox
 * first and another build may run while Firefox is reading it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(resolve('dist/firefox/manifest.json'))) {
    execFileSync('npm', ['run', 'build:firefox'], { stdio: 'inherit' });
  }
  const copy = await mkdtemp(join(tmpdir(), 'sso-switcher-firefox-dist-'));
  await cp(resolve('dist/firefox'), copy, { recursive: true });
  project.provide('firefoxDist', copy);
  const firefoxes = findFirefoxes((line) => console.warn(line));
  console.log(`Firefox end-to-end tests on ${firefoxes.map((f) => `Firefox ${f.version}`).join(' and ')}`);
  project.provide('firefoxes', firefoxes);
  return () => rm(copy, { recursive: true, force: true });
}
