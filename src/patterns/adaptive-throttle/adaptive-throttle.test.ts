import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { constantMs, runProxy } from '../testing/proxy-harness.ts';

import { adaptiveThrottleKind, isAccept, NOT_ACCEPTED_CLASSES } from './adaptive-throttle.ts';
import { THROTTLED } from '../kit/index.ts';

/** The proxy's own trace events are collected. */
const run = (opts: Parameters<typeof runProxy>[0]) => runProxy({ traces: ['throttle.'], ...opts });

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
    expect(adaptiveThrottleKind.causes).toEqual([THROTTLED]);
    expect(THROTTLED).toMatchObject({ cause: 'throttled', class: 'policy-refusal' });
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
    expect(NOT_ACCEPTED_CLASSES).toEqual(['overload-refusal', 'policy-refusal', 'caller-gone']);
    // Over every cause the registry knows: exactly today's list.
    const pushedBack = REGISTRY.causes()
      .map((c) => c.cause)
      .filter((c) => !isAccept(false, c, false, REGISTRY));
    expect(pushedBack.sort()).toEqual([
      'broker-full',
      'bulkhead-full',
      'queue-full',
      'rate-limited',
      'shed',
      'throttled',
      'timeout',
    ]);
    expect(isAccept(true, '', false, REGISTRY)).toBe(true);
    // The backend took the work: an error, a refusal, an open breaker downstream are accepts.
    for (const c of ['error', 'refused', 'circuit-open', 'no-route', 'not-declared']) {
      expect(isAccept(false, c, false, REGISTRY)).toBe(true);
    }
    // After the deadline nothing is an accept: the client already saw a timeout.
    expect(isAccept(true, '', true, REGISTRY)).toBe(false);
    expect(isAccept(false, 'error', true, REGISTRY)).toBe(false);
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
    expect(p.failed[THROTTLED.cause]).toBe(throttled);
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
