import type { Measurement } from './bench-measure.ts';
import { fixed, formatTable, type Column } from './text-table.ts';

/** The engine must stay within a small factor of the bare heap (README.md, Benchmark). */
export const TARGETS = { chainEventsPerSec: 1_500_000, ratioToBare: 0.4 } as const;

/**
 * Cost per node, not per call: 1000 nodes keep ≥ 70 % of 10 nodes' events/s at the same event
 * rate; telemetry frames add ≤ 15 % to a retry storm's wall time.
 */
export const SCALE_TARGETS = { largeToSmall: 0.7, framesOnToOff: 1.15 } as const;

/** A paired comparison: the median and range of per-run ratios, against a target. */
export interface RatioVerdict {
  name: string;
  median: number;
  min: number;
  max: number;
  /** The ratio of each pair of runs, in run order. */
  runs: number[];
  /** `at-least`: the median must reach the target; `at-most`: it must not exceed it. */
  bound: 'at-least' | 'at-most';
  target: number;
  ok: boolean;
}

export function judgeRatio(
  name: string,
  ratios: { median: number; min: number; max: number; runs: number[] },
  bound: RatioVerdict['bound'],
  target: number,
): RatioVerdict {
  const ok = bound === 'at-least' ? ratios.median >= target : ratios.median <= target;
  return { name, ...ratios, bound, target, ok };
}

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
  /** The per-node and frame-cost comparisons. */
  ratios: RatioVerdict[];
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

export function judge(
  chain: Measurement,
  bare: Measurement,
  ratios: readonly RatioVerdict[] = [],
): BenchVerdict {
  const ratio = chain.eventsPerSec / bare.eventsPerSec;
  const eventsPerSecOk = chain.eventsPerSec >= TARGETS.chainEventsPerSec;
  const ratioOk = ratio >= TARGETS.ratioToBare;
  return {
    chainEventsPerSec: chain.eventsPerSec,
    bareEventsPerSec: bare.eventsPerSec,
    ratioToBare: ratio,
    eventsPerSecOk,
    ratioOk,
    ratios: [...ratios],
    pass: eventsPerSecOk && ratioOk && ratios.every((r) => r.ok),
  };
}

const millions = (x: number) => `${fixed(x / 1e6, 2)} M`;
const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
const percent = (x: number) => `${fixed(x * 100, 0)}%`;

/** `name: 84% (runs 79–88%) (target ≥ 70%) PASS` */
export function formatRatio(r: RatioVerdict): string {
  const sign = r.bound === 'at-least' ? '≥' : '≤';
  const range = `runs ${percent(r.min)}–${percent(r.max)}`;
  return `${r.name}: ${percent(r.median)} (${range}) (target ${sign} ${percent(r.target)}) ${mark(r.ok)}`;
}

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
    ...v.ratios.map(formatRatio),
    `Verdict: ${mark(v.pass)}${report.quick ? ' (quick run: a smoke test, not a measurement)' : ''}`,
    '',
  ].join('\n');
}
