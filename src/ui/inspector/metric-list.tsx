import type { MetricRow } from './metric-rows.ts';

/** Live figures as a definition list; each value carries `data-testid="metric-<name>"`. */
export function MetricList({ rows, label }: { rows: readonly MetricRow[]; label: string }) {
  return (
    <dl className="insp-metrics" aria-label={label}>
      {rows.map((r) => (
        <div className="insp-metrics__row" key={r.name}>
          <dt>{r.label}</dt>
          <dd data-testid={`metric-${r.name}`}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
