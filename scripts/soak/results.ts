import { existsSync, readFileSync } from 'node:fs';

/** One test's outcome in one run, from vitest's JSON reporter. */
interface TestOutcome {
  readonly name: string;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly message?: string;
}

export interface RunResult {
  readonly run: number;
  readonly seconds: number;
  /** False when vitest wrote no report (it crashed, or a file failed to load). */
  readonly complete: boolean;
  readonly tests: readonly TestOutcome[];
}

interface VitestJson {
  testResults?: {
    name: string;
    status?: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

const SKIPPED = new Set(['skipped', 'pending', 'todo', 'disabled']);

export function readRun(file: string, run: number, ms: number): RunResult {
  const seconds = Math.round(ms / 1000);
  if (!existsSync(file)) return { run, seconds, complete: false, tests: [] };
  const json = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  const tests: TestOutcome[] = [];
  for (const file of json.testResults ?? []) {
    const where = file.name.replace(`${process.cwd()}/`, '');
    // A file that failed before any test ran (a hook, an import) counts as one failed "test".
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') {
      tests.push({ name: `${where} (file)`, status: 'failed', message: file.message });
    }
    for (const test of file.assertionResults ?? []) {
      const status = test.status === 'passed' ? 'passed' : SKIPPED.has(test.status) ? 'skipped' : 'failed';
      const message = test.failureMessages?.[0]?.split('\n')[0];
      tests.push({ name: `${where} › ${test.fullName}`, status, ...(message ? { message } : {}) });
    }
  }
  return { run, seconds, complete: true, tests };
}

export interface SoakSummary {
  readonly runs: number;
  readonly hog: boolean;
  readonly projects: readonly string[];
  readonly incompleteRuns: number;
  readonly testsPerRun: number;
  readonly secondsPerRun: readonly number[];
  readonly failedTests: readonly { name: string; failures: number; firstMessage?: string }[];
}

export function summarise(
  results: readonly RunResult[],
  { hog, projects }: { hog: boolean; projects: readonly string[] },
): SoakSummary {
  const failures = new Map<string, { failures: number; firstMessage?: string }>();
  for (const result of results) {
    for (const test of result.tests.filter((t) => t.status === 'failed')) {
      const entry = failures.get(test.name) ?? { failures: 0 };
      entry.failures += 1;
      entry.firstMessage ??= test.message;
      failures.set(test.name, entry);
    }
  }
  return {
    runs: results.length,
    hog,
    projects,
    incompleteRuns: results.filter((r) => !r.complete).length,
    testsPerRun: Math.max(0, ...results.map((r) => r.tests.filter((t) => t.status !== 'skipped').length)),
    secondsPerRun: results.map((r) => r.seconds),
    failedTests: [...failures].map(([name, f]) => ({ name, ...f })).sort((a, b) => b.failures - a.failures),
  };
}

export function formatSummary(summary: SoakSummary): string {
  const lines = [
    `soak: ${summary.runs} run(s) of ${summary.projects.join(', ')}${summary.hog ? ', one core kept busy' : ''}; ` +
      `${summary.testsPerRun} tests a run; ${summary.secondsPerRun.map((s) => `${s} s`).join(', ')}`,
  ];
  if (summary.incompleteRuns > 0)
    lines.push(`${summary.incompleteRuns} run(s) wrote no report (vitest crashed)`);
  if (summary.failedTests.length === 0) lines.push('no test failed in any run');
  for (const test of summary.failedTests) {
    lines.push(
      `${test.failures}/${summary.runs} failed: ${test.name}${test.firstMessage ? `\n    ${test.firstMessage}` : ''}`,
    );
  }
  return lines.join('\n');
}
