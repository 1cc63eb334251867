import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { createSimulation, type NodeDetail, type SimFault } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../../patterns/index.ts';

/**
 * The resilience patterns composed in one chain, headless: the order client →
 * fallback → bulkhead → circuit breaker → retry → timeout → service, and the same with retry
 * and breaker swapped. The order decides what each pattern sees: a breaker outside the retry
 * (the order) counts one call per request — "each retry attempt is counted by the
 * breaker" holds only in the swapped order, with the breaker inside the retry; a timeout
 * inside the retry gives every attempt its own deadline (both orders); a bulkhead outside the
 * retry bounds the attempts in flight (both orders); a fallback outermost turns every failure
 * below into a degraded success.
 */

type Stage = 'fallback' | 'bulkhead' | 'circuit-breaker' | 'retry' | 'timeout';

/** The order: the breaker outside the retry sees one call per request. */
const BREAKER_OUTSIDE: Stage[] = ['fallback', 'bulkhead', 'circuit-breaker', 'retry', 'timeout'];
/** Retry and breaker swapped: the breaker inside the retry sees every attempt. */
const BREAKER_INSIDE: Stage[] = ['fallback', 'bulkhead', 'retry', 'circuit-breaker', 'timeout'];

interface ChainOptions {
  client?: Record<string, unknown>;
  config?: Partial<Record<Stage, Record<string, unknown>>>;
  service?: Record<string, unknown>;
  faults?: SimFault[];
  durationMs: number;
}

/**
 * Runs client → stages → service (64 workers, exponential 20 ms unless given). Every hop is
 * traced, so the most calls ever at each node at once (arrived, not yet answered) is known.
 */
function runChain(stages: Stage[], o: ChainOptions) {
  const ids = ['client', ...stages, 'service'];
  const nodes = [
    {
      id: 'client',
      kind: 'client',
      config: { arrival: { type: 'poisson', ratePerSec: 100 }, ...o.client },
    },
    ...stages.map((s) => ({ id: s, kind: s, config: o.config?.[s] ?? {} })),
    {
      id: 'service',
      kind: 'service',
      config: { workers: 64, serviceTime: { type: 'exponential', meanMs: 20 }, ...o.service },
    },
  ];
  const edges = ids.slice(1).map((target, i) => ({ source: ids[i] as string, target }));
  const atNode = new Map<string, { now: number; max: number }>();
  const scenario = buildScenario(
    { seed: 9, durationMs: o.durationMs, nodes, edges, faults: o.faults ?? [] },
    REGISTRY,
  );
  const sim = createSimulation(scenario, {
    registry: REGISTRY,
    traceHopsEvery: 1,
    trace: (e) => {
      if (e.type !== 'call.arrived' && e.type !== 'call.answered') return;
      const c = atNode.get(e.node) ?? { now: 0, max: 0 };
      c.now += e.type === 'call.arrived' ? 1 : -1;
      c.max = Math.max(c.max, c.now);
      atNode.set(e.node, c);
    },
  });
  sim.runToEnd();
  const d = (id: string): NodeDetail => sim.nodeDetail(id);
  const m = (id: string, metric: string) => d(id).metrics[metric] ?? 0;
  return { sim, d, m, maxAt: (id: string) => atNode.get(id)?.max ?? 0 };
}

const serviceFault = (id: string, type: string, startMs: number, durationMs: number, rest = {}) =>
  ({ id, target: 'service', type, startMs, durationMs, ...rest }) as SimFault;

/** A breaker that never opens (Resilience4j caps count windows' minimumCalls at their size). */
const NEVER_OPENS = {
  failureThreshold: 1_000_000,
  slidingWindowType: 'time',
  minimumCalls: 1_000_000,
};

const failures = (d: NodeDetail) => Object.values(d.failed).reduce((a, b) => a + b, 0);

describe('composition: what the breaker counts depends on its place around the retry', () => {
  // 40% of attempts fail from 5 s to 25 s; a wide bulkhead that never binds.
  const opts: ChainOptions = {
    faults: [serviceFault('errors', 'error-rate', 5_000, 20_000, { rate: 0.4 })],
    config: { bulkhead: { maxConcurrent: 100 } },
    durationMs: 30_000,
  };
  const outside = runChain(BREAKER_OUTSIDE, opts);
  const inside = runChain(BREAKER_INSIDE, opts);

  it("issue's order (breaker → retry): the breaker does NOT count each attempt — one call per request (3110 = retry arrivals) of the retry's 4280 attempts; only the 130 requests failing all 3 (0.4³ ≈ 4.2%) are failures, so it stays closed", () => {
    const { d, m } = outside;
    expect(d('circuit-breaker').arrivals).toBe(3110);
    expect(d('retry').arrivals).toBe(d('circuit-breaker').arrivals);
    expect(m('retry', 'attempts')).toBe(4280);
    expect(d('circuit-breaker').failed).toEqual({ error: 130 });
    expect(m('circuit-breaker', 'opened')).toBe(0);
  });

  it('swapped order (retry → breaker): each retry attempt is counted by the breaker (3150 arrivals = 3150 retry attempts), it sees 40% failures, opens at 5.7 s; its 2567 fast failures are not retried', () => {
    const { d, m } = inside;
    expect(d('circuit-breaker').arrivals).toBe(m('retry', 'attempts'));
    expect(m('retry', 'attempts')).toBe(3150);
    expect(m('circuit-breaker', 'opened')).toBe(1);
    expect(m('circuit-breaker', 'state.closedMs')).toBeCloseTo(5_667, -1);
    expect(m('circuit-breaker', 'rejected')).toBe(2567);
    expect(m('retry', 'notRetryable')).toBe(m('circuit-breaker', 'rejected'));
  });

  it("both orders: every attempt the breaker lets through gets its own timeout — 4280 of 4280 (issue's order), 583 of 3150 (swapped); conserved", () => {
    expect(outside.d('timeout').arrivals).toBe(outside.m('retry', 'attempts'));
    const admitted = inside.m('retry', 'attempts') - inside.m('circuit-breaker', 'rejected');
    expect(inside.d('timeout').arrivals).toBe(admitted);
    expect(admitted).toBe(583);
    for (const r of [outside, inside]) {
      expect(r.d('service').arrivals).toBe(r.d('timeout').arrivals);
      expect(r.sim.conservation().ok).toBe(true);
    }
  });
});

describe('composition: a timeout inside the retry gives every attempt its own deadline', () => {
  // The service is 300 ms slower than the 200 ms timeout for the whole run; a breaker that
  // never opens and a wide bulkhead, so every request makes all 3 attempts without waiting.
  const opts: ChainOptions = {
    // Requests for 5 s (a ramp down to 0/s), then 3 s for the last ones to finish.
    client: { arrival: { type: 'ramp', fromPerSec: 20, toPerSec: 0, rampMs: 5_000 } },
    config: {
      bulkhead: { maxConcurrent: 100 },
      timeout: { timeoutMs: 200 },
      'circuit-breaker': NEVER_OPENS,
    },
    service: { serviceTime: { type: 'constant', valueMs: 20 } },
    faults: [serviceFault('slow', 'latency', 0, 10_000, { addMs: 300, multiplier: 1 })],
    durationMs: 8_000,
  };

  it("both orders: 54 requests → 162 attempts → 162 timeouts, 3 deadlines per request (mean latency ≥ 600 ms); the breaker counts 54 timeouts in the issue's order (one per request), 162 swapped (one per attempt)", () => {
    const requests = 54;
    for (const [stages, breakerCalls] of [
      [BREAKER_OUTSIDE, requests],
      [BREAKER_INSIDE, 3 * requests],
    ] as const) {
      const { d, m, sim } = runChain(stages, opts);
      expect(d('client').arrivals).toBe(requests);
      expect(d('retry').arrivals).toBe(requests);
      expect(m('retry', 'attempts')).toBe(3 * requests);
      expect(m('timeout', 'timedOut')).toBe(3 * requests);
      expect(m('retry', 'attemptsExhausted')).toBe(requests);
      expect(d('circuit-breaker').arrivals).toBe(breakerCalls);
      expect(d('circuit-breaker').failed).toEqual({ timeout: breakerCalls });
      // The fallback answers each failed request after its three deadlines and two backoffs.
      expect(d('client').latencyMs.mean).toBeGreaterThanOrEqual(600);
      expect(d('client').latencyMs.max).toBeLessThan(600 + 100 + 200 + 10);
      expect(m('fallback', 'fallback')).toBe(requests);
      expect(sim.conservation().ok).toBe(true);
    }
  });
});

/** One run of a proxy chain (30 s of virtual time): ≤ 120 ms here. */
const CHAIN_RUN_MS = 300;

describe('composition: a bulkhead outside the retry bounds concurrency over all attempts', () => {
  // 30% of attempts fail (fast), 60 req/s of 50 ms work; a breaker that never opens.
  const opts: ChainOptions = {
    client: { arrival: { type: 'poisson', ratePerSec: 60 } },
    config: { bulkhead: { maxConcurrent: 8 }, 'circuit-breaker': NEVER_OPENS },
    service: { serviceTime: { type: 'constant', valueMs: 50 } },
    faults: [serviceFault('errors', 'error-rate', 0, 30_000, { rate: 0.3 })],
    durationMs: 30_000,
  };

  it(
    'both orders (the bulkhead is outside the retry in each): it bounds concurrency over all attempts — at most 8 calls at the service at once (= maxConcurrent 8) over 1860 requests and 713 retries, 571 of them waiting for a permit',
    budget(2, CHAIN_RUN_MS),
    () => {
      for (const stages of [BREAKER_OUTSIDE, BREAKER_INSIDE]) {
        const { d, m, maxAt, sim } = runChain(stages, opts);
        expect(d('client').arrivals).toBe(1860);
        expect(m('retry', 'retries')).toBe(713);
        expect(m('bulkhead', 'waited')).toBe(571); // the bulkhead really binds
        expect(maxAt('service')).toBe(8);
        expect(maxAt(stages[2] as string)).toBe(8); // the bulkhead's permits in use
        expect(sim.conservation().ok).toBe(true);
      }
    },
  );

  it(
    'without the bulkhead the same traffic puts up to 14 calls at the service at once',
    budget(1, CHAIN_RUN_MS),
    () => {
      const { maxAt, sim } = runChain(
        BREAKER_OUTSIDE.filter((s) => s !== 'bulkhead'),
        opts,
      );
      expect(maxAt('service')).toBe(14);
      expect(sim.conservation().ok).toBe(true);
    },
  );
});

describe('composition: the fallback outermost turns every failure into a degraded success', () => {
  // 30% errors from 10 s to 20 s, then the service 500 ms slower from 25 s to 35 s: attempts
  // time out (200 ms), requests pile up in the bulkhead (10 + queue 20), the breaker opens.
  const opts: ChainOptions = {
    faults: [
      serviceFault('errors', 'error-rate', 10_000, 10_000, { rate: 0.3 }),
      serviceFault('slow', 'latency', 25_000, 10_000, { addMs: 500, multiplier: 1 }),
    ],
    config: {
      bulkhead: { maxConcurrent: 10, maxQueue: 20 },
      'circuit-breaker': { waitDurationInOpenMs: 10_000 },
      timeout: { timeoutMs: 200 },
    },
    durationMs: 60_000,
  };
  const withFallback = runChain(BREAKER_OUTSIDE, opts);
  const withoutFallback = runChain(BREAKER_OUTSIDE.slice(1), opts);

  it("issue's order: client failures 1190 → 0: fallback count = the failures without it, cause by cause (error 25, timeout 14, bulkhead-full 45, circuit-open 1106)", () => {
    const bare = withoutFallback.d('client');
    expect(bare.failed).toEqual({
      error: 25,
      timeout: 14,
      'bulkhead-full': 45,
      'circuit-open': 1106,
    });
    expect(failures(withFallback.d('client'))).toBe(0);
    expect(withFallback.m('fallback', 'fallback')).toBe(failures(bare));
    // What reached the fallback is exactly what the client saw without it.
    expect(withFallback.d('bulkhead').failed).toEqual(bare.failed);
    expect(withFallback.d('client').ok).toBe(bare.ok + failures(bare));
  });

  it('the bulkhead bounds attempts in flight (≤ 10), not work orphaned by the inner timeout: the slow service holds up to 22 calls', () => {
    expect(withFallback.maxAt('circuit-breaker')).toBe(10);
    expect(withFallback.maxAt('service')).toBe(22);
  });

  it('conservation holds in both runs, with the same traffic', () => {
    expect(withFallback.sim.conservation().ok).toBe(true);
    expect(withoutFallback.sim.conservation().ok).toBe(true);
    expect(withFallback.d('client').arrivals).toBe(withoutFallback.d('client').arrivals);
  });
});
