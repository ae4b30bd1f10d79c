/**
 * `npm run bench`: the built extension (dist/chrome) in headless Chromium against the local AWS emulator.
 * Prints a table and writes bench/results.json. Not part of `npm test`: numbers, not assertions.
 *
 *   --check        exit 1 when a budget is missed (or a scenario could not run)
 *   --quick        one run per figure, for development
 *   --runs=N       runs per figure (default 5)
 *   --only=a,b     only these scenarios (first-render, search, sync-speedup, sync-throttle,
 *                  click-to-console, footprint)
 *   --markdown     also print the table as Markdown (for docs/performance.md)
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import type { Figure } from './figures.ts';
import { failures, markdownTable, textTable } from './report.ts';
import type { Scenario } from './scenario.ts';
import { clickToConsole } from './scenarios/click-to-console.ts';
import { firstRender } from './scenarios/first-render.ts';
import { footprint } from './scenarios/footprint.ts';
import { searchLatency } from './scenarios/search.ts';
import { syncSpeedup } from './scenarios/sync-speedup.ts';
import { syncThrottle } from './scenarios/sync-throttle.ts';
import { type Summary, summarise } from './stats.ts';
import { snapshotDist } from './support/dist.ts';
import { describeMachine, gitRevision } from './support/machine.ts';
import { waitForQuietCpu } from './support/quiet.ts';

const SCENARIOS: readonly Scenario[] = [
  firstRender,
  searchLatency,
  syncSpeedup,
  syncThrottle,
  clickToConsole,
  footprint,
];

function option(name: string): string | undefined {
  const arg = process.argv.slice(2).find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return arg === undefined ? undefined : (arg.split('=')[1] ?? '');
}

async function main(): Promise<number> {
  const check = option('check') !== undefined;
  const runs = option('quick') !== undefined ? 1 : Number(option('runs') ?? 5);
  const only = option('only')?.split(',').filter(Boolean);
  const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0 || !(runs >= 1)) {
    console.error(
      `Unknown scenario ${unknown.join(', ')} or bad --runs. Scenarios: ${SCENARIOS.map((s) => s.name)}`,
    );
    return 2;
  }
  const selected = SCENARIOS.filter((s) => !only || only.includes(s.name));
  const machineBefore = describeMachine();
  const revision = gitRevision();
  const dist = await snapshotDist();
  const started = Date.now();
  const log = (message: string) =>
    console.log(`  [${((Date.now() - started) / 1000).toFixed(0)} s] ${message}`);
  console.log(
    `bench: ${runs} run(s) per figure · build ${dist.fingerprint} · ${machineBefore.cpus} CPUs, load ${machineBefore.loadAverage.toFixed(2)}`,
  );

  const figures: Figure[] = [];
  const errors: { scenario: string; error: string }[] = [];
  const scenarios: {
    name: string;
    seconds: number;
    loadBefore: number;
    loadAfter: number;
    /** Fraction of the CPUs busy in the second before each measured run started (after waiting for calm). */
    cpuBusyAtRunStart: Summary;
    secondsWaitedForCalm: number;
  }[] = [];
  try {
    for (const scenario of selected) {
      const loadBefore = loadavg()[0] ?? 0;
      const scenarioStart = Date.now();
      const busy: number[] = [];
      let waitedMs = 0;
      const settle = async () => {
        const waitStart = Date.now();
        const fraction = await waitForQuietCpu();
        waitedMs += Date.now() - waitStart;
        if (fraction !== null) busy.push(Math.round(fraction * 100) / 100);
      };
      log(`${scenario.name}… (load ${loadBefore.toFixed(2)})`);
      try {
        figures.push(...(await scenario.run({ runs, dist: dist.dir, log, settle })));
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        errors.push({ scenario: scenario.name, error: message });
        console.error(`  ${scenario.name} failed: ${message}`);
      }
      const seconds = Math.round((Date.now() - scenarioStart) / 1000);
      scenarios.push({
        name: scenario.name,
        seconds,
        loadBefore,
        loadAfter: loadavg()[0] ?? 0,
        cpuBusyAtRunStart: summarise(busy),
        secondsWaitedForCalm: Math.round(waitedMs / 1000),
      });
    }
  } finally {
    dist.remove();
  }

  const machine = { ...describeMachine(), loadAverageAtStart: machineBefore.loadAverage };
  console.log(`\n${textTable(figures)}\n`);
  if (option('markdown') !== undefined) console.log(`${markdownTable(figures)}\n`);
  const missed = failures(figures);
  const results = {
    date: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    revision,
    build: { fingerprint: dist.fingerprint, builtAt: dist.builtAt },
    runsPerFigure: runs,
    machine,
    scenarios,
    figures,
    errors,
    budgetsMissed: missed.map((f) => f.id),
  };
  const out = resolve('bench/results.json');
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(
    `Wrote ${out}. Load average ${machineBefore.loadAverage.toFixed(2)} → ${machine.loadAverage.toFixed(2)}.`,
  );
  if (missed.length > 0)
    console.log(`Budgets missed: ${missed.map((f) => `${f.group} / ${f.label.trim()}`).join('; ')}`);
  if (errors.length > 0)
    console.log(`Scenarios that could not run: ${errors.map((e) => e.scenario).join(', ')}`);
  return check && (missed.length > 0 || errors.length > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
