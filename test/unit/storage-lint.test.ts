import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * lint/storage-access.grit, run for real: Biome with this repository's configuration, on a scratch copy holding
 * one deliberately wrong use of the storage API and uses that are allowed. `npm run lint` passing proves no
 * wrong use exists; this proves the rule would catch one.
 */
const scratch = mkdtempSync(join(tmpdir(), 'storage-lint-'));
const USE = "export const read = () => browser.storage.local.get('portals');\n";
const files: Record<string, string> = {
  'src/popup/wrong.ts': USE,
  'src/background/also-wrong.ts': 'export const tabs = () => chrome.storage.session.get(null);\n',
  'src/shared/storage/allowed.ts': USE,
  'src/popup/allowed.test.ts': USE,
  'test/e2e/allowed.ts': USE,
};

function lint(): string {
  cpSync('biome.json', join(scratch, 'biome.json'));
  cpSync('lint', join(scratch, 'lint'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  }
  const biome = resolve('node_modules/.bin/biome');
  const run = spawnSync(biome, ['lint', '--max-diagnostics=50', '--colors=off', '.'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  return `${run.stdout}${run.stderr}`;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('lint/storage-access.grit', () => {
  const output = lint();
  const flagged = [...output.matchAll(/^(\S+):\d+:\d+ plugin/gm)].map((m) => m[1]).sort();

  it('flags browser.storage and chrome.storage outside src/shared/storage, and nothing else', () => {
    expect(output).toContain('Storage is reached only through src/shared/storage');
    expect(flagged).toEqual(['src/background/also-wrong.ts', 'src/popup/wrong.ts']);
  });
});
