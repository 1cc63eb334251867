import {
  createSimulation,
  DEFAULT_EDGE_CONFIG,
  type KindRegistry,
  type SimNode,
  type SimScenario,
} from '../engine/index.ts';
import type { Schedule } from './driver-endpoint.ts';
import { createPacer } from './pacer.ts';

/** Wall time of one warm-up slice: short, so a command waits at most this long. */
export const WARM_UP_SLICE_MS = 8;
/** Total wall time the warm-up may use. */
export const WARM_UP_BUDGET_MS = 400;

function node(registry: KindRegistry, id: string, kind: string, config: object): SimNode {
  const def = registry.get(kind);
  if (!def) throw new Error(`warm-up: unknown kind ${kind}`);
  return {
    id,
    kind,
    label: id,
    position: { x: 0, y: 0 },
    config: def.configSchema.parse(config) as Record<string, unknown>,
  };
}

/**
 * Client → service → database, with a timeout, a queue and some errors: the engine's hot
 * paths (arrivals, the worker pool, calls, responses, timers, metric windows) in a few
 * nodes. Long enough that the warm-up budget, not the run, ends it.
 */
export function warmUpScenario(registry: KindRegistry): SimScenario {
  const edge = (id: string, source: string, target: string) => ({
    id,
    source,
    target,
    config: { ...DEFAULT_EDGE_CONFIG },
  });
  return {
    format: 'faultline-scenario',
    version: 2,
    meta: { title: 'warm-up', description: '', patterns: [] },
    seed: 1,
    durationMs: 10_000_000,
    nodes: [
      node(registry, 'c', 'client', {
        arrival: { type: 'poisson', ratePerSec: 200 },
        timeoutMs: 500,
      }),
      node(registry, 's', 'service', {
        workers: 3,
        serviceTime: { type: 'exponential', meanMs: 10 },
        errorRate: 0.01,
      }),
      node(registry, 'd', 'database', {}),
    ],
    edges: [edge('e1', 'c', 's'), edge('e2', 's', 'd')],
    faults: [],
    groups: [],
  };
}

export interface WarmUp {
  /** Stops at once (before the next slice); idempotent. */
  stop(): void;
  readonly running: boolean;
  /** Events the throwaway run processed so far. */
  readonly events: number;
}

/**
 * Runs a throwaway simulation in short idle slices so the engine's code is compiled by the
 * JIT before the person's first run. Measured in this worker: the M/M/1 benchmark takes
 * ~330 ms cold and ~110 ms warm, and a page's first Run to end paid the difference. The
 * warm-up never touches the person's simulation (its own instance, its own scenario), stops
 * after `budgetMs` of wall time, and is stopped by any command that runs the simulation.
 */
export function startWarmUp(
  schedule: Schedule,
  now: () => number,
  registry: KindRegistry,
  budgetMs = WARM_UP_BUDGET_MS,
  sliceMs = WARM_UP_SLICE_MS,
): WarmUp {
  const sim = createSimulation(warmUpScenario(registry), { registry });
  sim.setTracing(false);
  const pacer = createPacer(now);
  let spentMs = 0;
  let running = true;
  let cancel: (() => void) | null = null;

  const slice = () => {
    cancel = null;
    if (!running) return;
    const started = now();
    const reached = pacer.advanceWithin(sim, sim.durationMs, sliceMs);
    spentMs += now() - started;
    if (reached || spentMs >= budgetMs) running = false;
    else cancel = schedule(slice);
  };
  cancel = schedule(slice);

  return {
    stop() {
      running = false;
      cancel?.();
      cancel = null;
    },
    get running() {
      return running;
    },
    get events() {
      return sim.summary().events;
    },
  };
}
