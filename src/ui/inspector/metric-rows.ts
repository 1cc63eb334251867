import {
  formatMetric,
  formatMs,
  formatPercent,
  formatRate,
  type EdgeFrame,
  type KindMetricInfo,
  type NodeFrame,
} from '../../store/index.ts';

/** One line of the live figures: `data-testid="metric-<name>"` on its value. */
export interface MetricRow {
  name: string;
  label: string;
  value: string;
}

const NONE = '—';

function windowValue(w: Record<string, number> | null, key: string): number | null {
  const v = w?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function ms(v: number | null): string {
  return v === null ? NONE : formatMs(v);
}

/** A declared counter in its unit (the app's one formatter for it). */
export function metricText(n: number, unit: KindMetricInfo['unit']): string {
  return formatMetric(n, unit);
}

const gauge = (n: number) => formatMetric(n, 'count');

/** "timeout 12 · error 3", largest first; "none" without failures. */
export function failuresText(failed: Readonly<Record<string, number>>): string {
  const parts = Object.entries(failed)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([cause, n]) => `${cause} ${n}`);
  return parts.length ? parts.join(' · ') : 'none';
}

/**
 * A node's live figures as text (never colour alone): the last closed 1 s window for rates,
 * shares and percentiles; the current instant for gauges; run totals for failure causes.
 */
export function nodeMetricRows(
  frame: NodeFrame | undefined,
  declared: readonly KindMetricInfo[] = [],
): MetricRow[] {
  const w = frame?.window ?? null;
  const completed = windowValue(w, 'completed');
  const ok = windowValue(w, 'ok');
  const answered = completed !== null && completed > 0;
  const utilization = windowValue(w, 'utilization');
  const rows: MetricRow[] = [
    {
      name: 'throughput',
      label: 'Throughput',
      value: completed === null ? NONE : formatRate(completed),
    },
    {
      name: 'success',
      label: 'Success',
      value: answered && ok !== null ? formatPercent(ok / completed) : NONE,
    },
    { name: 'failures', label: 'Failures (run)', value: frame ? failuresText(frame.failed) : NONE },
    { name: 'p50', label: 'p50', value: answered ? ms(windowValue(w, 'p50Ms')) : NONE },
    { name: 'p95', label: 'p95', value: answered ? ms(windowValue(w, 'p95Ms')) : NONE },
    { name: 'p99', label: 'p99', value: answered ? ms(windowValue(w, 'p99Ms')) : NONE },
    // Gauges as counts, rounded like the node's badges (a token bucket's use is fractional).
    { name: 'in-flight', label: 'In flight', value: frame ? gauge(frame.inFlight) : NONE },
    { name: 'queue', label: 'Queue depth', value: frame ? gauge(frame.queueDepth) : NONE },
    {
      name: 'busy',
      label: 'Busy / capacity',
      value: frame ? `${gauge(frame.busy)} / ${gauge(frame.capacity)}` : NONE,
    },
    {
      name: 'utilization',
      label: 'Utilisation',
      value: utilization === null ? NONE : formatPercent(utilization),
    },
  ];
  if (frame && frame.faults.length) {
    rows.push({ name: 'faults', label: 'Faults now', value: frame.faults.join(', ') });
  }
  // The kind's own counters, in the words and units its definition declares.
  const values = frame?.metrics ?? {};
  const seen = new Set<string>();
  for (const m of declared) {
    seen.add(m.name);
    const n = values[m.name];
    rows.push({
      name: `custom-${m.name}`,
      label: m.label,
      value: frame ? metricText(n ?? 0, m.unit) : NONE,
    });
  }
  for (const [key, n] of Object.entries(values)) {
    if (!seen.has(key))
      rows.push({ name: `custom-${key}`, label: key, value: metricText(n, 'count') });
  }
  return rows;
}

/** An edge's live figures: calls in the last window and the share that failed. */
export function edgeMetricRows(frame: EdgeFrame | undefined): MetricRow[] {
  const calls = frame?.windowCalls ?? null;
  const failedShare =
    frame && frame.windowCalls > 0 ? frame.windowFailed / frame.windowCalls : null;
  const rows: MetricRow[] = [
    { name: 'calls', label: 'Calls', value: calls === null ? NONE : formatRate(calls) },
    {
      name: 'failed-share',
      label: 'Failed',
      value: failedShare === null ? NONE : formatPercent(failedShare),
    },
    { name: 'total-calls', label: 'Calls (run)', value: frame ? String(frame.calls) : NONE },
    { name: 'total-failed', label: 'Failed (run)', value: frame ? String(frame.failed) : NONE },
  ];
  if (frame && frame.faults.length) {
    rows.push({ name: 'faults', label: 'Faults now', value: frame.faults.join(', ') });
  }
  return rows;
}
