import type { Measurement } from './bench-measure.ts';
import { fixed, formatTable, type Column } from './text-table.ts';

/** DESIGN.md §7: the engine must stay within a small factor of the bare heap. */
export const TARGETS = { chainEventsPerSec: 1_500_000, ratioToBare: 0.4 } as const;

export interface BenchRow {
  name: string;
  description: string;
  /** Simulated duration of engine benchmarks, ms. */
  durationMs?: number;
  measurement: Measurement;
}

export interface BenchVerdict {
  chainEventsPerSec: number;
  /** The like-for-like bare kernel (same events, same heap size as the engine). */
  bareEventsPerSec: number;
  ratioToBare: number;
  eventsPerSecOk: boolean;
  ratioOk: boolean;
  pass: boolean;
}

export interface BenchReport {
  node: string;
  gcExposed: boolean;
  quick: boolean;
  warmups: number;
  rows: BenchRow[];
  verdict: BenchVerdict;
}

export function judge(chain: Measurement, bare: Measurement): BenchVerdict {
  const ratio = chain.eventsPerSec / bare.eventsPerSec;
  const eventsPerSecOk = chain.eventsPerSec >= TARGETS.chainEventsPerSec;
  const ratioOk = ratio >= TARGETS.ratioToBare;
  return {
    chainEventsPerSec: chain.eventsPerSec,
    bareEventsPerSec: bare.eventsPerSec,
    ratioToBare: ratio,
    eventsPerSecOk,
    ratioOk,
    pass: eventsPerSecOk && ratioOk,
  };
}

const millions = (x: number) => `${fixed(x / 1e6, 2)} M`;
const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

export function formatBenchReport(report: BenchReport): string {
  const columns: Column[] = [
    { header: 'benchmark' },
    { header: 'runs', align: 'right' },
    { header: 'wall ms', align: 'right' },
    { header: 'events', align: 'right' },
    { header: 'events/s', align: 'right' },
    { header: 'req/wall s', align: 'right' },
    { header: 'peak heap MB', align: 'right' },
  ];
  const rows = report.rows.map(({ name, measurement: m }) => [
    name,
    String(m.runs),
    fixed(m.wallMs, 0),
    String(m.events),
    millions(m.eventsPerSec),
    m.requests > 0 ? fixed(m.requestsPerWallSec, 0) : '-',
    fixed(m.peakHeapMb, 1),
  ]);
  const v = report.verdict;
  const gc = report.gcExposed ? 'gc between runs' : 'no gc access';
  return [
    `Faultline bench (Node ${report.node}, medians, ${report.warmups} warm-up run(s), ${gc})`,
    '',
    ...formatTable(columns, rows),
    '',
    ...report.rows.map((r) => `${r.name}: ${r.description}`),
    '',
    `chain-5 events/s: ${millions(v.chainEventsPerSec)} (target ≥ ${millions(TARGETS.chainEventsPerSec)}) ${mark(v.eventsPerSecOk)}`,
    `chain-5 / bare kernel: ${fixed(v.ratioToBare * 100, 0)}% (target ≥ ${TARGETS.ratioToBare * 100}%) ${mark(v.ratioOk)}`,
    `Verdict: ${mark(v.pass)}${report.quick ? ' (quick run: a smoke test, not a measurement)' : ''}`,
    '',
  ].join('\n');
}
