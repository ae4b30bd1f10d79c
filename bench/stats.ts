/** Small statistics for bench figures: every figure is a median of runs, shown with its min and max. */

export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** How many runs the figure summarises. */
  readonly runs: number;
  /** Every run's value, in run order. */
  readonly samples: readonly number[];
}

export function summarise(samples: readonly number[]): Summary {
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, runs: 0, samples };
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    median,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    runs: samples.length,
    samples,
  };
}

/** Nearest-rank percentile (p in 0..1): a value that was really observed, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] as number;
}

/** One value per run for each named series: `series.add('fresh', 812)`. */
export class Series {
  private readonly values = new Map<string, number[]>();

  add(name: string, value: number): void {
    const list = this.values.get(name) ?? [];
    list.push(value);
    this.values.set(name, list);
  }

  get(name: string): number[] {
    return this.values.get(name) ?? [];
  }

  summary(name: string): Summary {
    return summarise(this.get(name));
  }
}
