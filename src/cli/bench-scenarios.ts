import type { SimScenario } from '../engine/index.ts';
// Test-support builder, deliberately outside the engine's index: it parses each kind's config
// schema (so defaults apply) without going through the document validator.
import { buildScenario, type EdgeSpec, type NodeSpec } from '../engine/testing/scenario-builder.ts';

export interface BenchScenario {
  name: string;
  description: string;
  scenario: SimScenario;
}

const SEED = 20240601;
const RATE_PER_SEC = 1000;
const MEAN_MS = 0.5;
export const CHAIN_LENGTH = 5;
export const FANOUT_WIDTH = 20;

/** Full runs last a few seconds each on the 2-core machines; quick ones are smoke tests. */
export const BENCH_DURATIONS_MS = {
  full: { chain: 600_000, fanout: 150_000 },
  quick: { chain: 20_000, fanout: 4_000 },
} as const;

const client = (): NodeSpec => ({
  id: 'client',
  kind: 'client',
  config: { arrival: { type: 'poisson', ratePerSec: RATE_PER_SEC } },
});

const service = (id: string, workers: number, extra: Record<string, unknown> = {}): NodeSpec => ({
  id,
  kind: 'service',
  config: { workers, serviceTime: { type: 'exponential', meanMs: MEAN_MS }, ...extra },
});

/** client → s1 → s2 → … → s5, sequential calls after each service's own work. */
export function chainScenario(durationMs: number = BENCH_DURATIONS_MS.full.chain): SimScenario {
  const ids = Array.from({ length: CHAIN_LENGTH }, (_, i) => `s${i + 1}`);
  const edges: EdgeSpec[] = ['client', ...ids].slice(0, -1).map((source, i) => ({
    source,
    target: ids[i] as string,
  }));
  return buildScenario({
    seed: SEED,
    durationMs,
    nodes: [client(), ...ids.map((id) => service(id, 4, { callMode: 'sequential' }))],
    edges,
  });
}

/**
 * client → gateway → 20 leaves called in parallel. The gateway holds a worker until its
 * slowest leaf answers (~0.5 ms · H(20) ≈ 1.8 ms), so 64 workers keep it far from saturation.
 */
export function fanoutScenario(durationMs: number = BENCH_DURATIONS_MS.full.fanout): SimScenario {
  const leaves = Array.from({ length: FANOUT_WIDTH }, (_, i) => `leaf${i + 1}`);
  return buildScenario({
    seed: SEED,
    durationMs,
    nodes: [
      client(),
      service('gateway', 64, { callMode: 'parallel' }),
      ...leaves.map((id) => service(id, 4)),
    ],
    edges: [
      { source: 'client', target: 'gateway' },
      ...leaves.map((target) => ({ source: 'gateway', target })),
    ],
  });
}

export function benchScenarios(quick: boolean): BenchScenario[] {
  const d = quick ? BENCH_DURATIONS_MS.quick : BENCH_DURATIONS_MS.full;
  return [
    {
      name: 'chain-5',
      description: `client Poisson ${RATE_PER_SEC}/s → ${CHAIN_LENGTH} services in a chain (4 workers, exp ${MEAN_MS} ms), ${d.chain} ms`,
      scenario: chainScenario(d.chain),
    },
    {
      name: 'fanout-20',
      description: `client Poisson ${RATE_PER_SEC}/s → gateway (64 workers, parallel) → ${FANOUT_WIDTH} leaves (4 workers, exp ${MEAN_MS} ms), ${d.fanout} ms`,
      scenario: fanoutScenario(d.fanout),
    },
  ];
}
