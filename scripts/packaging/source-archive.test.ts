import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHECKSUMS_FILE,
  checkSourceArchive,
  checksums,
  cleanCommit,
  INSTRUCTIONS_FILE,
  sourceBuildInstructions,
  unpack,
  writeSourceArchive,
} from './source-archive.ts';

let repo: string;
const write = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'source-archive-'));
  git('init', '-q');
  write('.gitignore', 'node_modules/\ndist/\n.cache/\n');
  write('package.json', '{"version":"1.2.3"}\n');
  write('package-lock.json', '{}\n');
  write('manifest.json', '{"version":"1.2.3"}\n');
  write('src/a.ts', 'export const a = 1;\n');
  write('node_modules/dep/index.js', 'module.exports = 1;\n');
  write('dist/firefox/a.js', 'built\n');
  write('.cache/firefox-esr-140/firefox', 'binary\n');
  git('add', '.');
  git('commit', '-qm', 'first');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

const archive = () =>
  writeSourceArchive({
    cwd: repo,
    out: join(repo, 'dist/source.zip'),
    commit: cleanCommit(repo),
    instructions: '# how to build\nnpm ci: then build\n',
    checksums: checksums(join(repo, 'dist/firefox')),
  });

describe('the source archive', () => {
  it('holds the committed files, the instructions and the checksums at its root, and nothing ignored', () => {
    const entries = archive();
    const names = entries.map((e) => e.name).sort();
    expect(names).toEqual([
      '.gitignore',
      INSTRUCTIONS_FILE,
      CHECKSUMS_FILE,
      'manifest.json',
      'package-lock.json',
      'package.json',
      'src/a.ts',
    ]);
    const text = (name: string) => entries.find((e) => e.name === name)?.data.toString('utf8');
    expect(text(INSTRUCTIONS_FILE)).toBe('# how to build\nnpm ci: then build\n');
    expect(text(CHECKSUMS_FILE)).toBe(`${createHash('sha256').update('built\n').digest('hex')}  a.js\n`);
    expect(text('src/a.ts')).toBe('export const a = 1;\n');
  });

  it('unpacks to a folder where sha256sum -c checks the build', () => {
    const entries = archive();
    const out = mkdtempSync(join(tmpdir(), 'source-unpacked-'));
    try {
      unpack(entries, out);
      expect(readFileSync(join(out, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
      // What `npm run build:firefox` would write there.
      mkdirSync(join(out, 'dist/firefox'), { recursive: true });
      writeFileSync(join(out, 'dist/firefox/a.js'), 'built\n');
      const checked = execFileSync('sha256sum', ['-c', `../../${CHECKSUMS_FILE}`], {
        cwd: join(out, 'dist/firefox'),
        encoding: 'utf8',
      });
      expect(checked).toBe('a.js: OK\n');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('is refused while the tree has uncommitted changes or untracked files', () => {
    write('src/a.ts', 'export const a = 2;\n');
    expect(() => cleanCommit(repo)).toThrow(/Commit \(or remove\) these first[\s\S]*src\/a\.ts/);
    git('checkout', '--', 'src/a.ts');
    write('src/new.ts', 'export {};\n');
    expect(() => cleanCommit(repo)).toThrow(/src\/new\.ts/);
    rmSync(join(repo, 'src/new.ts'));
    expect(cleanCommit(repo)).toBe(git('rev-parse', 'HEAD'));
  });

  it('fails its own check when something a rebuild needs is missing, or build output or dependencies got in', () => {
    const entry = (name: string) => ({ name, data: Buffer.from('') });
    const complete = [
      INSTRUCTIONS_FILE,
      CHECKSUMS_FILE,
      'package.json',
      'package-lock.json',
      'manifest.json',
      'src/a.ts',
    ].map(entry);
    expect(() => checkSourceArchive(complete)).not.toThrow();
    expect(() => checkSourceArchive(complete.filter((e) => e.name !== 'package-lock.json'))).toThrow(
      /lacks package-lock\.json/,
    );
    expect(() => checkSourceArchive([...complete, entry('node_modules/x/index.js')])).toThrow(/not source/);
    expect(() => checkSourceArchive([...complete, entry('dist/firefox/manifest.json')])).toThrow(
      /not source/,
    );
  });
});

describe('SOURCE-BUILD.md', () => {
  it('names the versions, the commands, the output folder and the checksum step', () => {
    const text = sourceBuildInstructions({
      version: '1.2.3',
      commit: 'abc123',
      node: 'v20.20.2',
      npm: '11.19.1',
      platform: 'linux x64',
      firefoxZip: 'aws-sso-switcher-1.2.3-firefox.zip',
    });
    expect(text).toContain('commit abc123');
    expect(text).toContain('Node.js v20.20.2 and npm 11.19.1, on linux x64');
    expect(text).toMatch(/^npm ci\b/m);
    expect(text).toMatch(/^npm run build:firefox\b/m);
    expect(text).toContain(`(cd dist/firefox && sha256sum -c ../../${CHECKSUMS_FILE})`);
    expect(text).toContain('`aws-sso-switcher-1.2.3-firefox.zip`');
  });
});
