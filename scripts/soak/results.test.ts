import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary, readRun, summarise } from './results';

const dir = mkdtempSync(join(tmpdir(), 'soak-'));
function report(name: string, json: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(json));
  return file;
}

const file = (status: 'passed' | 'failed', failureMessages: string[] = []) => ({
  name: `${process.cwd()}/test/e2e/a.e2e.test.ts`,
  status,
  assertionResults: [
    { fullName: 'suite one', status: 'passed' },
    { fullName: 'suite two', status, failureMessages },
    { fullName: 'suite three', status: 'skipped' },
  ],
});

describe('soak results', () => {
  it('names each test that failed in any run, with how often and the first message', () => {
    const runs = [
      readRun(report('1.json', { testResults: [file('passed')] }), 1, 61_000),
      readRun(
        report('2.json', { testResults: [file('failed', ['AssertionError: boom\n  at x'])] }),
        2,
        62_000,
      ),
      readRun(report('3.json', { testResults: [file('failed', ['AssertionError: again'])] }), 3, 63_000),
    ];
    const summary = summarise(runs, { hog: true, projects: ['e2e'] });
    expect(summary).toMatchObject({
      runs: 3,
      incompleteRuns: 0,
      testsPerRun: 2,
      secondsPerRun: [61, 62, 63],
    });
    expect(summary.failedTests).toEqual([
      { name: 'test/e2e/a.e2e.test.ts › suite two', failures: 2, firstMessage: 'AssertionError: boom' },
    ]);
    expect(formatSummary(summary)).toContain('2/3 failed: test/e2e/a.e2e.test.ts › suite two');
  });

  it('counts a file that failed before its tests ran, and a run that wrote no report', () => {
    const broken = {
      name: `${process.cwd()}/test/e2e/b.e2e.test.ts`,
      status: 'failed',
      message: 'hook timed out',
    };
    const runs = [
      readRun(report('4.json', { testResults: [broken] }), 1, 1000),
      readRun(join(dir, 'missing.json'), 2, 1000),
    ];
    const summary = summarise(runs, { hog: false, projects: ['e2e'] });
    expect(summary.incompleteRuns).toBe(1);
    expect(summary.failedTests.map((t) => t.name)).toEqual(['test/e2e/b.e2e.test.ts (file)']);
    expect(formatSummary(summary)).toContain('1 run(s) wrote no report');
  });

  it('says so when nothing failed', () => {
    const runs = [readRun(report('5.json', { testResults: [file('passed')] }), 1, 1000)];
    expect(formatSummary(summarise(runs, { hog: true, projects: ['e2e', 'firefox'] }))).toContain(
      'no test failed in any run',
    );
  });
});
