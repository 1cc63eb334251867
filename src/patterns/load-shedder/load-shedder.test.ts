import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { constantMs, runProxy } from '../testing/proxy-harness.ts';

import { loadShedderKind } from './load-shedder.ts';
import { SHED } from '../kit/index.ts';

/** The proxy's own trace events are collected. */
const run = (opts: Parameters<typeof runProxy>[0]) => runProxy({ traces: ['shedder.'], ...opts });

describe('load-shedder kind', () => {
  const shedder = (config: Record<string, unknown>): NodeSpec => ({
    id: 'p',
    kind: 'load-shedder',
    config,
  });

  it('is a registered resilience kind with a JSON-schema-able config', () => {
    expect(REGISTRY.get('load-shedder')).toBe(loadShedderKind);
    expect(() => z.toJSONSchema(loadShedderKind.configSchema, { io: 'input' })).not.toThrow();
    expect(loadShedderKind.causes).toEqual([SHED]);
    expect(SHED).toMatchObject({ cause: 'shed', class: 'policy-refusal' });
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
    expect(p.failed).toEqual({ [SHED.cause]: 16 });
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
