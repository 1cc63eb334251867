// Test support only: small real scenarios for the host tests.
import type { SimScenario } from '../engine/index.ts';
import { buildScenario } from '../engine/testing/scenario-builder.ts';

const constantRate = (ratePerSec: number) => ({ type: 'constant' as const, ratePerSec });
const constantTime = (valueMs: number) => ({ type: 'constant' as const, valueMs });

/** Client "c" (10 req/s) → service "s" (10 ms) over edge "e", 10 s. */
export function pairScenario(durationMs = 10_000): SimScenario {
  return buildScenario({
    durationMs,
    nodes: [
      { id: 'c', kind: 'client', config: { arrival: constantRate(10) } },
      { id: 's', kind: 'service', config: { serviceTime: constantTime(10) } },
    ],
    edges: [{ id: 'e', source: 'c', target: 's' }],
  });
}

/** Two Poisson clients "a" (40/s) and "b" (15/s) sharing one service "s" (two workers), 20 s. */
export function twoClientScenario(): SimScenario {
  return buildScenario({
    seed: 7,
    durationMs: 20_000,
    nodes: [
      { id: 'a', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 40 } } },
      { id: 'b', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 15 } } },
      {
        id: 's',
        kind: 'service',
        config: { workers: 2, serviceTime: { type: 'exponential', meanMs: 20 }, errorRate: 0.1 },
      },
    ],
    edges: [
      { id: 'e1', source: 'a', target: 's' },
      { id: 'e2', source: 'b', target: 's' },
    ],
  });
}

/** Users with no think time against a service that crashes at 1 s: the engine livelocks. */
export function livelockScenario(): SimScenario {
  return buildScenario({
    durationMs: 10_000,
    nodes: [
      { id: 'c', kind: 'client', config: { arrival: { type: 'users', users: 3, thinkTimeMs: 0 } } },
      { id: 's', kind: 'service', config: { serviceTime: constantTime(10) } },
    ],
    edges: [{ id: 'e', source: 'c', target: 's' }],
    faults: [{ id: 'f', target: 's', type: 'crash', startMs: 1000, durationMs: null }],
  });
}

/** A clock that moves `stepMs` forward every time it is read. */
export function fakeClock(stepMs = 0): { now: () => number; advance(ms: number): void } {
  let t = 0;
  return {
    now: () => (t += stepMs),
    advance(ms) {
      t += ms;
    },
  };
}
