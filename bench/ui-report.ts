// Report of `npm run bench:ui`: medians, targets and verdicts, as a text table or JSON.
import { median } from '../src/cli/bench-measure.ts';
import { fixed, formatTable, type Column } from '../src/cli/text-table.ts';
import type { SpawnRun } from './cli-timing.ts';
import { firstLoadSection, firstLoadVerdictLines } from './first-load-report.ts';
import type { FirstLoadResult } from './first-load.ts';
import { LONG_TASK_MS, type LoafScript, type WindowMetrics } from './page-metrics.ts';
import { runEndSection, runEndVerdictLine } from './run-end-report.ts';
import type { RunEndResult } from './run-end.ts';

export const UI_TARGETS = {
  /** (a) at 100 nodes and (b) in the last 5 s. */
  minFps: 55,
  /** (a) at 300 nodes. */
  minFps300: 45,
  /** (a) at 100 nodes: no long task (a task over 50 ms). */
  maxLongTaskMs: LONG_TASK_MS,
  /**
   * (c) page run-to-end ÷ the CLI's time, compared like with like: a fresh page's first run
   * ÷ the CLI's own time for the run (each a fresh engine), and a repeat run in the same page
   * ÷ the engine in a warm Node process. Both must hold.
   */
  maxPageToCli: 1.5,
} as const;

export interface LoadResult {
  nodes: number;
  edges: number;
  speed: number;
  runs: WindowMetrics[];
  /** Scripts that spent the most time in long animation frames (all runs together). */
  topLoafScripts: LoafScript[];
  error?: string;
}

export interface SustainedResult {
  scenario: string;
  speed: number;
  wallSeconds: number;
  runs: { first: WindowMetrics; last: WindowMetrics }[];
  error?: string;
}

export interface RunToEndResult {
  scenario: string;
  events: number;
  /** First Run to end in a fresh page (a fresh worker, warmed only by its boot warm-up). */
  pageMs: number[];
  /** Run to end again in the same page after Reset (the worker's engine is warm). */
  pageRepeatMs: number[];
  /** The engine in this Node process, one run after another (the first one cold). */
  engineMs: number[];
  cli: SpawnRun[];
  error?: string;
}

export interface UiBenchReport {
  chromium: string;
  node: string;
  cpus: number;
  quick: boolean;
  runsPerMeasurement: number;
  /** rAF rate of an idle page (loaded, not playing): the ceiling of this browser setup. */
  idleFps: number;
  firstLoad: FirstLoadResult;
  load: LoadResult[];
  sustained: SustainedResult;
  runToEnd: RunToEndResult;
  /** (e) The main thread when a run finishes. */
  runEnd: RunEndResult;
  pageErrors: string[];
}

const med = <T>(items: readonly T[], pick: (x: T) => number) => median(items.map(pick));
const mark = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');

export interface UiVerdicts {
  fps300: boolean | undefined;
  fps100: boolean | undefined;
  longTasks100: boolean | undefined;
  sustainedLastFps: boolean | undefined;
  runToEnd: boolean | undefined;
}

/** The two like-for-like ratios of (c); NaN where a side was not measured. */
export function runToEndRatios(r: RunToEndResult): { fresh: number; warm: number } {
  return {
    fresh: median(r.pageMs) / median(r.cli.map((c) => c.reportedMs)),
    warm: median(r.pageRepeatMs) / median(r.engineMs),
  };
}

export function judgeUi(r: UiBenchReport): UiVerdicts {
  const at100 = r.load.find((l) => l.nodes === 100);
  const has100 = at100 !== undefined && at100.runs.length > 0;
  const at300 = r.load.find((l) => l.nodes === 300);
  const s = r.sustained.runs;
  const { fresh, warm } = runToEndRatios(r.runToEnd);
  return {
    fps300: at300?.runs.length ? med(at300.runs, (m) => m.fps) >= UI_TARGETS.minFps300 : undefined,
    fps100: has100 ? med(at100.runs, (m) => m.fps) >= UI_TARGETS.minFps : undefined,
    longTasks100: has100
      ? med(at100.runs, (m) => m.maxLongTaskMs) <= UI_TARGETS.maxLongTaskMs
      : undefined,
    sustainedLastFps: s.length ? med(s, (x) => x.last.fps) >= UI_TARGETS.minFps : undefined,
    runToEnd:
      Number.isFinite(fresh) && Number.isFinite(warm)
        ? fresh <= UI_TARGETS.maxPageToCli && warm <= UI_TARGETS.maxPageToCli
        : undefined,
  };
}

function loadTable(load: readonly LoadResult[]): string[] {
  const columns: Column[] = [
    { header: 'nodes', align: 'right' },
    { header: 'edges', align: 'right' },
    { header: 'runs', align: 'right' },
    { header: 'fps', align: 'right' },
    { header: 'fps min–max', align: 'right' },
    { header: 'long tasks', align: 'right' },
    { header: 'max long task ms', align: 'right' },
    { header: 'worst run ms', align: 'right' },
    { header: 'max frame gap ms', align: 'right' },
    { header: 'long frames', align: 'right' },
    { header: 'achieved speed', align: 'right' },
  ];
  const rows = load.map((l) => [
    String(l.nodes),
    String(l.edges),
    String(l.runs.length),
    fixed(
      med(l.runs, (m) => m.fps),
      1,
    ),
    l.runs.length
      ? `${fixed(Math.min(...l.runs.map((m) => m.fps)), 1)}–${fixed(Math.max(...l.runs.map((m) => m.fps)), 1)}`
      : '-',
    fixed(
      med(l.runs, (m) => m.longTasks),
      0,
    ),
    fixed(
      med(l.runs, (m) => m.maxLongTaskMs),
      0,
    ),
    fixed(Math.max(0, ...l.runs.map((m) => m.maxLongTaskMs)), 0),
    fixed(
      med(l.runs, (m) => m.maxFrameGapMs),
      0,
    ),
    fixed(
      med(l.runs, (m) => m.longFrames),
      0,
    ),
    `${fixed(
      med(l.runs, (m) => m.virtualSpeed),
      2,
    )}×`,
  ]);
  return formatTable(columns, rows);
}

function sustainedTable(s: SustainedResult): string[] {
  const columns: Column[] = [
    { header: 'window' },
    { header: 'fps', align: 'right' },
    { header: 'long tasks', align: 'right' },
    { header: 'max long task ms', align: 'right' },
    { header: 'max frame gap ms', align: 'right' },
    { header: 'achieved speed', align: 'right' },
  ];
  const row = (name: string, pick: (x: SustainedResult['runs'][number]) => WindowMetrics) => [
    name,
    fixed(
      med(s.runs, (x) => pick(x).fps),
      1,
    ),
    fixed(
      med(s.runs, (x) => pick(x).longTasks),
      0,
    ),
    fixed(
      med(s.runs, (x) => pick(x).maxLongTaskMs),
      0,
    ),
    fixed(
      med(s.runs, (x) => pick(x).maxFrameGapMs),
      0,
    ),
    `${fixed(
      med(s.runs, (x) => pick(x).virtualSpeed),
      2,
    )}×`,
  ];
  return formatTable(columns, [row('first 5 s', (x) => x.first), row('last 5 s', (x) => x.last)]);
}

function runToEndTable(r: RunToEndResult): string[] {
  const columns: Column[] = [
    { header: 'where' },
    { header: 'runs', align: 'right' },
    { header: 'median ms', align: 'right' },
    { header: 'all runs ms', align: 'right' },
    { header: 'compared with', align: 'right' },
  ];
  const line = (name: string, ms: readonly number[], versus: string) => [
    name,
    String(ms.length),
    fixed(median(ms), 0),
    ms.map((x) => fixed(x, 0)).join(' '),
    versus,
  ];
  const ratio = (a: readonly number[], b: readonly number[]) =>
    `page ÷ this ${fixed(median(a) / median(b), 2)}×`;
  const reported = r.cli.map((c) => c.reportedMs);
  const spawned = r.cli.map((c) => c.wallMs);
  return formatTable(columns, [
    line('page: first run, fresh page, 1 s after ready', r.pageMs, '-'),
    line('CLI: its own time for the run', reported, ratio(r.pageMs, reported)),
    line('npm run sim, spawn to exit', spawned, ratio(r.pageMs, spawned)),
    line('page: repeat run, same page', r.pageRepeatMs, '-'),
    line('engine in Node, warm process', r.engineMs, ratio(r.pageRepeatMs, r.engineMs)),
  ]);
}

export function formatUiReport(r: UiBenchReport): string {
  const v = judgeUi(r);
  const at100 = r.load.find((l) => l.nodes === 100);
  const at300 = r.load.find((l) => l.nodes === 300);
  const { fresh, warm } = runToEndRatios(r.runToEnd);
  const errors = [
    r.firstLoad.error,
    r.sustained.error,
    r.runToEnd.error,
    r.runEnd.error,
    ...r.load.map((l) => l.error),
  ].filter((e): e is string => e !== undefined);
  const loafs = r.load.flatMap((l) =>
    l.topLoafScripts.slice(0, 3).map((s) => {
      const where = `${s.invoker} @ ${s.source}`;
      return `  ${l.nodes} nodes: ${fixed(s.durationMs, 0)} ms  ${where}`;
    }),
  );
  return [
    `Faultline UI bench (Chromium ${r.chromium} headless, Node ${r.node}, ${r.cpus} CPUs, medians of ${r.runsPerMeasurement} run(s), fresh page each)`,
    `Idle page rAF rate: ${fixed(r.idleFps, 1)} fps (the ceiling for every fps figure below)`,
    '',
    ...firstLoadSection(r.firstLoad),
    '',
    `(a) Live run at ${r.load[0]?.speed ?? 10}×: 2 s warm-up, then 5 s measured (layered clients → gateways → services → databases, 1000 req/s)`,
    ...loadTable(r.load),
    '',
    `(b) Sustained: ${r.sustained.scenario} at ${r.sustained.speed}× for ${r.sustained.wallSeconds} s of wall time`,
    ...sustainedTable(r.sustained),
    '',
    `(c) Run to end: ${r.runToEnd.scenario} (${r.runToEnd.events} events)`,
    ...runToEndTable(r.runToEnd),
    '',
    ...runEndSection(r.runEnd),
    '',
    ...(loafs.length ? ['Top scripts inside long animation frames (a):', ...loafs, ''] : []),
    ...(errors.length ? ['Errors:', ...errors.map((e) => `  ${e}`), ''] : []),
    ...(r.pageErrors.length ? ['Page errors:', ...r.pageErrors.map((e) => `  ${e}`), ''] : []),
    ...firstLoadVerdictLines(r.firstLoad),
    `(a) fps at 300 nodes: ${fixed(at300 ? med(at300.runs, (m) => m.fps) : NaN, 1)} (target ≥ ${UI_TARGETS.minFps300}) ${mark(v.fps300)}`,
    `(a) fps at 100 nodes: ${fixed(at100 ? med(at100.runs, (m) => m.fps) : NaN, 1)} (target ≥ ${UI_TARGETS.minFps}) ${mark(v.fps100)}`,
    `(a) longest task at 100 nodes: ${fixed(at100 ? med(at100.runs, (m) => m.maxLongTaskMs) : NaN, 0)} ms (target: none over ${UI_TARGETS.maxLongTaskMs} ms) ${mark(v.longTasks100)}`,
    `(b) fps in the last 5 s: ${fixed(
      med(r.sustained.runs, (x) => x.last.fps),
      1,
    )} (target ≥ ${UI_TARGETS.minFps}) ${mark(v.sustainedLastFps)}`,
    `(c) fresh page ÷ the CLI's own time: ${fixed(fresh, 2)}×; repeat run ÷ warm engine: ${fixed(warm, 2)}× (target ≤ ${UI_TARGETS.maxPageToCli}× for both) ${mark(v.runToEnd)}`,
    runEndVerdictLine(r.runEnd),
    r.quick ? 'Quick run: a smoke test, not a measurement.' : '',
    '',
  ].join('\n');
}
