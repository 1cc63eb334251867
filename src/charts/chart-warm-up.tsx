import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Area, AreaChart, CartesianGrid, Tooltip, YAxis } from 'recharts';
import { faultBandAreas, timeAxis } from './chart-parts.tsx';
import type { ChartRow } from './chart-rows.ts';
import type { FaultBand } from './fault-bands.ts';
import { TimeChartPlot, type AreaSeries, type LineSeries } from './time-chart.tsx';

/**
 * The first chart a page draws also compiles Recharts: measured on the project's 2-core
 * machine, a chart's first mount took ~130 ms of CPU against ~60 ms once the code was warm.
 * When a run ended on a fresh page that first mount fell in the run's last task. So once the
 * charts' code is in and the page is idle, a throwaway chart is drawn off-screen, in steps of
 * one idle callback each, so no step is a long task of its own.
 */

/** Runs a callback when the page is idle; returns a cancel function. */
export type IdleSchedule = (callback: () => void) => () => void;

const browserIdle: IdleSchedule = (callback) => {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback);
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 200);
  return () => clearTimeout(handle);
};

const ROWS: ChartRow[] = [0, 1, 2].map((t) => ({
  tSec: t,
  throughputOk: 10 + t,
  failedByCause: { error: t },
  errorRate: t / 20,
  p50Ms: 5,
  p95Ms: 9,
  p99Ms: 12 + t,
  inFlight: 1,
  queueDepth: t,
  kindMetrics: {},
}));
const DOMAIN: [number, number] = [0, 2];
const BANDS: FaultBand[] = [
  { id: 'f', type: 'latency', label: 'latency', target: 'n', x1: 0.5, x2: 1.5 },
];
const AREAS: AreaSeries[] = [
  { dataKey: (r) => r.throughputOk, name: 'ok', color: 'gray', fillOpacity: 0.3, stackId: 's' },
  { dataKey: (r) => r.failedByCause['error'] ?? 0, name: 'failed', color: 'red', fillOpacity: 0.3 },
];
const LINES: LineSeries[] = [{ dataKey: 'p99Ms', name: 'p99', color: 'blue', dash: '2 2' }];
const Y_AXIS = { tickFormatter: String };
const TOOLTIP = (v: unknown) => String(v);

/** A part of the live charts' plot, alone in a chart of the warm-up's size. */
const partial = (children: ReactElement | ReactElement[]) => (
  <AreaChart width={400} height={100} data={ROWS}>
    {children}
  </AreaChart>
);
const area = <Area key="a" dataKey="throughputOk" isAnimationActive={false} />;

/**
 * From the chart's core to the whole plot, each step a little more: each compiles a part of
 * what the next one mounts again warm, so no step costs as much as a cold chart.
 */
export const WARM_UP_STEPS: readonly (() => ReactElement)[] = [
  () => partial(area),
  () => partial([area, <CartesianGrid key="g" />, timeAxis(DOMAIN), <YAxis key="y" />]),
  () => partial([area, ...faultBandAreas(BANDS)]),
  // Tooltips mount on the first hover (use-on-demand.ts): warm, that hover stays smooth.
  () => partial([area, <Tooltip key="t" isAnimationActive={false} defaultIndex={1} />]),
  () => (
    <TimeChartPlot
      rows={ROWS}
      domain={DOMAIN}
      bands={BANDS}
      shape="area"
      series={AREAS}
      yAxis={Y_AXIS}
      tooltipFormatter={TOOLTIP}
    />
  ),
  () => (
    <TimeChartPlot
      rows={ROWS}
      domain={DOMAIN}
      bands={[]}
      shape="line"
      series={LINES}
      yAxis={Y_AXIS}
      tooltipFormatter={TOOLTIP}
      legend={false}
    />
  ),
];

let chartsDrawn = false;
/** A real chart is on its way: it compiles the code itself, so the warm-up stops. */
export function noteChartsDrawn(): void {
  chartsDrawn = true;
}

export interface WarmUpOptions {
  schedule?: IdleSchedule;
  steps?: readonly (() => ReactElement)[];
  /** For tests: true when real charts are drawn already (defaults to the module's flag). */
  drawn?: () => boolean;
}

/**
 * Draws the steps one idle callback apart in a hidden, inert, off-screen box kept out of the
 * page's selectors (a closed shadow root), then removes it. Stops early once real charts are
 * drawn. Returns a function that cancels it (and removes the box).
 */
export function warmUpCharts(options: WarmUpOptions = {}): () => void {
  const schedule = options.schedule ?? browserIdle;
  const steps = options.steps ?? WARM_UP_STEPS;
  const drawn = options.drawn ?? (() => chartsDrawn);
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  box.style.cssText =
    'position:fixed;left:-10000px;top:0;width:480px;height:160px;visibility:hidden;contain:strict';
  const inner = document.createElement('div');
  box.attachShadow({ mode: 'closed' }).append(inner);
  document.body.append(box);
  const root = createRoot(inner);
  let cancel: (() => void) | null = null;
  let finished = false;

  const finish = () => {
    if (finished) return;
    finished = true;
    cancel?.();
    cancel = null;
    root.unmount();
    box.remove();
  };
  const run = (index: number) => {
    cancel = null;
    const step = steps[index];
    if (step === undefined || drawn()) {
      finish();
      return;
    }
    // Drawn now, inside this idle callback, rather than in a task React schedules later.
    flushSync(() => root.render(step()));
    cancel = schedule(() => run(index + 1));
  };
  cancel = schedule(() => run(0));
  return finish;
}

let started = false;
/** The page's one warm-up, started when the charts' code has loaded (`loadChartGrid`). */
export function warmUpChartsOnce(): void {
  if (started || chartsDrawn) return;
  started = true;
  warmUpCharts();
}
