import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { causeMatches } from '../kit/index.ts';
import { DEFAULT_FALLBACK_ON, fallbackConfigSchema } from './config.ts';
import { fallbackKind } from './fallback.ts';

/**
 * Client "c" (constant 10/s: requests at 0, 100, … 2900 ms) → fallback "f" → service "s"
 * (1 worker, constant 10 ms), for 3 s.
 */
function run(
  fallback: Record<string, unknown>,
  opts: { faults?: SimFault[]; noDownstream?: boolean } = {},
) {
  const events: string[] = [];
  const sim = createSimulation(
    buildScenario(
      {
        seed: 1,
        durationMs: 3000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
          { id: 'f', kind: 'fallback', config: fallback },
          { id: 's', kind: 'service', config: { serviceTime: { type: 'constant', valueMs: 10 } } },
        ],
        edges: [
          { source: 'c', target: 'f' },
          ...(opts.noDownstream ? [] : [{ source: 'f', target: 's' }]),
        ],
        faults: opts.faults ?? [],
      },
      REGISTRY,
    ),
    {
      registry: REGISTRY,
      trace: (e: TraceEvent) => {
        if (e.type.startsWith('fallback.')) events.push(`${e.type}@${e.timeUs / 1000}:${e.cause}`);
      },
    },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return { f: sim.nodeDetail('f'), c: sim.nodeDetail('c'), events };
}

/** The service is down (connection refused) from 1 s to 2 s. */
const crash: SimFault = { id: 'down', type: 'crash', target: 's', startMs: 1000, durationMs: 1000 };
const errors: SimFault = {
  id: 'errors',
  type: 'error-rate',
  target: 's',
  startMs: 1000,
  durationMs: 1000,
  rate: 1,
};

describe('fallback kind', () => {
  it('is registered, in the resilience category; defaults cover the usual failure causes', () => {
    expect(REGISTRY.get('fallback')).toBe(fallbackKind);
    expect(fallbackKind.category).toBe('resilience');
    expect(fallbackConfigSchema.parse({})).toEqual({
      fallbackOn: [
        'dependency-failure',
        'caller-gone',
        'overload-refusal',
        'policy-refusal',
        'fast-failure',
        'no-route',
      ],
      fallbackLatencyMs: 0,
    });
    // Each parse gets its own list (a live edit never aliases the defaults).
    expect(fallbackConfigSchema.parse({}).fallbackOn).not.toBe(DEFAULT_FALLBACK_ON);
    const schema = z.toJSONSchema(fallbackConfigSchema, { io: 'input' });
    expect(schema.properties?.['fallbackOn']).toMatchObject({ type: 'array' });
  });

  it("the default covers today's causes and, newly, shed, throttled, no-healthy-target and bad-format; never a client error", () => {
    const covered = REGISTRY.causes()
      .map((c) => c.cause)
      .filter((c) => causeMatches(DEFAULT_FALLBACK_ON, c, REGISTRY));
    expect(covered.sort()).toEqual(
      [
        'error',
        'timeout',
        'refused',
        'circuit-open',
        'bulkhead-full',
        'rate-limited',
        'queue-full',
        'no-route',
        'shed',
        'throttled',
        'no-healthy-target',
        'bad-format',
        'broker-full',
        'broker-unavailable',
      ].sort(),
    );
    expect(causeMatches(DEFAULT_FALLBACK_ON, 'unauthorized', REGISTRY)).toBe(false);
    expect(causeMatches(DEFAULT_FALLBACK_ON, 'poison-message', REGISTRY)).toBe(false);
  });

  it('healthy dependency: answers pass through, no fallback', () => {
    const { f, c, events } = run({});
    expect(f).toMatchObject({ arrivals: 30, ok: 30, failed: {} });
    expect(f.metrics['fallback'] ?? 0).toBe(0);
    expect(c.latencyMs.max).toBe(10);
    expect(events).toEqual([]);
  });

  it('outage (refused): the 10 failed calls become degraded successes at once', () => {
    const { f, c, events } = run({}, { faults: [crash] });
    expect(c).toMatchObject({ ok: 30, failed: {} });
    expect(f).toMatchObject({ ok: 30, failed: {} });
    expect(f.metrics).toEqual({ fallback: 10 });
    expect(events[0]).toBe('fallback.served@1000:refused');
    expect(events).toHaveLength(10);
    expect(fallbackKind.report?.({ ...f, completed: f.ok, elapsedMs: 3000 })).toEqual({
      fallback: 10,
      fallbackShare: 1 / 3,
      failuresRelayedShare: 0,
    });
  });

  it('fallbackLatencyMs: the degraded answer takes that long (a cache read)', () => {
    const { c, events } = run({ fallbackLatencyMs: 5 }, { faults: [crash] });
    expect(c.ok).toBe(30);
    expect(events[0]).toBe('fallback.served@1005:refused');
    // Healthy answers take 10 ms, degraded ones 5 ms.
    expect(c.latencyMs.mean).toBeCloseTo((20 * 10 + 10 * 5) / 30, 9);
  });

  it('a cause outside fallbackOn passes through unchanged and is counted', () => {
    const { f, c } = run({ fallbackOn: ['refused'] }, { faults: [errors] });
    expect(c).toMatchObject({ ok: 20, failed: { error: 10 } });
    expect(f.metrics).toEqual({ failuresRelayed: 10 });
    // Errors after 10 ms of work: the fallback only covers what it is told to.
    const covered = run({ fallbackOn: ['error'] }, { faults: [errors] });
    expect(covered.c).toMatchObject({ ok: 30, failed: {} });
  });

  it('no outgoing edge: no-route is covered by default, passed on when not listed', () => {
    expect(run({}, { noDownstream: true }).c).toMatchObject({ ok: 30, failed: {} });
    const bare = run({ fallbackOn: [] }, { noDownstream: true });
    expect(bare.c).toMatchObject({ ok: 0, failed: { 'no-route': 30 } });
    expect(bare.f.metrics).toEqual({ failuresRelayed: 30 });
  });
});
