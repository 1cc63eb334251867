// Report lines of measurement (d), the first load: figures, spread and PASS/FAIL lines.
import { median } from '../src/cli/bench-measure.ts';
import { fixed, formatTable, type Column } from '../src/cli/text-table.ts';
import type { FirstLoadResult } from './first-load.ts';

export const FIRST_LOAD_TARGETS = {
  /** Navigation start → canvas drawn, median of fresh pages. */
  maxFirstCanvasMs: 1000,
} as const;

export interface FirstLoadVerdicts {
  /** Initial JS within the size-limit budget. */
  initialJs: boolean | undefined;
  firstCanvas: boolean | undefined;
}

export function judgeFirstLoad(r: FirstLoadResult): FirstLoadVerdicts {
  const canvas = median(r.firstCanvasMs);
  return {
    initialJs: r.initialJs ? r.initialJs.gzipBytes <= r.initialJs.limitBytes : undefined,
    firstCanvas: Number.isFinite(canvas)
      ? canvas <= FIRST_LOAD_TARGETS.maxFirstCanvasMs
      : undefined,
  };
}

const kB = (bytes: number) => `${fixed(bytes / 1000, 1)} kB`;
const mark = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');

/** The (d) section: a table of the timings and the initial JS size. */
export function firstLoadSection(r: FirstLoadResult): string[] {
  const columns: Column[] = [
    { header: 'from navigation start to', align: 'left' },
    { header: 'runs', align: 'right' },
    { header: 'median ms', align: 'right' },
    { header: 'min–max ms', align: 'right' },
  ];
  const row = (name: string, ms: readonly number[]) => [
    name,
    String(ms.length),
    fixed(median(ms), 0),
    ms.length ? `${fixed(Math.min(...ms), 0)}–${fixed(Math.max(...ms), 0)}` : '-',
  ];
  const js = r.initialJs;
  return [
    '(d) First load: fresh pages (no cache, no saved work), the default scenario',
    `Initial JS (entry + preloaded chunks, gzip, size-limit): ${js ? kB(js.gzipBytes) : '-'}` +
      ` (budget ${js ? kB(js.limitBytes) : '-'})`,
    ...formatTable(columns, [
      row('first contentful paint', r.firstPaintMs),
      row('canvas drawn (first node visible)', r.firstCanvasMs),
    ]),
  ];
}

/** The (d) PASS/FAIL lines at the end of the report. */
export function firstLoadVerdictLines(r: FirstLoadResult): string[] {
  const v = judgeFirstLoad(r);
  const js = r.initialJs;
  return [
    `(d) initial JS: ${js ? kB(js.gzipBytes) : '-'} gzip (budget ≤ ${js ? kB(js.limitBytes) : '-'}) ${mark(v.initialJs)}`,
    `(d) canvas drawn ${fixed(median(r.firstCanvasMs), 0)} ms after navigation (target ≤ ${FIRST_LOAD_TARGETS.maxFirstCanvasMs} ms) ${mark(v.firstCanvas)}`,
  ];
}
