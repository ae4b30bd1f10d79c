/**
 * `npm run package` (after `npm run build`, which the npm script does): in dist/, the store-ready zips of both
 * builds and the source archive AMO asks for, whose SOURCE-BUILD.md says how to rebuild dist/firefox from it.
 * Run on a committed tree: the source archive is the commit.
 *
 * `npm run package -- --verify` then proves it: unpacks the source archive into a temporary folder, runs
 * `npm ci` and `npm run build:firefox` there, and compares every file with dist/firefox (needs the npm registry).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checksums,
  cleanCommit,
  sourceBuildInstructions,
  unpack,
  writeSourceArchive,
} from './packaging/source-archive.ts';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { version: string };
if (manifest.version !== version) {
  throw new Error(
    `manifest.json says version ${manifest.version}, package.json ${version}: make them agree.`,
  );
}
const commit = cleanCommit(process.cwd());

for (const target of ['chrome', 'firefox'] as const) {
  const produced = execFileSync(
    'npx',
    [
      'web-ext',
      'build',
      '--source-dir',
      `dist/${target}`,
      '--artifacts-dir',
      'dist',
      '--overwrite-dest',
      '--filename',
      `aws-sso-switcher-${target}.zip`,
    ],
    { encoding: 'utf8' },
  );
  if (!/Your web extension is ready/.test(produced))
    throw new Error(`web-ext build failed for ${target}:\n${produced}`);
  const file = `dist/aws-sso-switcher-${version}-${target}.zip`;
  renameSync(`dist/aws-sso-switcher-${target}.zip`, file);
  console.log(`wrote ${file}`);
}

const sourceZip = `dist/aws-sso-switcher-${version}-source.zip`;
const builtSums = checksums(resolve('dist/firefox'));
const entries = writeSourceArchive({
  cwd: process.cwd(),
  out: sourceZip,
  commit,
  checksums: builtSums,
  instructions: sourceBuildInstructions({
    version,
    commit,
    node: process.version,
    npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim(),
    platform: `${process.platform} ${process.arch}`,
    firefoxZip: `aws-sso-switcher-${version}-firefox.zip`,
  }),
});
console.log(
  `wrote ${sourceZip} (${entries.length} files of commit ${commit.slice(0, 12)}, with SOURCE-BUILD.md)`,
);

if (process.argv.includes('--verify')) {
  const dir = mkdtempSync(join(tmpdir(), 'aws-sso-switcher-source-'));
  try {
    unpack(entries, dir);
    console.log(`rebuilding from ${sourceZip} in ${dir}`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
    execFileSync('npm', ['run', 'build:firefox'], { cwd: dir, stdio: 'inherit' });
    const rebuilt = checksums(join(dir, 'dist/firefox'));
    if (rebuilt !== builtSums) {
      throw new Error(
        `The rebuild differs from dist/firefox:\n--- dist/firefox\n${builtSums}--- rebuilt\n${rebuilt}`,
      );
    }
    console.log(
      `the source archive rebuilds dist/firefox byte for byte (${builtSums.split('\n').length - 1} files)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
