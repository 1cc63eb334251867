import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation, type SimScenario } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  RATE_LIMIT_PER_SEC,
  RATE_LIMIT_SPIKE_DURATION_MS,
  RATE_LIMIT_SPIKE_START_MS,
  rateLimiterBuiltin,
} from './rate-limiter.ts';

const SPIKE_SEC = RATE_LIMIT_SPIKE_DURATION_MS / 1000;

/** The `with` scenario with the limiter's config changed (same traffic, same service). */
function withLimiter(config: Record<string, unknown>): SimScenario {
  const doc = rateLimiterBuiltin.build('with');
  for (const n of doc.nodes) if (n.id === 'limiter') n.config = { ...n.config, ...config };
  return doc;
}

/** Runs a scenario; the service's load during the spike and its figures at the end. */
function run(doc: SimScenario) {
  const sim = createSimulation(doc, { registry: REGISTRY });
  sim.advanceTo(RATE_LIMIT_SPIKE_START_MS);
  const before = sim.nodeDetail('service');
  sim.advanceTo(RATE_LIMIT_SPIKE_START_MS + RATE_LIMIT_SPIKE_DURATION_MS);
  const loadPerSec = (sim.nodeDetail('service').arrivals - before.arrivals) / SPIKE_SEC;
  sim.runToEnd();
  return {
    sim,
    baselineP99Ms: before.latencyMs.p99,
    loadPerSec,
    service: sim.nodeDetail('service'),
  };
}

/** One run of the rate-limiter built-in with another algorithm (90 s): ≤ 340 ms here. */
const BUILTIN_RUN_MS = 800;

describe('R5 proof: rate limiter (150 per 1 s) vs none, 5× traffic spike from 30 s for 30 s', () => {
  const withL = run(rateLimiterBuiltin.build('with'));
  const without = run(rateLimiterBuiltin.build('without'));

  it('the service load stays at the limit during the spike (measured: 149.9 req/s with vs 501.9 without)', () => {
    expect(withL.loadPerSec).toBeLessThanOrEqual(RATE_LIMIT_PER_SEC * (1 + 1 / SPIKE_SEC));
    expect(withL.loadPerSec).toBeGreaterThanOrEqual(0.95 * RATE_LIMIT_PER_SEC);
    expect(without.loadPerSec).toBeGreaterThan(450);
  });

  it('the service p99 stays flat with the limiter and explodes without (measured: 94.4 → 94.4 ms vs 94.4 → 7168 ms)', () => {
    expect(withL.service.latencyMs.p99).toBeLessThanOrEqual(1.1 * withL.baselineP99Ms);
    expect(without.service.latencyMs.p99).toBeGreaterThan(20 * without.baselineP99Ms);
  });

  it('the service queue stays short with the limiter and grows without (measured: max 16 vs 2922)', () => {
    expect(withL.service.maxQueueDepth).toBeLessThan(50);
    expect(without.service.maxQueueDepth).toBeGreaterThan(2000);
  });

  it('the excess is rejected fast as rate-limited (measured: 10559 rejected, 50.1% of requests)', () => {
    const l = withL.sim.nodeDetail('limiter');
    const rejected = l.metrics['rejected'] ?? 0;
    expect(rejected).toBeGreaterThan(9000);
    expect(l.failed['rate-limited']).toBe(rejected);
    expect(withL.sim.nodeDetail('client').failed['rate-limited']).toBe(rejected);
    const report = REGISTRY.get('rate-limiter')?.report?.({
      ...l,
      completed: l.ok,
      elapsedMs: 90_000,
    });
    expect(report?.['rejectionShare']).toBeCloseTo(rejected / l.arrivals, 12);
  });

  // The other algorithms on the same traffic: each caps the load; the fixed window and the
  // token bucket let a burst of 150 through at once (a window start, a full bucket), which
  // queues briefly at the service, so their p99 rises a little but stays far from "without".
  it.each([
    ['fixed-window (measured: 150.0 req/s, p99 154 ms, max queue 58)', 'fixed-window', {}, 2],
    ['sliding-window-log (measured: 149.5 req/s, p99 95 ms)', 'sliding-window-log', {}, 1.1],
    [
      'leaky-bucket, drain 150/s (measured: 150.0 req/s, p99 94 ms, no service queue)',
      'leaky-bucket',
      { capacity: RATE_LIMIT_PER_SEC, drainPerSec: RATE_LIMIT_PER_SEC },
      1.1,
    ],
    [
      'token-bucket, 150 + 150/s (measured: 154.9 req/s, p99 106 ms)',
      'token-bucket',
      { capacity: RATE_LIMIT_PER_SEC, refillPerSec: RATE_LIMIT_PER_SEC },
      1.5,
    ],
  ])(
    '%s caps the load as well',
    budget(1, BUILTIN_RUN_MS),
    (_name, algorithm, extra, p99Factor) => {
      const r = run(withLimiter({ algorithm, ...extra }));
      // At most the limit per second, plus one window's (or bucket's) worth over the spike.
      expect(r.loadPerSec).toBeLessThanOrEqual(RATE_LIMIT_PER_SEC * (1 + 1 / SPIKE_SEC));
      expect(r.loadPerSec).toBeGreaterThanOrEqual(0.95 * RATE_LIMIT_PER_SEC);
      expect(r.service.latencyMs.p99).toBeLessThanOrEqual(p99Factor * r.baselineP99Ms);
      expect(r.sim.conservation().ok).toBe(true);
    },
  );

  it('conservation holds in both runs, with the same traffic (measured: 21 059 requests each)', () => {
    expect(withL.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
    expect(withL.sim.nodeDetail('client').arrivals).toBe(without.sim.nodeDetail('client').arrivals);
  });
});
