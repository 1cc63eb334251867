import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type NodeRuntime } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { rateLimiterConfigSchema, type RateLimiterConfig } from './config.ts';
import { rateLimiterKind, type RateLimiterState } from './rate-limiter.ts';
import { RATE_LIMITED } from '../kit/index.ts';

/**
 * Client "c" (constant 100/s: requests at 0, 10, … 2990 ms) → limiter "r" → service "s"
 * (100 workers, constant 10 ms), for 3 s.
 */
function run(
  limiter: Record<string, unknown>,
  opts: { client?: Record<string, unknown>; noDownstream?: boolean } = {},
) {
  const sim = createSimulation(
    buildScenario(
      {
        seed: 1,
        durationMs: 3000,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: { arrival: { type: 'constant', ratePerSec: 100 }, ...opts.client },
          },
          { id: 'r', kind: 'rate-limiter', config: limiter },
          {
            id: 's',
            kind: 'service',
            config: { workers: 100, serviceTime: { type: 'constant', valueMs: 10 } },
          },
        ],
        edges: [
          { source: 'c', target: 'r' },
          ...(opts.noDownstream ? [] : [{ source: 'r', target: 's' }]),
        ],
      },
      REGISTRY,
    ),
    { registry: REGISTRY },
  );
  return sim;
}

function finish(sim: ReturnType<typeof run>) {
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return { r: sim.nodeDetail('r'), s: sim.nodeDetail('s'), c: sim.nodeDetail('c') };
}

function label(config: Partial<RateLimiterConfig>, state: Partial<RateLimiterState>) {
  const node = {
    config: { ...rateLimiterConfigSchema.parse({}), ...config },
    state: {
      lastRejected: false,
      used: 0,
      of: 0,
      waiting: { entries: [], head: 0 },
      drain: { gen: 0 },
      ...state,
    },
  } as unknown as NodeRuntime<RateLimiterConfig, RateLimiterState>;
  return rateLimiterKind.stateLabel?.(node);
}

describe('rate-limiter kind', () => {
  it('is registered, in the resilience category, with a JSON-schema-able config', () => {
    expect(REGISTRY.get('rate-limiter')).toBe(rateLimiterKind);
    expect(rateLimiterKind.category).toBe('resilience');
    expect(() => z.toJSONSchema(rateLimiterKind.configSchema, { io: 'input' })).not.toThrow();
    expect(rateLimiterKind.causes).toEqual([RATE_LIMITED]);
    expect(RATE_LIMITED).toMatchObject({ cause: 'rate-limited', class: 'policy-refusal' });
  });

  it('token bucket (10, 5/s): the burst of 10 passes, then one per refilled token', () => {
    const { r, s, c } = finish(run({ capacity: 10, refillPerSec: 5 }));
    // 10 at 0…90 ms, then one every 200 ms from 200 to 2800 ms: 10 + 14.
    expect(r.metrics).toEqual({ admitted: 24, rejected: 276 });
    expect(s.arrivals).toBe(24);
    expect(r.failed).toEqual({ 'rate-limited': 276 });
    expect(c.failed).toEqual({ 'rate-limited': 276 });
    // Gauge: tokens used of the bucket (0.95 left at the last arrival).
    expect(r.capacity).toBe(10);
    expect(r.busy).toBeCloseTo(9.05, 9);
    expect(rateLimiterKind.report?.({ ...r, completed: r.ok, elapsedMs: 3000 })).toEqual({
      admitted: 24,
      rejected: 276,
      rejectionShare: 0.92,
      waitedShare: 0,
      admittedPerSec: 8,
    });
  });

  it('window algorithms at 5 per 1 s admit 5 in each of the 3 windows of a steady stream', () => {
    for (const algorithm of ['fixed-window', 'sliding-window-log', 'sliding-window-counter']) {
      const { r, s } = finish(run({ algorithm, limit: 5, windowMs: 1000 }));
      expect(r.metrics, algorithm).toEqual({ admitted: 15, rejected: 285 });
      expect(s.arrivals).toBe(15);
    }
  });

  it('leaky bucket (5 places, 10/s): requests leave every 100 ms, 5 wait, the rest are rejected', () => {
    const sim = run({ algorithm: 'leaky-bucket', capacity: 5, drainPerSec: 10 });
    sim.advanceTo(1005);
    // 0 ms passes; 10…50 ms wait; departures at 100, 200, … 1000 ms.
    expect(sim.nodeDetail('s').arrivals).toBe(11);
    const { r, s } = finish(sim);
    expect(s.arrivals).toBe(30);
    expect(r.metrics).toEqual({ admitted: 30, queued: 34, rejected: 265 });
    expect(r).toMatchObject({ queueDepth: 5, maxQueueDepth: 5 });
    // The longest wait is the full queue: 5 × 100 ms, plus 10 ms of service.
    expect(r.latencyMs.max).toBe(510);
  });

  it('leaky bucket: waiters whose caller gave up are dropped and take no departure slot', () => {
    const { r, s } = finish(
      run(
        { algorithm: 'leaky-bucket', capacity: 50, drainPerSec: 10 },
        { client: { timeoutMs: 200 } },
      ),
    );
    // Still exactly one departure per 100 ms, each to a caller that was still waiting.
    expect(s.arrivals).toBe(30);
    expect(r.metrics).toEqual({ admitted: 30, queued: 299, abandonedWhileWaiting: 242 });
    expect(r.failed).toEqual({ timeout: 242 });
  });

  it('switching live from leaky bucket to token bucket lets every waiter go at once', () => {
    const sim = run({ algorithm: 'leaky-bucket', capacity: 20, drainPerSec: 1 });
    sim.advanceTo(205);
    expect(sim.nodeDetail('s').arrivals).toBe(1);
    expect(sim.nodeDetail('r').queueDepth).toBe(20);
    expect(
      sim.patch({ type: 'node-config', nodeId: 'r', config: { algorithm: 'token-bucket' } }),
    ).toEqual({ ok: true });
    expect(sim.nodeDetail('r').metrics['admitted']).toBe(21);
    sim.advanceTo(206);
    expect(sim.nodeDetail('s').arrivals).toBe(21);
    expect(sim.nodeDetail('r').queueDepth).toBe(0);
    finish(sim);
  });

  it('no outgoing edge: answers no-route', () => {
    const { r } = finish(run({}, { noDownstream: true }));
    expect(r).toMatchObject({ arrivals: 300, ok: 0, failed: { 'no-route': 300 } });
  });

  it('labels: tokens left, window use, waiting, LIMITING after a rejection', () => {
    expect(
      label(
        {},
        {
          limiter: { algorithm: 'token-bucket', microTokens: 0, updatedUs: 0 },
          used: 58.5,
          of: 100,
        },
      ),
    ).toEqual({ text: '41 tokens', tone: 'ok' });
    expect(
      label(
        { algorithm: 'fixed-window' },
        { limiter: { algorithm: 'fixed-window', windowIndex: 0, count: 90 }, used: 90, of: 100 },
      ),
    ).toEqual({ text: '90/100', tone: 'warn' });
    expect(
      label(
        { algorithm: 'leaky-bucket' },
        { limiter: { algorithm: 'leaky-bucket', waiting: 3, lastReleaseUs: 0 }, used: 3, of: 100 },
      ),
    ).toEqual({ text: '3 waiting', tone: 'warn' });
    expect(
      label(
        { algorithm: 'leaky-bucket' },
        { limiter: { algorithm: 'leaky-bucket', waiting: 0, lastReleaseUs: 0 } },
      ),
    ).toEqual({ text: 'FLOWING', tone: 'ok' });
    expect(
      label(
        {},
        {
          limiter: { algorithm: 'token-bucket', microTokens: 0, updatedUs: 0 },
          lastRejected: true,
        },
      ),
    ).toEqual({ text: 'LIMITING', tone: 'bad' });
  });
});
