import {
  formatMetric,
  summaryStuck,
  type ClientSummary,
  type KindMetricInfo,
  type NodeSummary,
  type SimSummary,
} from '../store/index.ts';
import { formatCauses, formatMs, formatPercent, formatRate, formatSeconds } from './format.ts';

export interface SummaryRow {
  id: string;
  name: string;
  /** Display text, one per `SUMMARY_COLUMNS` entry. */
  cells: string[];
}

/** Column headers after the name column; clients and nodes share them ('–' where n/a). */
export const SUMMARY_COLUMNS = [
  'Sent / arrivals',
  'OK',
  'Failed',
  'Failures by cause',
  'In flight',
  'Mean',
  'p50',
  'p95',
  'p99',
  'OK/s',
  'Utilisation',
  'Max queue',
] as const;

const NA = '–';

/** Exact counts, as the CLI prints them (failures by cause too): a summary is read for its figures. */
const count = (n: number) => String(n);

const total = (failed: Readonly<Record<string, number>>) =>
  Object.values(failed).reduce((a, b) => a + b, 0);

function latencyCells(s: ClientSummary | NodeSummary): string[] {
  const l = s.latencyMs;
  return [formatMs(l.mean), formatMs(l.p50), formatMs(l.p95), formatMs(l.p99)];
}

/** Client rows: the same figures as the CLI's client table (throughput over simulated time). */
export function clientRows(
  summary: SimSummary,
  labels: Readonly<Record<string, string>>,
): SummaryRow[] {
  const seconds = summary.durationMs / 1000;
  return Object.entries(summary.clients).map(([id, c]) => ({
    id,
    name: labels[id] ?? id,
    cells: [
      count(c.sent),
      count(c.succeeded),
      count(total(c.failed)),
      formatCauses(c.failed),
      count(c.inFlight),
      ...latencyCells(c),
      seconds > 0 ? formatRate(c.succeeded / seconds) : NA,
      NA,
      NA,
    ],
  }));
}

/** Node rows: the same figures as the CLI's node table. */
export function nodeRows(
  summary: SimSummary,
  labels: Readonly<Record<string, string>>,
): SummaryRow[] {
  const seconds = summary.durationMs / 1000;
  return Object.entries(summary.nodes).map(([id, n]) => ({
    id,
    name: labels[id] ?? id,
    cells: [
      count(n.arrivals),
      count(n.completed),
      count(total(n.failed)),
      formatCauses(n.failed),
      NA,
      ...latencyCells(n),
      seconds > 0 ? formatRate(n.completed / seconds) : NA,
      formatPercent(n.utilization),
      count(n.maxQueueDepth),
    ],
  }));
}

/** One client's or node's counters, as one line of text. */
export interface CounterRow {
  id: string;
  name: string;
  text: string;
}

/**
 * The counters the CLI lists under "Client counters" and "Node counters": late responses and
 * each kind's declared counters, in the words and units its definition gives (`metricsOf`).
 * Only clients and nodes that have any.
 */
export function counterRows(
  summary: SimSummary,
  labels: Readonly<Record<string, string>>,
  metricsOf: (id: string) => readonly KindMetricInfo[],
): CounterRow[] {
  const entries: [string, ClientSummary | NodeSummary][] = [
    ...Object.entries(summary.clients),
    ...Object.entries(summary.nodes),
  ];
  return entries.flatMap(([id, s]) => {
    const declared = metricsOf(id);
    const metrics = 'metrics' in s ? (s.metrics ?? {}) : {};
    const parts = Object.entries(metrics).map(([name, value]) => {
      const info = declared.find((m) => m.name === name);
      return `${info?.label ?? name} ${formatMetric(value, info?.unit ?? 'count')}`;
    });
    if (s.lateResponses) parts.push(`Late responses ${count(s.lateResponses)}`);
    return parts.length ? [{ id, name: labels[id] ?? id, text: parts.join(' · ') }] : [];
  });
}

/** Clients and nodes still stuck at the end, in the engine's sentence (as the CLI's report). */
export function stuckRows(
  summary: SimSummary,
  labels: Readonly<Record<string, string>>,
): CounterRow[] {
  return summaryStuck(summary).map(({ id, text }) => ({ id, name: labels[id] ?? id, text }));
}

/** 'Run summary: seed 42, 1:00 simulated, 12345 events, conservation ok.' (exact, as the CLI) */
export function summaryCaption(summary: SimSummary): string {
  const conservation = summary.conservation.ok ? 'conservation ok' : 'conservation VIOLATED';
  return `Run summary: seed ${summary.seed}, ${formatSeconds(summary.durationMs / 1000)} simulated, ${count(summary.events)} events, ${conservation}.`;
}
