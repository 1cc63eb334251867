import type { ChartRow } from './chart-rows.ts';
import type { FaultBand } from './fault-bands.ts';
import { formatCount, formatMs, formatPercent, formatRate, formatSeconds } from './format.ts';

/**
 * Sentences for the visually-hidden text beside each chart, so the latest state is readable
 * without colour (or sight). Each starts with the time of the latest window.
 */

const NO_DATA = 'No data yet.';

function at(row: ChartRow): string {
  return `At ${formatSeconds(row.tSec)}:`;
}

export function throughputSummary(row: ChartRow | undefined): string {
  if (!row) return NO_DATA;
  const causes = Object.keys(row.failedByCause)
    .filter((c) => (row.failedByCause[c] ?? 0) > 0)
    .map((c) => `${c} ${formatRate(row.failedByCause[c] ?? 0)}`);
  const failed = Object.values(row.failedByCause).reduce((a, b) => a + b, 0);
  const detail = causes.length ? ` (${causes.join(', ')})` : '';
  return `${at(row)} ${formatRate(row.throughputOk)} succeeded, ${formatRate(failed)} failed${detail}.`;
}

export function latencySummary(row: ChartRow | undefined): string {
  if (!row) return NO_DATA;
  if (row.p50Ms === null) return `${at(row)} no responses in this window.`;
  return `${at(row)} p50 ${formatMs(row.p50Ms)}, p95 ${formatMs(row.p95Ms ?? 0)}, p99 ${formatMs(row.p99Ms ?? 0)}.`;
}

export function errorRateSummary(row: ChartRow | undefined): string {
  if (!row) return NO_DATA;
  return `${at(row)} error rate ${formatPercent(row.errorRate)}.`;
}

export function queueSummary(row: ChartRow | undefined): string {
  if (!row) return NO_DATA;
  return `${at(row)} queue depth ${formatCount(row.queueDepth)}, in flight ${formatCount(row.inFlight)}.`;
}

/** 'Fault windows: crash on api from 10 s to 40 s.' — empty when there are none. */
export function bandsSummary(bands: readonly FaultBand[]): string {
  if (bands.length === 0) return '';
  const parts = bands.map(
    (b) => `${b.label} on ${b.target} from ${formatSeconds(b.x1)} to ${formatSeconds(b.x2)}`,
  );
  return `Fault windows: ${parts.join('; ')}.`;
}
