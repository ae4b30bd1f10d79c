import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The import rules of biome.json refuse what they should: the zones (docs/architecture.md's "may import" column)
 * and import cycles. Each case is a small file written into a scratch copy of the config and linted by the
 * project's own Biome, so a rule that a config edit loosened fails here, not silently.
 */
const CASES: readonly (readonly [file: string, specifier: string, refused: boolean])[] = [
  ['src/popup/probe.ts', '../options/portal-row', true],
  ['src/popup/probe.ts', '../background/index', true],
  ['src/options/probe.ts', '../popup/first-paint/remember-first-paint', true],
  ['src/options/probe.ts', '../content/console/tag', true],
  ['src/ui/probe.ts', '../popup/popup-app', true],
  ['src/ui/probe.ts', '../options/options-app', true],
  ['src/ui/probe.ts', '../background/index', true],
  ['src/offscreen/probe.ts', '../ui/actions', true],
  ['src/offscreen/probe.ts', '../popup/popup-app', true],
  ['src/offscreen/probe.ts', '../options/options-app', true],
  ['src/offscreen/probe.ts', '../background/index', true],
  ['src/content/probe.ts', '../ui/actions', true],
  ['src/background/probe.ts', '../popup/popup-app', true],
  ['src/shared/probe.ts', '../ui/actions', true],
  // What each zone allows.
  ['src/popup/probe.ts', '../ui/actions', false],
  ['src/popup/probe.ts', './directory/rows', false],
  ['src/options/probe.ts', '../ui/first-paint-key', false],
  ['src/ui/probe.ts', '../shared/messages/contract', false],
  ['src/offscreen/probe.ts', '../shared/browser', false],
];

/** Two modules that import each other, as src/background/auth/session.ts and console/role-credentials.ts did. */
const CYCLE = {
  'src/background/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = () => b;\n",
  'src/background/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = () => a;\n",
  'src/background/no-cycle.ts': "import { a } from './cycle-a';\nexport const c = a;\n",
};

let scratch: string;
/** `rule file` for each diagnostic, e.g. `style/noRestrictedImports src/popup/probe-0.ts`. */
let reported: Set<string>;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'import-zones-'));
  cpSync('biome.json', join(scratch, 'biome.json'));
  cpSync('lint', join(scratch, 'lint'), { recursive: true });
  CASES.forEach(([file, specifier], index) => {
    const path = join(scratch, file.replace('probe', `probe-${index}`));
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `import { x } from '${specifier}';\nexport const y = x;\n`);
  });
  for (const [file, text] of Object.entries(CYCLE)) writeFileSync(join(scratch, file), text);
  let output: string;
  try {
    output = execFileSync(resolve('node_modules/.bin/biome'), ['lint', '--reporter=github', 'src'], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // Biome exits 1 when it reports errors, which is what most cases expect.
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  reported = new Set(
    [...output.matchAll(/^::error title=lint\/([^,]+),file=([^,]+),/gm)].map(
      (m) => `${m[1]} ${String(m[2]).slice(scratch.length + 1)}`,
    ),
  );
}, 30_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('import rules (biome.json)', () => {
  it.each(CASES.map(([file, specifier, refused], index) => ({ file, specifier, refused, index })))(
    '$file importing $specifier: refused $refused',
    ({ file, refused, index }) => {
      expect(reported.has(`style/noRestrictedImports ${file.replace('probe', `probe-${index}`)}`)).toBe(
        refused,
      );
    },
  );

  it('refuses an import cycle, and only the modules in it', () => {
    const cycles = [...reported].filter((line) => line.startsWith('suspicious/noImportCycles'));
    expect(cycles.sort()).toEqual([
      'suspicious/noImportCycles src/background/cycle-a.ts',
      'suspicious/noImportCycles src/background/cycle-b.ts',
    ]);
  });
});
