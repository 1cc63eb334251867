import {
  formatCauses,
  formatMs,
  formatPercent,
  formatRate,
  summaryStuck,
  type ClientSummary,
  type NodeSummary,
  type SimSummary,
} from '../engine/index.ts';
import { fixed, formatTable, type Column } from './text-table.ts';

/** What the plain-text report shows besides the summary itself. */
export interface ReportContext {
  title: string;
  /** Where the scenario came from (a file path). */
  source: string;
  /** Node id → kind, for the node table. */
  kinds?: Readonly<Record<string, string>>;
  /** Wall-clock time of the run; omitted from the header when undefined. */
  wallMs?: number;
}

// Figures read as they do in the app (node badges, inspector, charts, summary): the
// engine's one set of formatters. Counts stay exact; `--json` has the raw numbers.

const sum = (failed: Readonly<Record<string, number>>) =>
  Object.values(failed).reduce((a, b) => a + b, 0);

const LATENCY_COLUMNS: Column[] = ['mean', 'p50', 'p95', 'p99'].map((header) => ({
  header,
  align: 'right',
}));

function latencyCells(s: ClientSummary | NodeSummary): string[] {
  const l = s.latencyMs;
  return [formatMs(l.mean), formatMs(l.p50), formatMs(l.p95), formatMs(l.p99)];
}

function header(summary: SimSummary, context: ReportContext): string {
  const parts = [
    `seed ${summary.seed}`,
    `${summary.durationMs} ms simulated`,
    `${summary.events} events`,
  ];
  if (context.wallMs !== undefined) parts.push(`${fixed(context.wallMs / 1000, 3)} s wall`);
  const title = context.title || context.source;
  const source = context.title ? ` (${context.source})` : '';
  return `${title}${source}: ${parts.join(', ')}`;
}

function clientTable(summary: SimSummary, seconds: number): string[] {
  const columns: Column[] = [
    { header: 'client' },
    { header: 'sent', align: 'right' },
    { header: 'ok', align: 'right' },
    { header: 'failed', align: 'right' },
    { header: 'in flight', align: 'right' },
    ...LATENCY_COLUMNS,
    { header: 'ok rate', align: 'right' },
    { header: 'failures by cause' },
  ];
  const rows = Object.entries(summary.clients).map(([id, c]) => [
    id,
    String(c.sent),
    String(c.succeeded),
    String(sum(c.failed)),
    String(c.inFlight),
    ...latencyCells(c),
    formatRate(c.succeeded / seconds),
    formatCauses(c.failed),
  ]);
  return formatTable(columns, rows);
}

function nodeTable(summary: SimSummary, seconds: number, kinds: ReportContext['kinds']): string[] {
  const columns: Column[] = [
    { header: 'node' },
    { header: 'kind' },
    { header: 'arrivals', align: 'right' },
    { header: 'ok', align: 'right' },
    { header: 'failed', align: 'right' },
    ...LATENCY_COLUMNS,
    { header: 'ok rate', align: 'right' },
    { header: 'util', align: 'right' },
    { header: 'max queue', align: 'right' },
    { header: 'failures by cause' },
  ];
  const rows = Object.entries(summary.nodes).map(([id, n]) => [
    id,
    kinds?.[id] ?? '',
    String(n.arrivals),
    String(n.completed),
    String(sum(n.failed)),
    ...latencyCells(n),
    formatRate(n.completed / seconds),
    formatPercent(n.utilization),
    String(n.maxQueueDepth),
    formatCauses(n.failed),
  ]);
  return formatTable(columns, rows);
}

/** Kind-declared counters and late responses, one line per client or node that has any. */
function counterLines(entries: Record<string, ClientSummary | NodeSummary>): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...Object.keys(entries).map((id) => id.length));
  for (const [id, n] of Object.entries(entries)) {
    const metrics = 'metrics' in n ? (n.metrics ?? {}) : {};
    const counters = Object.entries(metrics).map(
      // Time counters add up float ms: 3 decimals are plenty and keep lines short.
      ([name, value]) => `${name}=${Math.round(value * 1000) / 1000}`,
    );
    if (n.lateResponses) counters.push(`late-responses=${n.lateResponses}`);
    if (counters.length) lines.push(`${id.padEnd(width)}  ${counters.join(' ')}`);
  }
  return lines;
}

/** Why a client or node waits for ever (the app's diagnosis, in the same words), if any. */
function stuckLines(summary: SimSummary): string[] {
  const said = summaryStuck(summary);
  const width = Math.max(0, ...said.map(({ id }) => id.length));
  return said.map(({ id, text }) => `${id.padEnd(width)}  ${text}`);
}

function conservationLines(summary: SimSummary): string[] {
  const c = summary.conservation;
  if (c.ok) return ['Conservation: ok'];
  return ['Conservation: VIOLATED', ...c.violations.map((v) => `  ${v}`)];
}

/** The CLI's human-readable report (the `--json` output is the summary itself). */
export function formatSummary(summary: SimSummary, context: ReportContext): string {
  // Throughput is over the simulated run, not the wall clock.
  const seconds = summary.durationMs / 1000;
  const lines = [header(summary, context), ''];
  lines.push('Clients', ...clientTable(summary, seconds), '');
  lines.push('Nodes', ...nodeTable(summary, seconds, context.kinds), '');
  const clientCounters = counterLines(summary.clients);
  if (clientCounters.length) lines.push('Client counters', ...clientCounters, '');
  const counters = counterLines(summary.nodes);
  if (counters.length) lines.push('Node counters', ...counters, '');
  const stuck = stuckLines(summary);
  if (stuck.length) lines.push('Stuck', ...stuck, '');
  lines.push(...conservationLines(summary));
  return `${lines.join('\n')}\n`;
}
