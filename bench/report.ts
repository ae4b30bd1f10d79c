import { budgetText, type Figure, verdict } from './figures.ts';

/** Rounds for reading: whole ms above 100, one decimal below; ratios two decimals. */
export function formatValue(value: number, unit: string): string {
  if (Number.isNaN(value)) return '—';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === 's') return `${value.toFixed(2)} s`;
  if (unit === 'ms') return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms`;
  if (unit === 'kB' || unit === 'MB') return `${value.toFixed(1)} ${unit}`;
  if (unit === '') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

interface Row {
  figure: string;
  median: string;
  min: string;
  max: string;
  runs: string;
  budget: string;
  verdict: string;
}

function rows(figures: readonly Figure[]): (Row | string)[] {
  const out: (Row | string)[] = [];
  let group = '';
  for (const f of figures) {
    if (f.group !== group) {
      group = f.group;
      out.push(group);
    }
    const v = verdict(f);
    out.push({
      figure: f.label,
      median: formatValue(f.summary.median, f.unit),
      min: formatValue(f.summary.min, f.unit),
      max: formatValue(f.summary.max, f.unit),
      runs: String(f.summary.runs),
      budget: budgetText(f.budget, f.unit),
      verdict: v === 'info' ? '' : v.toUpperCase(),
    });
  }
  return out;
}

const HEADERS: Row = {
  figure: 'figure',
  median: 'median',
  min: 'min',
  max: 'max',
  runs: 'runs',
  budget: 'budget',
  verdict: '',
};
const COLUMNS = Object.keys(HEADERS) as (keyof Row)[];

/** The console table: one section per scenario, budgets and verdicts on the right. */
export function textTable(figures: readonly Figure[]): string {
  const all = rows(figures);
  const width = (c: keyof Row) =>
    Math.max(HEADERS[c].length, ...all.map((r) => (typeof r === 'string' ? 0 : r[c].length)));
  const widths = Object.fromEntries(COLUMNS.map((c) => [c, width(c)])) as Record<keyof Row, number>;
  const line = (r: Row) =>
    COLUMNS.map((c) => (c === 'figure' ? r[c].padEnd(widths[c]) : r[c].padStart(widths[c]))).join('  ');
  const total = COLUMNS.reduce((n, c) => n + widths[c] + 2, -2);
  const out = [line(HEADERS), '─'.repeat(total)];
  for (const r of all) out.push(typeof r === 'string' ? `\n${r}` : line(r));
  return out.join('\n');
}

/** The same table in Markdown, for docs/performance.md. */
export function markdownTable(figures: readonly Figure[]): string {
  const out = ['| figure | median | min | max | runs | budget | |', '|---|--:|--:|--:|--:|---|---|'];
  for (const r of rows(figures)) {
    if (typeof r === 'string') out.push(`| **${r}** | | | | | | |`);
    else
      out.push(
        `| ${r.figure.replace(/^ +/, '… ')} | ${r.median} | ${r.min} | ${r.max} | ${r.runs} | ${r.budget} | ${r.verdict} |`,
      );
  }
  return out.join('\n');
}

export function failures(figures: readonly Figure[]): Figure[] {
  return figures.filter((f) => verdict(f) === 'fail');
}
