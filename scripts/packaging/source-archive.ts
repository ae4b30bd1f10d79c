import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readZip, type ZipEntry } from './zip.ts';

/**
 * The source archive AMO asks for when an add-on contains minified code: the committed tree (`git archive`, so
 * only tracked files: no node_modules, dist or .cache), with build instructions and the checksums of the files
 * the build must produce at its root.
 */
export const INSTRUCTIONS_FILE = 'SOURCE-BUILD.md';
export const CHECKSUMS_FILE = 'dist-firefox.sha256';

const REQUIRED = [INSTRUCTIONS_FILE, CHECKSUMS_FILE, 'package.json', 'package-lock.json', 'manifest.json'];
const FORBIDDEN = ['node_modules/', 'dist/', '.cache/', 'test-results/'];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' });
}

/**
 * The commit to archive. Refuses a tree with changes or untracked files: the archive is the commit, so the
 * zips beside it must have been built from exactly that.
 */
export function cleanCommit(cwd: string): string {
  const changes = git(cwd, 'status', '--porcelain', '--untracked-files=normal').trim();
  if (changes) {
    throw new Error(
      `Commit (or remove) these first: the source archive holds the committed tree and must build the same ` +
        `zips.\n${changes}`,
    );
  }
  return git(cwd, 'rev-parse', 'HEAD').trim();
}

/** `sha256sum` lines for every file under `dir`, by path: what `sha256sum -c` checks in the rebuilt folder. */
export function checksums(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
  return files
    .map(
      (file) =>
        `${createHash('sha256')
          .update(readFileSync(join(dir, file)))
          .digest('hex')}  ${file}\n`,
    )
    .join('');
}

export interface BuildInfo {
  readonly version: string;
  readonly commit: string;
  /** E.g. "v20.20.2". */
  readonly node: string;
  readonly npm: string;
  /** Where it was built, e.g. "linux x64". */
  readonly platform: string;
  /** The file uploaded to AMO, e.g. aws-sso-switcher-0.1.0-firefox.zip. */
  readonly firefoxZip: string;
}

export function sourceBuildInstructions(info: BuildInfo): string {
  return `# Building AWS SSO Switcher ${info.version} for Firefox from this source

This archive is the project's git tree at commit ${info.commit}: every tracked file, nothing else (no
\`node_modules\`, no build output). The add-on uploaded to addons.mozilla.org, \`${info.firefoxZip}\`, is the
folder \`dist/firefox\` that the steps below produce, zipped.

## Requirements

- Node.js 20 and npm: this version was built with Node.js ${info.node} and npm ${info.npm}, on ${info.platform}.
- Access to registry.npmjs.org for \`npm ci\`.

## Steps

In the folder this archive was unpacked into:

\`\`\`sh
npm ci                   # the exact dependency versions of package-lock.json
npm run build:firefox    # Vite; writes dist/firefox
(cd dist/firefox && sha256sum -c ../../${CHECKSUMS_FILE})
\`\`\`

The last command checks every file of \`dist/firefox\` against \`${CHECKSUMS_FILE}\`, the checksums of the files in
the uploaded zip: each must say OK. The build is reproducible: two builds of this source, in different folders,
give byte-identical files.

## What the build does

- The extension's own code is \`src/\` (TypeScript and Preact) and \`manifest.json\`; \`vite.config.ts\` and
  \`scripts/build/\` are the whole build. Vite minifies it (its default minifier); nothing is obfuscated, and no
  code is fetched at run time.
- Third-party code comes from npm, at the versions in \`package-lock.json\`: the AWS SDK (\`@aws-sdk/client-sso\`,
  \`@aws-sdk/client-sso-oidc\`), \`preact\`, \`valibot\`, \`webextension-polyfill\`. One change is
  made to it at build time: \`scripts/build/preact-without-inner-html.ts\` replaces Preact's support for
  \`dangerouslySetInnerHTML\` (its only \`innerHTML\` assignment, which the add-on never uses) with an error.
- \`npm run build\` builds the Chrome flavour as well (\`dist/chrome\`); \`npm run package\` also writes the zips and
  this archive.
`;
}

/** Throws unless the archive has what a reviewer needs to rebuild, and nothing that is not source. */
export function checkSourceArchive(entries: readonly ZipEntry[]): void {
  const names = new Set(entries.map((e) => e.name));
  const missing = REQUIRED.filter((name) => !names.has(name));
  if (missing.length) throw new Error(`The source archive lacks ${missing.join(', ')}.`);
  const stray = [...names].filter((name) => FORBIDDEN.some((prefix) => name.startsWith(prefix)));
  if (stray.length)
    throw new Error(`The source archive holds files that are not source: ${stray.slice(0, 5).join(', ')}`);
  if (!entries.some((e) => e.name.startsWith('src/'))) throw new Error('The source archive has no src/.');
}

/** Writes the archive of `commit` with the instructions and checksums at its root, and checks what it wrote. */
export function writeSourceArchive(options: {
  cwd: string;
  out: string;
  commit: string;
  instructions: string;
  checksums: string;
}): ZipEntry[] {
  git(
    options.cwd,
    'archive',
    '--format=zip',
    `--add-virtual-file=${INSTRUCTIONS_FILE}:${options.instructions}`,
    `--add-virtual-file=${CHECKSUMS_FILE}:${options.checksums}`,
    '-o',
    options.out,
    options.commit,
  );
  const entries = readZip(readFileSync(options.out));
  checkSourceArchive(entries);
  return entries;
}

/** Unpacks entries under `dir` (for the reproducibility check). */
export function unpack(entries: readonly ZipEntry[], dir: string): void {
  for (const entry of entries) {
    const target = join(dir, entry.name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data);
  }
}
