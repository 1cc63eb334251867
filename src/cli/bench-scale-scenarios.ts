import type { SimScenario } from '../engine/index.ts';
// Test-support builder, as in bench-scenarios.ts.
import { buildScenario } from '../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../patterns/index.ts';

// Engine cost per node: the same traffic spread over 10 or 1000 nodes, and a retry storm
// with and without telemetry frames.

const SEED = 20240601;
const MEAN_MS = 0.5;
/**
 * Events per simulated second, whatever the node count. A call costs three events (arrival,
 * work done, response); a request adds the client's arrival, and the gateway's own call. The
 * clients send at a constant rate chosen so that both sizes process these many events.
 */
export const EVENTS_PER_SEC = 28_000;
const EVENTS_PER_CALL = 3;
export const SCALE_NODES = { small: 10, large: 1000 } as const;
export const STORM_FRAME_MS = 1000 / 60;

/** Durations (ms of virtual time): full runs take ~0.5 s each here; quick ones are smoke tests. */
export const SCALE_DURATIONS_MS = {
  full: { scale: 60_000, storm: 40_000 },
  quick: { scale: 5_000, storm: 12_000 },
} as const;

const service = (id: string, workers: number, extra: Record<string, unknown> = {}) => ({
  id,
  kind: 'service',
  config: { workers, serviceTime: { type: 'exponential', meanMs: MEAN_MS }, ...extra },
});

const client = (arrival: 'poisson' | 'constant', ratePerSec: number, extra = {}) => ({
  id: 'client',
  kind: 'client',
  config: { arrival: { type: arrival, ratePerSec }, ...extra },
});

/**
 * `nodes` nodes in all: client → s1 → … → s(nodes−1), at EVENTS_PER_SEC.
 * A service holds its worker until the rest of the chain answers (~0.5 ms a hop, half a second
 * down a thousand nodes), so 64 workers keep every one of them far from saturation.
 */
export function scaleChain(nodes: number, durationMs: number): SimScenario {
  const ids = Array.from({ length: nodes - 1 }, (_, i) => `s${i + 1}`);
  return buildScenario({
    seed: SEED,
    durationMs,
    nodes: [
      client('constant', EVENTS_PER_SEC / (EVENTS_PER_CALL * ids.length + 1)),
      ...ids.map((id) => service(id, 64, { callMode: 'sequential' })),
    ],
    edges: ['client', ...ids].slice(0, -1).map((source, i) => ({
      source,
      target: ids[i] as string,
    })),
  });
}

/** `nodes` nodes in all: client → gateway → nodes−2 leaves called in parallel, at EVENTS_PER_SEC. */
export function scaleFanout(nodes: number, durationMs: number): SimScenario {
  const leaves = Array.from({ length: nodes - 2 }, (_, i) => `leaf${i + 1}`);
  return buildScenario({
    seed: SEED,
    durationMs,
    nodes: [
      client('constant', EVENTS_PER_SEC / (EVENTS_PER_CALL * (leaves.length + 1) + 1)),
      service('gateway', 64, { callMode: 'parallel' }),
      ...leaves.map((id) => service(id, 4)),
    ],
    edges: [
      { source: 'client', target: 'gateway' },
      ...leaves.map((target) => ({ source: 'gateway', target })),
    ],
  });
}

/**
 * A retry storm: Poisson 500 req/s (2 s timeout) → retry (3 attempts, 300 ms per attempt) →
 * a service of 8 workers (exponential 5 ms) slowed 10× from 5 s to 20 s. Abandoned attempts
 * stay queued at the service: ~20 000 calls are in flight from 20 s on.
 */
export function retryStorm(durationMs: number): SimScenario {
  return buildScenario(
    {
      seed: SEED,
      durationMs,
      nodes: [
        client('poisson', 500, { timeoutMs: 2000 }),
        { id: 'retry', kind: 'retry', config: { maxAttempts: 3, perAttemptTimeoutMs: 300 } },
        {
          id: 'service',
          kind: 'service',
          config: { workers: 8, serviceTime: { type: 'exponential', meanMs: 5 } },
        },
      ],
      edges: [
        { source: 'client', target: 'retry' },
        { source: 'retry', target: 'service' },
      ],
      faults: [
        {
          id: 'slow',
          type: 'latency',
          target: 'service',
          startMs: 5000,
          durationMs: 15_000,
          addMs: 0,
          multiplier: 10,
        },
      ],
    },
    REGISTRY,
  );
}
