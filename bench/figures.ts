import type { Summary } from './stats.ts';

/**
 * A budget from the issues (#5 directory, #11 bench). `max`: the figure must not exceed the limit; `min`: it
 * must reach it. Speed figures are judged on their median, counts that must be zero on their worst run.
 */
export interface Budget {
  readonly limit: number;
  readonly direction: 'max' | 'min';
  readonly judge: 'median' | 'worst';
}

export interface Figure {
  /** Stable key in results.json. */
  readonly id: string;
  /** Which scenario produced it (the table groups by it). */
  readonly group: string;
  readonly label: string;
  readonly unit: string;
  readonly summary: Summary;
  readonly budget?: Budget;
  /** One short line for the table: how it was measured or what it means. */
  readonly note?: string;
  /** Anything else worth keeping, results.json only. */
  readonly extra?: Record<string, unknown>;
}

export type Verdict = 'pass' | 'fail' | 'info';

export function verdict(figure: Figure): Verdict {
  const { budget, summary } = figure;
  if (!budget) return 'info';
  if (summary.runs === 0) return 'fail';
  const value =
    budget.judge === 'median' ? summary.median : budget.direction === 'max' ? summary.max : summary.min;
  if (Number.isNaN(value)) return 'fail';
  return budget.direction === 'max'
    ? value <= budget.limit
      ? 'pass'
      : 'fail'
    : value >= budget.limit
      ? 'pass'
      : 'fail';
}

export function budgetText(budget: Budget | undefined, unit: string): string {
  if (!budget) return '';
  const sign = budget.direction === 'max' ? '≤' : '≥';
  const worst = budget.judge === 'worst' ? ' every run' : '';
  const shown = unit === '×' || unit === '' ? unit : ` ${unit}`;
  return `${sign} ${budget.limit}${shown}${worst}`;
}

export const max = (limit: number, judge: Budget['judge'] = 'median'): Budget => ({
  limit,
  direction: 'max',
  judge,
});
export const min = (limit: number, judge: Budget['judge'] = 'median'): Budget => ({
  limit,
  direction: 'min',
  judge,
});
