// Report lines of measurement (e), the end of a run: the table and the PASS/FAIL line.
import { median } from '../src/cli/bench-measure.ts';
import { fixed, formatTable, type Column } from '../src/cli/text-table.ts';
import type { RunEndResult } from './run-end.ts';

export const RUN_END_TARGETS = {
  /** No main-thread task at the end of a run longer than this (median of fresh pages). */
  maxLongestTaskMs: 100,
} as const;

/** The reported figure: "longest main-thread task at run end", median over the runs. */
export function longestTaskAtRunEnd(r: RunEndResult): number {
  return median(r.runs.map((x) => x.longestTaskMs));
}

export function judgeRunEnd(r: RunEndResult): boolean | undefined {
  const longest = longestTaskAtRunEnd(r);
  return Number.isFinite(longest) ? longest <= RUN_END_TARGETS.maxLongestTaskMs : undefined;
}

const mark = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');
const spread = (xs: readonly number[]) =>
  xs.length ? `${fixed(Math.min(...xs), 0)}–${fixed(Math.max(...xs), 0)}` : '-';

/** The (e) section: per-figure medians and spreads over the fresh pages. */
export function runEndSection(r: RunEndResult): string[] {
  const columns: Column[] = [
    { header: 'at the end of the run', align: 'left' },
    { header: 'runs', align: 'right' },
    { header: 'median', align: 'right' },
    { header: 'min–max', align: 'right' },
  ];
  const row = (name: string, pick: (x: RunEndResult['runs'][number]) => number) => {
    const xs = r.runs.map(pick);
    return [name, String(xs.length), fixed(median(xs), 0), spread(xs)];
  };
  return [
    `(e) Run end: ${r.scenario}, Run to end on a fresh page, 1 s after ready`,
    ...formatTable(columns, [
      row('longest main-thread task, ms', (x) => x.longestTaskMs),
      row('long tasks (> 50 ms)', (x) => x.longTasks),
      row('time in long tasks, ms', (x) => x.longTaskTotalMs),
      row('Done → every chart drawn, ms', (x) => x.chartsDrawnMs),
      row('Run to end, click → Done, ms', (x) => x.runMs),
    ]),
  ];
}

/** The (e) PASS/FAIL line at the end of the report. */
export function runEndVerdictLine(r: RunEndResult): string {
  return `(e) longest main-thread task at run end: ${fixed(longestTaskAtRunEnd(r), 0)} ms median (target ≤ ${RUN_END_TARGETS.maxLongestTaskMs} ms) ${mark(judgeRunEnd(r))}`;
}
