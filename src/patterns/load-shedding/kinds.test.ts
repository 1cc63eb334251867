import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import {
  adaptiveThrottleKind,
  isAccept,
  NOT_ACCEPTED_CAUSES,
  THROTTLED,
} from './adaptive-throttle.ts';
import { loadShedderKind, SHED } from './load-shedder.ts';

/**
 * Client "c" (constant arrivals) → proxy "p" → service "s", no edge latency. Collects the
 * proxy's own trace events as `type@ms`.
 */
function run(opts: {
  proxy: NodeSpec;
  service?: Record<string, unknown>;
  ratePerSec: number;
  durationMs: number;
  timeoutMs?: number;
  noDownstream?: boolean;
}) {
  const events: string[] = [];
  const sim = createSimulation(
    buildScenario(
      {
        seed: 9,
        durationMs: opts.durationMs,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: {
              arrival: { type: 'constant', ratePerSec: opts.ratePerSec },
              timeoutMs: opts.timeoutMs ?? null,
            },
          },
          opts.proxy,
          { id: 's', kind: 'service', config: opts.service ?? {} },
        ],
        edges: [
          { source: 'c', target: 'p' },
          ...(opts.noDownstream ? [] : [{ source: 'p', target: 's' }]),
        ],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e: TraceEvent) => {
        if (e.type.startsWith('throttle.') || e.type.startsWith('shedder.'))
          events.push(`${e.type}@${e.timeUs / 1000}`);
      },
    },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const label = () => sim.drainFrame().nodes.find((n) => n.id === 'p')?.state;
  return { sim, events, p: sim.nodeDetail('p'), s: sim.nodeDetail('s'), label };
}

const constantMs = (valueMs: number) => ({ type: 'constant', valueMs });

describe('adaptive-throttle kind', () => {
  const throttle = (config: Record<string, unknown> = {}): NodeSpec => ({
    id: 'p',
    kind: 'adaptive-throttle',
    config,
  });

  it('is a registered resilience kind with a JSON-schema-able config', () => {
    expect(REGISTRY.get('adaptive-throttle')).toBe(adaptiveThrottleKind);
    expect(adaptiveThrottleKind.category).toBe('resilience');
    expect(() => z.toJSONSchema(adaptiveThrottleKind.configSchema, { io: 'input' })).not.toThrow();
    expect(THROTTLED).toBe('throttled');
  });

  it('healthy backend: every request accepted, nothing throttled', () => {
    const { p, s, label, events } = run({
      proxy: throttle(),
      service: { serviceTime: constantMs(10) },
      ratePerSec: 10,
      durationMs: 10_000,
    });
    expect(p).toMatchObject({ arrivals: 100, ok: 100, failed: {} });
    expect(p.metrics).toEqual({ forwarded: 100, accepted: 100 });
    expect(s.arrivals).toBe(100);
    expect(label()).toEqual({ text: 'passing', tone: 'ok' });
    expect(events).toEqual([]);
  });

  it('what counts as an accept: anything in time but an overload push-back or a timeout', () => {
    expect(NOT_ACCEPTED_CAUSES).toEqual([
      'shed',
      'rate-limited',
      'queue-full',
      'bulkhead-full',
      'throttled',
      'timeout',
    ]);
    expect(isAccept(true, '', false)).toBe(true);
    for (const c of NOT_ACCEPTED_CAUSES) expect(isAccept(false, c, false)).toBe(false);
    // The backend took the work: an error, a refusal, an open breaker downstream are accepts.
    for (const c of ['error', 'refused', 'circuit-open', 'no-route']) {
      expect(isAccept(false, c, false)).toBe(true);
    }
    // After the deadline nothing is an accept: the client already saw a timeout.
    expect(isAccept(true, '', true)).toBe(false);
    expect(isAccept(false, 'error', true)).toBe(false);
  });

  it('overloaded backend: request n is rejected with probability n / (n + 1) — a trickle still gets through', () => {
    // One worker busy for the whole run and no queue: every later call is answered
    // queue-full (a push-back), so accepts stay 0 and rejected requests keep counting.
    const { p, s, events, label } = run({
      proxy: throttle(),
      service: { serviceTime: constantMs(20_000), workers: 1, queueCapacity: 0 },
      ratePerSec: 100,
      durationMs: 10_000,
    });
    const throttled = p.metrics['throttled'] ?? 0;
    const forwarded = p.metrics['forwarded'] ?? 0;
    expect(throttled + forwarded).toBe(1000);
    expect(p.failed[THROTTLED]).toBe(throttled);
    expect(s.arrivals).toBe(forwarded);
    // Expected forwarded: Σ 1/(n+1) for n < 1000 ≈ 7.5.
    expect(forwarded).toBeGreaterThanOrEqual(2);
    expect(forwarded).toBeLessThanOrEqual(20);
    expect(p.metrics['accepted'] ?? 0).toBe(0);
    expect(p.metrics['pushedBack']).toBe(forwarded - 1); // the first one is still running
    expect(p.failed['queue-full']).toBe(forwarded - 1);
    // The first request sees an empty window; the second already sees p = 1/2.
    expect(events).toEqual(['throttle.engaged@10']);
    expect(label()).toEqual({ text: 'throttling 100%', tone: 'bad' });
    const figures = adaptiveThrottleKind.report?.({
      arrivals: p.arrivals,
      completed: p.ok,
      failed: p.failed,
      metrics: p.metrics,
      elapsedMs: 10_000,
    });
    expect(figures?.['throttledShare']).toBeCloseTo(throttled / 1000, 12);
  });

  it('a failing but not overloaded backend is not throttled: its errors are accepts', () => {
    const { p, s } = run({
      proxy: throttle(),
      // Each answer is back before the next request, so no in-flight call skews the window.
      service: { serviceTime: constantMs(5), errorRate: 1 },
      ratePerSec: 100,
      durationMs: 10_000,
    });
    expect(p.metrics).toEqual({ forwarded: 1000, accepted: 1000 });
    expect(p.failed).toEqual({ error: 1000 });
    expect(s.arrivals).toBe(1000);
  });

  it('a success after the request deadline is not an accept (the client had given up)', () => {
    // The service answers in 100 ms; the client gives up after 50 ms.
    const { p } = run({
      proxy: throttle(),
      service: { serviceTime: constantMs(100), workers: 100 },
      ratePerSec: 20,
      durationMs: 10_000,
      timeoutMs: 50,
    });
    expect(p.metrics['accepted'] ?? 0).toBe(0);
    expect(p.metrics['pushedBack']).toBe(p.metrics['forwarded']);
    expect(p.metrics['throttled'] ?? 0).toBeGreaterThan(150);
  });

  it('no outgoing edge: answers no-route', () => {
    const { p } = run({ proxy: throttle(), ratePerSec: 10, durationMs: 1000, noDownstream: true });
    expect(p.failed).toEqual({ 'no-route': 10 });
  });
});

describe('load-shedder kind', () => {
  const shedder = (config: Record<string, unknown>): NodeSpec => ({
    id: 'p',
    kind: 'load-shedder',
    config,
  });

  it('is a registered resilience kind with a JSON-schema-able config', () => {
    expect(REGISTRY.get('load-shedder')).toBe(loadShedderKind);
    expect(() => z.toJSONSchema(loadShedderKind.configSchema, { io: 'input' })).not.toThrow();
    expect(SHED).toBe('shed');
  });

  it('maxOutstanding 2: sheds while two forwarded calls are unanswered, admits as they finish', () => {
    // Arrivals every 100 ms; 2 workers of 1050 ms.
    const { p, s, events, label } = run({
      proxy: shedder({ maxOutstanding: 2 }),
      service: { workers: 2, serviceTime: constantMs(1050) },
      ratePerSec: 10,
      durationMs: 2000,
    });
    // Admitted at 0, 100, 1100, 1200 ms; everything else in 0–1900 ms is shed.
    expect(s.arrivals).toBe(4);
    expect(p.metrics).toEqual({ forwarded: 4, shed: 16, shedOutstanding: 16 });
    expect(p.failed).toEqual({ [SHED]: 16 });
    expect(events).toEqual([
      'shedder.shedding@200',
      'shedder.admitting@1100',
      'shedder.shedding@1300',
    ]);
    expect(label()).toEqual({ text: 'SHEDDING', tone: 'bad' });
  });

  it('maxQueueDelayMs: keeps the expected wait near the limit at 2× overload', () => {
    // 1 worker of 100 ms (10/s) offered 20/s; shed beyond an expected 300 ms wait.
    const { p, s, sim } = run({
      proxy: shedder({ maxOutstanding: null, maxQueueDelayMs: 300 }),
      service: { workers: 1, serviceTime: constantMs(100) },
      ratePerSec: 20,
      durationMs: 20_000,
    });
    const shed = p.metrics['shedDelay'] ?? 0;
    expect(p.metrics['shedOutstanding'] ?? 0).toBe(0);
    expect(shed / p.arrivals).toBeGreaterThan(0.4);
    expect(shed / p.arrivals).toBeLessThan(0.6);
    // At most ~3 calls' worth of queue (300 ms at 10/s), so admitted calls finish in < 0.5 s.
    expect(s.maxQueueDepth).toBeLessThanOrEqual(4);
    expect(sim.nodeDetail('c').latencyMs.max).toBeLessThan(500);
    const figures = loadShedderKind.report?.({
      arrivals: p.arrivals,
      completed: p.ok,
      failed: p.failed,
      metrics: p.metrics,
      elapsedMs: 20_000,
    });
    expect(figures?.['shedShare']).toBeCloseTo(shed / p.arrivals, 12);
    expect(figures?.['shedForDelay']).toBe(shed);
  });

  it('no outgoing edge: answers no-route', () => {
    const { p } = run({ proxy: shedder({}), ratePerSec: 10, durationMs: 1000, noDownstream: true });
    expect(p.failed).toEqual({ 'no-route': 10 });
  });
});
