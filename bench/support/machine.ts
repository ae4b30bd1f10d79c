import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { findChromium } from '../../test/e2e/harness/chromium.ts';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memory: string;
  node: string;
  chromium: string;
  /** 1-minute load average: other work on the machine skews every figure. */
  loadAverage: number;
}

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function describeMachine(): Machine {
  let cpuModel = 'unknown';
  try {
    cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpuModel;
  } catch {
    // Not Linux: the model stays unknown.
  }
  const free = run('free', ['-h']).split('\n')[1]?.split(/\s+/)[1];
  return {
    cpus: availableParallelism(),
    cpuModel,
    memory: free ?? `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    chromium: run(findChromium(), ['--version']),
    loadAverage: loadavg()[0] ?? 0,
  };
}

export function gitRevision(): string {
  const head = run('git', ['rev-parse', '--short', 'HEAD']);
  const dirty = run('git', ['status', '--porcelain', '--untracked-files=no', 'src']) !== '';
  return dirty ? `${head} (src modified)` : head;
}
