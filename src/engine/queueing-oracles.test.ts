import { describe, expect, it } from 'vitest';
import { exp, poisson, runScenario } from './testing/run.ts';
import { budget } from './testing/budget.ts';

// Long runs with fixed seeds; tolerances are a few standard errors of each estimator.
const within = (actual: number, expected: number, relative: number) => {
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(relative);
};

/** Budgets count simulated requests × hops: ~0.004 ms each here (M/M/1's 320 000 in ~1.1 s). */
const REQUEST_HOP_MS = 0.005;

describe('queueing-theory oracles', () => {
  it(
    'M/M/1, λ=80/s, μ=100/s: mean sojourn ≈ 50 ms, p99 ≈ 230.26 ms, utilisation ≈ 0.8',
    budget(80 * 4000, REQUEST_HOP_MS),
    () => {
      const sim = runScenario({
        seed: 11,
        durationMs: 4_000_000,
        nodes: [
          { id: 'users', kind: 'client', config: { arrival: poisson(80) } },
          { id: 'svc', kind: 'service', config: { workers: 1, serviceTime: exp(10) } },
        ],
        edges: [{ source: 'users', target: 'svc' }],
      });
      const s = sim.summary();
      const client = s.clients['users'];
      within(client?.latencyMs.mean ?? 0, 50, 0.05);
      within(client?.latencyMs.p99 ?? 0, 230.26, 0.06);
      within(s.nodes['svc']?.utilization ?? 0, 0.8, 0.02);
      within((client?.sent ?? 0) / 4000, 80, 0.01);
    },
  );

  it(
    'M/M/3 with offered load 2.5: probability of waiting ≈ 0.7022 (Erlang C)',
    budget(250 * 1000, REQUEST_HOP_MS),
    () => {
      const sim = runScenario({
        seed: 5,
        durationMs: 1_000_000,
        nodes: [
          { id: 'users', kind: 'client', config: { arrival: poisson(250) } },
          { id: 'svc', kind: 'service', config: { workers: 3, serviceTime: exp(10) } },
        ],
        edges: [{ source: 'users', target: 'svc' }],
      });
      const d = sim.nodeDetail('svc');
      within((d.metrics['queued'] ?? 0) / d.arrivals, 0.7022, 0.03);
      within(d.utilization, 2.5 / 3, 0.02);
    },
  );

  it(
    'M/M/1/K with ρ=0.9, K=10: blocking probability ≈ 0.0508',
    budget(90 * 2000, REQUEST_HOP_MS),
    () => {
      const sim = runScenario({
        seed: 3,
        durationMs: 2_000_000,
        nodes: [
          { id: 'users', kind: 'client', config: { arrival: poisson(90) } },
          // K counts the one in service: 1 worker + 9 waiting places.
          {
            id: 'svc',
            kind: 'service',
            config: { workers: 1, queueCapacity: 9, serviceTime: exp(10) },
          },
        ],
        edges: [{ source: 'users', target: 'svc' }],
      });
      const d = sim.nodeDetail('svc');
      within((d.failed['queue-full'] ?? 0) / d.arrivals, 0.0508, 0.06);
      expect(d.maxQueueDepth).toBe(9);
    },
  );

  // 120 req/s for 300 s over 4 hops (the database's included).
  it(
    "Little's law L = λ·W holds at every hop of a multi-hop network",
    budget(120 * 300 * 4, REQUEST_HOP_MS),
    () => {
      const durationMs = 300_000;
      const sim = runScenario({
        seed: 8,
        durationMs,
        nodes: [
          { id: 'users', kind: 'client', config: { arrival: poisson(120) } },
          {
            id: 'gateway',
            kind: 'service',
            config: { workers: 16, serviceTime: exp(2), callMode: 'parallel' },
          },
          { id: 'orders', kind: 'service', config: { workers: 4, serviceTime: exp(6) } },
          { id: 'stock', kind: 'service', config: { workers: 2, serviceTime: exp(5) } },
          { id: 'db', kind: 'database', config: { connections: 3 } },
        ],
        edges: [
          { source: 'users', target: 'gateway', config: { latency: exp(1) } },
          { source: 'gateway', target: 'orders' },
          { source: 'gateway', target: 'stock', config: { callProbability: 0.5 } },
          { source: 'orders', target: 'db', config: { latency: exp(0.5) } },
        ],
      });
      for (const id of ['users', 'gateway', 'orders', 'stock', 'db']) {
        const d = sim.nodeDetail(id);
        const completed = d.ok + Object.values(d.failed).reduce((a, b) => a + b, 0);
        const lambdaPerMs = completed / durationMs;
        // L = λ·W up to edge effects (requests still in flight at the end).
        within(d.meanInFlight, lambdaPerMs * d.latencyMs.mean, 0.02);
      }
    },
  );
});
