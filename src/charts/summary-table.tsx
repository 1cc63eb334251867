import { useMemo } from 'react';
import { kindInfo, useApp, useTelemetry } from '../store/index.ts';
import {
  SUMMARY_COLUMNS,
  clientRows,
  counterRows,
  nodeRows,
  stuckRows,
  summaryCaption,
  type CounterRow,
  type SummaryRow,
} from './summary-rows.ts';
import './charts.css';

const COLUMN_COUNT = SUMMARY_COLUMNS.length + 1;

function Section({ title, rows }: { title: string; rows: readonly SummaryRow[] }) {
  if (rows.length === 0) return null;
  return (
    <tbody>
      <tr className="summary-table__section">
        <th scope="rowgroup" colSpan={COLUMN_COUNT}>
          {title}
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={row.id} data-testid={`summary-row-${row.id}`}>
          <th scope="row" title={row.name === row.id ? undefined : row.id}>
            {row.name}
          </th>
          {row.cells.map((cell, i) => (
            <td key={SUMMARY_COLUMNS[i]}>{cell}</td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/** Rows of one text each: the counters, or what is stuck at the end. */
function TextRows({
  title,
  rows,
  testId,
}: {
  title: string;
  rows: readonly CounterRow[];
  testId: string;
}) {
  if (rows.length === 0) return null;
  return (
    <tbody>
      <tr className="summary-table__section">
        <th scope="rowgroup" colSpan={COLUMN_COUNT}>
          {title}
        </th>
      </tr>
      {rows.map((row) => (
        <tr key={row.id} data-testid={`${testId}-${row.id}`}>
          <th scope="row" title={row.name === row.id ? undefined : row.id}>
            {row.name}
          </th>
          <td colSpan={COLUMN_COUNT - 1} className="summary-table__counters">
            {row.text}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * The finished run's figures, the same as the CLI prints: per client, per node, then the
 * counters and what is stuck at the end. Shown once the run is done; before that, a note.
 */
export function SummaryTable() {
  const summary = useTelemetry((s) => s.summary);
  const nodes = useApp((s) => s.scenario.nodes);
  const labels = useMemo(() => {
    const map: Record<string, string> = {};
    for (const n of nodes) map[n.id] = n.label || n.id;
    return map;
  }, [nodes]);
  const metricsOf = useMemo(() => {
    const kinds = new Map(nodes.map((n) => [n.id, n.kind]));
    return (id: string) => kindInfo(kinds.get(id) ?? '')?.metrics ?? [];
  }, [nodes]);

  if (!summary) {
    return (
      <p className="summary-table__note" data-testid="summary-pending">
        Run to the end to see the summary
      </p>
    );
  }
  return (
    <div className="summary-table__scroll">
      <table className="summary-table" data-testid="summary-table">
        <caption>{summaryCaption(summary)}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {SUMMARY_COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <Section title="Clients" rows={clientRows(summary, labels)} />
        <Section title="Nodes" rows={nodeRows(summary, labels)} />
        <TextRows
          title="Counters"
          testId="summary-counters"
          rows={counterRows(summary, labels, metricsOf)}
        />
        <TextRows title="Stuck" testId="summary-stuck" rows={stuckRows(summary, labels)} />
      </table>
    </div>
  );
}
