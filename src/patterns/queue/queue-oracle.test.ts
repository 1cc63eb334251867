import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { budget } from '../../engine/testing/budget.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

/** Erlang C: the probability that an arrival waits, c servers, offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a));
  return top / (sum + top);
}

const MESSAGES = 120_000;
/** ~0.01 ms of engine time per message (publish, delivery, work, ack). */
const MESSAGE_MS = 0.01;

describe('queue oracle', () => {
  it(
    'a queue feeding one consumer of c workers (prefetch c) is M/M/c: its wait before delivery matches Erlang C',
    budget(MESSAGES, MESSAGE_MS),
    () => {
      // λ = 80/s, c = 3, mean service 30 ms (μ = 33.3/s): a = 2.4, ρ = 0.8.
      const lambda = 80;
      const c = 3;
      const serviceMs = 30;
      const a = (lambda * serviceMs) / 1000;
      const durationMs = (MESSAGES / lambda) * 1000;
      const sim = createSimulation(
        buildScenario(
          {
            seed: 23,
            durationMs,
            nodes: [
              {
                id: 'p',
                kind: 'client',
                config: { arrival: { type: 'poisson', ratePerSec: lambda } },
              },
              { id: 'q', kind: 'queue', config: { prefetch: c } },
              {
                id: 'w',
                kind: 'service',
                config: { workers: c, serviceTime: { type: 'exponential', meanMs: serviceMs } },
              },
            ],
            edges: [
              { source: 'p', target: 'q' },
              { source: 'q', target: 'w' },
            ],
          },
          REGISTRY,
        ),
        { registry: REGISTRY },
      );
      sim.runToEnd();
      const m = sim.nodeDetail('q').metrics ?? {};
      const firstDeliveries = (m['delivered'] ?? 0) - (m['redelivered'] ?? 0);
      const meanWaitMs = (m['waitedMs'] ?? 0) / firstDeliveries;
      // Wq = C(c, a) / (cμ − λ), in ms.
      const expectedMs = (erlangC(c, a) / (c / (serviceMs / 1000) - lambda)) * 1000;
      expect(erlangC(3, 2.5)).toBeCloseTo(0.7022, 4);
      expect(Math.abs(meanWaitMs - expectedMs) / expectedMs).toBeLessThan(0.08);
      // Nothing waits inside the consumer: prefetch c keeps the queue in the broker.
      expect(sim.nodeDetail('w').maxQueueDepth).toBe(0);
      expect(sim.conservation().ok).toBe(true);
    },
  );
});
