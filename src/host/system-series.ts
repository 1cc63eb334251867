import type { SeriesView } from '../engine/index.ts';

/** How one field of several clients' windows combines into the system's window. */
type Combine = 'sum' | 'completed-weighted' | 'max' | 'mean';

/**
 * Fields that are not plain counts. Latency centres are weighted by completions (a client
 * that finished 900 requests counts more than one that finished 9); tails take the worst
 * client, since a merged percentile cannot be recomputed from percentiles; utilization is
 * the plain mean; queue depth (a peak) takes the max. The weighted p50 is an approximation
 * of the system median, good enough for a chart line.
 * Everything else — arrivals, ok, failed, completed, `failed:<cause>`, and the in-flight
 * gauge — is additive across clients.
 */
const COMBINE: Readonly<Record<string, Combine>> = {
  meanMs: 'completed-weighted',
  p50Ms: 'completed-weighted',
  p95Ms: 'max',
  p99Ms: 'max',
  queueDepth: 'max',
  utilization: 'mean',
};
const WEIGHT_FIELD = 'completed';

function combineRule(field: string): Combine {
  return COMBINE[field] ?? 'sum';
}

/** One window of one client: its value of `field`, or undefined when it lacks either. */
function valueAt(view: SeriesView, field: string, index: number | undefined): number | undefined {
  return index === undefined ? undefined : view.fields[field]?.[index];
}

function combineWindow(
  rule: Combine,
  field: string,
  views: readonly SeriesView[],
  indices: readonly (number | undefined)[],
): number {
  let total = 0;
  let weight = 0;
  let weighted = 0;
  let count = 0;
  let max = -Infinity;
  views.forEach((view, v) => {
    const value = valueAt(view, field, indices[v]);
    if (value === undefined) return;
    const w = valueAt(view, WEIGHT_FIELD, indices[v]) ?? 0;
    total += value;
    weight += w;
    weighted += value * w;
    count++;
    if (value > max) max = value;
  });
  if (count === 0) return 0;
  switch (rule) {
    case 'sum':
      return total;
    case 'max':
      return max;
    case 'mean':
      return total / count;
    case 'completed-weighted':
      // Nobody completed anything: no weights, so fall back to the plain mean.
      return weight > 0 ? weighted / weight : total / count;
  }
}

/**
 * The system's series: the clients' series combined window by window. Clients close their
 * windows together, so their grids coincide; windows are still matched by start time so a
 * client missing a window (or a field, like a `failed:<cause>` it never saw) just adds nothing.
 */
export function combineClientSeries(views: readonly SeriesView[]): SeriesView {
  const starts = new Set<number>();
  const fieldNames = new Set<string>();
  for (const view of views) {
    for (const start of view.startMs) starts.add(start);
    for (const name of Object.keys(view.fields)) fieldNames.add(name);
  }
  const startMs = [...starts].sort((a, b) => a - b);
  const indexMaps = views.map((view) => new Map(view.startMs.map((start, i) => [start, i])));

  const durationMs: number[] = [];
  const fields: Record<string, number[]> = {};
  for (const name of fieldNames) fields[name] = [];
  for (const start of startMs) {
    const indices = indexMaps.map((m) => m.get(start));
    let duration = 0;
    views.forEach((view, v) => {
      const i = indices[v];
      if (i !== undefined) duration = Math.max(duration, view.durationMs[i] ?? 0);
    });
    durationMs.push(duration);
    for (const name of fieldNames) {
      fields[name]?.push(combineWindow(combineRule(name), name, views, indices));
    }
  }
  return { startMs, durationMs, fields };
}
