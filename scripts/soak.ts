/**
 * `npm run test:soak -- --runs 5`: runs the end-to-end suites again and again with one core kept busy by a
 * bounded CPU hog, the way a loaded CI machine or laptop runs them, and reports each test that failed in any run.
 * A flaky test is a race, in the product or in the test: docs/testing.md says how to read the report.
 *
 *   --runs N           how many runs (default 5)
 *   --projects a,b     vitest projects (default e2e,firefox)
 *   --no-hog           run without the CPU hog
 *   --no-build         use the build in dist/ as it is
 *   -- <filters>       anything after a lone `--` is passed to vitest (test files, -t "name")
 *
 * Writes test-results/soak/run-N.json (vitest's JSON reporter) and test-results/soak/summary.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startCpuHog } from './soak/cpu-hog.ts';
import { formatSummary, type RunResult, readRun, summarise } from './soak/results.ts';

const argv = process.argv.slice(2);
const dashDash = argv.indexOf('--');
const own = dashDash >= 0 ? argv.slice(0, dashDash) : argv;
const passThrough = dashDash >= 0 ? argv.slice(dashDash + 1) : [];
const value = (name: string) => {
  const at = own.indexOf(`--${name}`);
  return at >= 0 ? own[at + 1] : undefined;
};
const runs = Number(value('runs') ?? 5);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) {
  console.error('--runs takes a whole number from 1 to 50');
  process.exit(2);
}
const projects = (value('projects') ?? 'e2e,firefox').split(',').filter(Boolean);
const hog = !own.includes('--no-hog');
const outDir = resolve('test-results/soak');
mkdirSync(outDir, { recursive: true });

if (!own.includes('--no-build')) execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });

// Bounded: the hog ends by itself after the longest the soak could reasonably take, even if this process dies.
const stopHog = hog ? startCpuHog({ maxSeconds: runs * 20 * 60 }) : () => undefined;
const results: RunResult[] = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const file = resolve(outDir, `run-${run}.json`);
    const started = Date.now();
    const projectArgs = projects.flatMap((p) => ['--project', p]);
    console.log(`\nsoak run ${run}/${runs}${hog ? ' (one core busy)' : ''}: ${projects.join(', ')}`);
    spawnSync(
      'npx',
      [
        'vitest',
        'run',
        ...projectArgs,
        '--reporter=dot',
        '--reporter=json',
        `--outputFile.json=${file}`,
        ...passThrough,
      ],
      { stdio: 'inherit' },
    );
    results.push(readRun(file, run, Date.now() - started));
  }
} finally {
  stopHog();
}
const summary = summarise(results, { hog, projects });
writeFileSync(resolve(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.log(`\n${formatSummary(summary)}`);
process.exit(summary.failedTests.length > 0 || summary.incompleteRuns > 0 ? 1 : 0);
