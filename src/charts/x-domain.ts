import type { ChartRow } from './chart-rows.ts';
import type { ChartRange } from './chart-scope.ts';

/** The 'recent' tier holds the last 300 one-second windows ("Last 5 min"). */
export const RECENT_SPAN_SEC = 300;

/**
 * Shared x-axis domain, seconds of virtual time. 'recent' trails the latest window over
 * `spanSec`; 'whole' shows the planned run from 0 (and any data past it), so fault bands
 * still ahead are visible too.
 */
export function xDomain(
  rows: readonly ChartRow[],
  range: ChartRange,
  runDurationMs: number,
  spanSec: number = RECENT_SPAN_SEC,
): [number, number] {
  const lastSec = rows.at(-1)?.tSec ?? 0;
  if (range === 'whole') return [0, Math.max(lastSec, runDurationMs / 1000, 1)];
  const start = Math.max(0, lastSec - spanSec);
  return [start, Math.max(lastSec, start + 1)];
}
