import type { ClientSummary, NodeSummary, SimSummary } from '../engine/index.ts';
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

/** `timeout=12 refused=3`, causes in alphabetical order so reports diff cleanly; `-` if none. */
export function formatCauses(failed: Readonly<Record<string, number>>): string {
  const parts = Object.keys(failed)
    .sort()
    .filter((cause) => (failed[cause] ?? 0) > 0)
    .map((cause) => `${cause}=${failed[cause]}`);
  return parts.length ? parts.join(' ') : '-';
}

const sum = (failed: Readonly<Record<string, number>>) =>
  Object.values(failed).reduce((a, b) => a + b, 0);

const LATENCY_COLUMNS: Column[] = ['mean ms', 'p50 ms', 'p95 ms', 'p99 ms'].map((header) => ({
  header,
  align: 'right',
}));

function latencyCells(s: ClientSummary | NodeSummary): string[] {
  const l = s.latencyMs;
  return [fixed(l.mean, 2), fixed(l.p50, 2), fixed(l.p95, 2), fixed(l.p99, 2)];
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
    { header: 'ok/s', align: 'right' },
    { header: 'failures by cause' },
  ];
  const rows = Object.entries(summary.clients).map(([id, c]) => [
    id,
    String(c.sent),
    String(c.succeeded),
    String(sum(c.failed)),
    String(c.inFlight),
    ...latencyCells(c),
    fixed(c.succeeded / seconds, 1),
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
    { header: 'ok/s', align: 'right' },
    { header: 'util %', align: 'right' },
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
    fixed(n.completed / seconds, 1),
    fixed(n.utilization * 100, 1),
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
  lines.push(...conservationLines(summary));
  return `${lines.join('\n')}\n`;
}
