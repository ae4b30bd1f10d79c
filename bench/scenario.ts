import type { Figure } from './figures.ts';

export interface BenchContext {
  /** Measured runs per figure (5 by default, 1 with --quick). */
  readonly runs: number;
  /** The snapshot of dist/chrome this bench loads, so a concurrent rebuild cannot change it mid-run. */
  readonly dist: string;
  log(message: string): void;
  /** Call before each measured run: waits (a while at most) until other work on the machine has calmed down. */
  settle(): Promise<void>;
}

export interface Scenario {
  readonly name: string;
  run(context: BenchContext): Promise<Figure[]>;
}
