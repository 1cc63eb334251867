import { REGISTRY } from '../patterns/index.ts';
import {
  alternate,
  pairedRatios,
  runEngineOnce,
  runSteppedOnce,
  summarizeSamples,
  type Sample,
} from './bench-measure.ts';
import { judgeRatio, SCALE_TARGETS, type BenchRow, type RatioVerdict } from './bench-report.ts';
import {
  EVENTS_PER_SEC,
  retryStorm,
  SCALE_DURATIONS_MS,
  SCALE_NODES,
  scaleChain,
  scaleFanout,
  STORM_FRAME_MS,
} from './bench-scale-scenarios.ts';

export interface ScaleOptions {
  quick: boolean;
  warmups: number;
  runs: number;
  gc: (() => void) | undefined;
  log: (text: string) => void;
}

const eventsPerSec = (s: Sample) => s.events / (s.wallMs / 1000);

/**
 * Engine cost per node (10 against 1000 nodes at the same event rate, chain and fan-out) and
 * the cost of telemetry frames in a retry storm, each pair measured in alternation.
 */
export function measureScale(o: ScaleOptions): { rows: BenchRow[]; ratios: RatioVerdict[] } {
  const d = o.quick ? SCALE_DURATIONS_MS.quick : SCALE_DURATIONS_MS.full;
  const rows: BenchRow[] = [];
  const ratios: RatioVerdict[] = [];
  const families = [
    ['chain', scaleChain, 'client → a chain of services (64 workers, exp 0.5 ms)'],
    [
      'fanout',
      scaleFanout,
      'client → gateway (64 workers) → leaves in parallel (4 workers, exp 0.5 ms)',
    ],
  ] as const;
  for (const [family, build, what] of families) {
    const sizes = [SCALE_NODES.small, SCALE_NODES.large];
    const names = sizes.map((n) => `${family}-${n}`);
    const scenarios = sizes.map((n) => build(n, d.scale));
    o.log(`${names.join(' / ')}: ${o.warmups} warm-up + ${o.runs} run(s) each, in turn…`);
    const samples = alternate(
      o.warmups,
      o.runs,
      scenarios.map((scenario) => () => {
        const run = runEngineOnce(scenario, o.gc);
        if (!run.facts.conservationOk) throw new Error(`${family}: conservation violated`);
        return run.sample;
      }),
    );
    sizes.forEach((n, i) =>
      rows.push({
        name: names[i] as string,
        description: `${n} nodes: ${what}, ${EVENTS_PER_SEC} events a simulated second, ${d.scale} ms`,
        durationMs: d.scale,
        measurement: summarizeSamples(samples[i] as Sample[]),
      }),
    );
    const [small, large] = samples as [Sample[], Sample[]];
    ratios.push(
      judgeRatio(
        `${names[1]} / ${names[0]} events/s`,
        pairedRatios(large.map(eventsPerSec), small.map(eventsPerSec)),
        'at-least',
        SCALE_TARGETS.largeToSmall,
      ),
    );
  }

  const storm = retryStorm(d.storm);
  const variants = [false, true].map((frames) => ({
    name: frames ? 'storm-frames-on' : 'storm-frames-off',
    once: () =>
      runSteppedOnce(storm, { frameMs: STORM_FRAME_MS, frames, registry: REGISTRY }, o.gc),
  }));
  o.log(`retry storm, frames off / on: ${o.warmups} warm-up + ${o.runs} run(s) each, in turn…`);
  const [off, on] = alternate(
    o.warmups,
    o.runs,
    variants.map((v) => v.once),
  ) as [Sample[], Sample[]];
  const stepNote = `steps of ${STORM_FRAME_MS.toFixed(1)} ms virtual time (60 a simulated second)`;
  rows.push(
    {
      name: 'storm-frames-off',
      description: `retry storm (~20 000 calls in flight), ${stepNote}, no frames, ${d.storm} ms`,
      durationMs: d.storm,
      measurement: summarizeSamples(off),
    },
    {
      name: 'storm-frames-on',
      description: `the same with a telemetry frame (and conservation check) after each step`,
      durationMs: d.storm,
      measurement: summarizeSamples(on),
    },
  );
  ratios.push(
    judgeRatio(
      'storm wall time, frames on / off',
      pairedRatios(
        on.map((s) => s.wallMs),
        off.map((s) => s.wallMs),
      ),
      'at-most',
      SCALE_TARGETS.framesOnToOff,
    ),
  );
  return { rows, ratios };
}
