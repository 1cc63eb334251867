import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSimulation, type KindRegistry, type SimScenario } from '../engine/index.ts';
import { runHoldModel, type HoldModelOptions } from './bare-kernel.ts';

/** One timed run. */
export interface Sample {
  wallMs: number;
  events: number;
  /** Requests the clients sent (0 for the bare kernel). */
  requests: number;
  /** Largest heapUsed seen during the run, MB. */
  peakHeapMb: number;
}

/** Medians over the measured runs (each field on its own). */
export interface Measurement extends Sample {
  runs: number;
  eventsPerSec: number;
  requestsPerWallSec: number;
}

/** Extra facts about an engine run that the report uses (from the last run). */
export interface EngineFacts {
  conservationOk: boolean;
  /** Mean client latency, ms (Little's law estimate of the engine's heap size). */
  meanLatencyMs: number;
}

const MB = 1024 * 1024;
// Heap samples per engine run: enough to catch the peak, too few to cost anything.
const HEAP_SAMPLES = 50;

/**
 * `global.gc` when Node runs with --expose-gc; otherwise the flag is switched on at run time
 * (works in Node ≥ 12) and the function fetched from a fresh context. Undefined if both fail.
 */
export function findGc(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

const heapMb = () => process.memoryUsage().heapUsed / MB;

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarizeSamples(samples: readonly Sample[]): Measurement {
  const m = (pick: (s: Sample) => number) => median(samples.map(pick));
  return {
    runs: samples.length,
    wallMs: m((s) => s.wallMs),
    events: m((s) => s.events),
    requests: m((s) => s.requests),
    peakHeapMb: m((s) => s.peakHeapMb),
    eventsPerSec: m((s) => s.events / (s.wallMs / 1000)),
    requestsPerWallSec: m((s) => s.requests / (s.wallMs / 1000)),
  };
}

/** Runs the engine flat out, in slices so the heap can be sampled along the way. */
export function runEngineOnce(
  scenario: SimScenario,
  gc: (() => void) | undefined,
  registry?: KindRegistry,
): { sample: Sample; facts: EngineFacts } {
  gc?.();
  let peak = heapMb();
  const started = performance.now();
  const sim = createSimulation(scenario, registry ? { registry } : {});
  for (let i = 1; i <= HEAP_SAMPLES; i++) {
    sim.advanceTo((scenario.durationMs * i) / HEAP_SAMPLES);
    peak = Math.max(peak, heapMb());
  }
  const wallMs = performance.now() - started;
  const summary = sim.summary();
  const clients = Object.values(summary.clients);
  const requests = clients.reduce((a, c) => a + c.sent, 0);
  const done = clients.reduce((a, c) => a + c.succeeded, 0);
  const latencySum = clients.reduce((a, c) => a + c.latencyMs.mean * c.succeeded, 0);
  return {
    sample: { wallMs, events: sim.events, requests, peakHeapMb: peak },
    facts: {
      conservationOk: summary.conservation.ok,
      meanLatencyMs: done > 0 ? latencySum / done : 0,
    },
  };
}

/**
 * Runs the engine as a live view drives it: a step of `frameMs` virtual time at a time, and,
 * with `frames`, a telemetry frame after each step (which checks conservation). Without
 * frames the steps are the same, so the difference is the frames' cost alone.
 */
export function runSteppedOnce(
  scenario: SimScenario,
  options: { frameMs: number; frames: boolean; registry?: KindRegistry },
  gc: (() => void) | undefined,
): Sample {
  gc?.();
  let peak = heapMb();
  const started = performance.now();
  const sim = createSimulation(scenario, options.registry ? { registry: options.registry } : {});
  for (let i = 1; !sim.done; i++) {
    sim.advanceTo(i * options.frameMs);
    if (options.frames) sim.drainFrame();
    if (i % 256 === 0) peak = Math.max(peak, heapMb());
  }
  const wallMs = performance.now() - started;
  peak = Math.max(peak, heapMb());
  const requests = Object.values(sim.summary().clients).reduce((a, c) => a + c.sent, 0);
  return { wallMs, events: sim.events, requests, peakHeapMb: peak };
}

export function runBareOnce(options: HoldModelOptions, gc: (() => void) | undefined): Sample {
  gc?.();
  let peak = heapMb();
  const started = performance.now();
  const result = runHoldModel(options);
  const wallMs = performance.now() - started;
  peak = Math.max(peak, heapMb());
  return { wallMs, events: result.events, requests: 0, peakHeapMb: peak };
}

/** Warm-up runs (discarded, they let the JIT settle) followed by measured runs. */
export function repeat<T>(warmups: number, runs: number, once: () => T): T[] {
  for (let i = 0; i < warmups; i++) once();
  return Array.from({ length: runs }, once);
}

/**
 * Several cases measured in turn, so a slow spell of a shared machine hits every case alike,
 * and in alternating order — a b, b a, a b, … — so neither gains from always running
 * second. Returns each case's samples in run order (pairs line up by index).
 */
export function alternate<T>(warmups: number, runs: number, cases: readonly (() => T)[]): T[][] {
  for (let i = 0; i < warmups; i++) for (const once of cases) once();
  const samples = cases.map((): T[] => []);
  const order = cases.map((_, c) => c);
  for (let i = 0; i < runs; i++) {
    for (const c of i % 2 === 0 ? order : [...order].reverse()) {
      samples[c]?.push((cases[c] as () => T)());
    }
  }
  return samples;
}

/** Per-run ratios `top[i] / bottom[i]`, their median and their range. */
export function pairedRatios(
  top: readonly number[],
  bottom: readonly number[],
): { median: number; min: number; max: number; runs: number[] } {
  const runs = top.map((t, i) => t / (bottom[i] as number));
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs };
}
