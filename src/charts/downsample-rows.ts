import type { ChartRow } from './chart-rows.ts';

/** The most points a chart draws; more rows are merged in runs of adjacent windows. */
export const MAX_PLOTTED_POINTS = 150;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function meanOrNull(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length > 0 ? mean(xs) : null;
}

function maxOrNull(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length > 0 ? Math.max(...xs) : null;
}

function mergeRun(run: readonly ChartRow[]): ChartRow {
  const last = run[run.length - 1] as ChartRow;
  const causes = new Set(run.flatMap((r) => Object.keys(r.failedByCause)));
  const failedByCause: Record<string, number> = {};
  for (const c of causes) failedByCause[c] = mean(run.map((r) => r.failedByCause[c] ?? 0));
  const fields = new Set(run.flatMap((r) => Object.keys(r.kindMetrics)));
  const kindMetrics: Record<string, number> = {};
  for (const f of fields) kindMetrics[f] = run.reduce((a, r) => a + (r.kindMetrics[f] ?? 0), 0);
  return {
    tSec: last.tSec,
    // Rates per second average over equal windows; tails keep the worst window, as the
    // engine's own down-sampling does.
    throughputOk: mean(run.map((r) => r.throughputOk)),
    failedByCause,
    errorRate: mean(run.map((r) => r.errorRate)),
    p50Ms: meanOrNull(run.map((r) => r.p50Ms)),
    p95Ms: maxOrNull(run.map((r) => r.p95Ms)),
    p99Ms: maxOrNull(run.map((r) => r.p99Ms)),
    inFlight: last.inFlight,
    queueDepth: Math.max(...run.map((r) => r.queueDepth)),
    kindMetrics,
  };
}

/**
 * At most `maxPoints` rows for drawing: runs of `ceil(n / maxPoints)` adjacent windows merge
 * into one point. Recharts' cost grows with the points it draws; 300 one-second windows on a
 * chart a few hundred pixels wide cost twice as much as 150 and show nothing more. Runs are
 * anchored at the newest row, so the latest point is always a whole run and does not jitter
 * as new windows arrive. The input is returned as is when it is small enough.
 */
export function downsampleRows(
  rows: readonly ChartRow[],
  maxPoints: number = MAX_PLOTTED_POINTS,
): readonly ChartRow[] {
  if (rows.length <= maxPoints) return rows;
  const size = Math.ceil(rows.length / maxPoints);
  const out: ChartRow[] = [];
  for (let end = rows.length; end > 0; end -= size) {
    out.push(mergeRun(rows.slice(Math.max(0, end - size), end)));
  }
  return out.reverse();
}
