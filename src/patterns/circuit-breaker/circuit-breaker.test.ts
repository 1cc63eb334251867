import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { circuitBreakerKind } from './circuit-breaker.ts';

/**
 * Client "c" (constant 10/s: requests at 0, 100, … 9900 ms) → breaker "b" → service "s"
 * (1 worker, constant 10 ms), no edge latency, for 10 s.
 */
function run(
  opts: { breaker?: Record<string, unknown>; faults?: SimFault[]; noDownstream?: boolean } = {},
) {
  const nodes: NodeSpec[] = [
    { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
    { id: 'b', kind: 'circuit-breaker', config: opts.breaker ?? {} },
    { id: 's', kind: 'service', config: { serviceTime: { type: 'constant', valueMs: 10 } } },
  ];
  const spec = {
    seed: 3,
    durationMs: 10_000,
    nodes,
    edges: [
      { source: 'c', target: 'b' },
      ...(opts.noDownstream ? [] : [{ source: 'b', target: 's' }]),
    ],
    faults: opts.faults ?? [],
  };
  const events: TraceEvent[] = [];
  const sim = createSimulation(buildScenario(spec, REGISTRY), {
    registry: REGISTRY,
    trace: (e) => {
      if (e.type.startsWith('breaker.')) events.push(e);
    },
  });
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  const transitions = events.map((e) => `${e.type}@${e.timeUs / 1000}`);
  return { sim, transitions, b: sim.nodeDetail('b'), s: sim.nodeDetail('s') };
}

const crash = (startMs: number, durationMs: number | null): SimFault => ({
  id: 'crash',
  type: 'crash',
  target: 's',
  startMs,
  durationMs,
});

describe('circuit-breaker kind', () => {
  it('is registered, in the resilience category, with a JSON-schema-able config', () => {
    expect(REGISTRY.get('circuit-breaker')).toBe(circuitBreakerKind);
    expect(circuitBreakerKind.category).toBe('resilience');
    const schema = z.toJSONSchema(circuitBreakerKind.configSchema, {
      io: 'input',
      unrepresentable: 'any',
    });
    expect(Object.keys(schema.properties ?? {})).toContain('waitDurationInOpenMs');
  });

  it('healthy downstream: relays every call and stays closed the whole run', () => {
    const { b, s, transitions } = run();
    expect(b).toMatchObject({ arrivals: 100, ok: 100, failed: {} });
    expect(s.arrivals).toBe(100);
    expect(b.metrics['rejected'] ?? 0).toBe(0);
    expect(b.metrics['opened'] ?? 0).toBe(0);
    expect(b.latencyMs.mean).toBe(10);
    expect(transitions).toEqual([]);
    // Time counted up to the last event (the last response at 9910 ms).
    expect(b.metrics['state.closedMs']).toBe(9910);
  });

  it('no outgoing edge: answers no-route', () => {
    const { b } = run({ noDownstream: true });
    expect(b).toMatchObject({ arrivals: 100, ok: 0, failed: { 'no-route': 100 } });
  });

  it('dead downstream: 5 consecutive failures open it, then every call fails fast (circuit-open)', () => {
    const { b, s, transitions, sim } = run({ faults: [crash(0, null)] });
    // Calls at 0 … 400 ms are refused by the service; the 5th refusal opens the breaker.
    expect(s.arrivals).toBe(5);
    expect(b.failed).toEqual({ refused: 5, 'circuit-open': 95 });
    expect(b.metrics['rejected']).toBe(95);
    expect(b.metrics['opened']).toBe(1);
    expect(transitions).toEqual(['breaker.opened@400']);
    // Fast failures take no time; the failures relay the downstream cause.
    expect(sim.nodeDetail('c').failed).toEqual({ refused: 5, 'circuit-open': 95 });
  });

  it('"first-failure": OPEN → HALF_OPEN after the wait; a failed probe re-opens, 2 good probes close it', () => {
    // Service down 0–5 s; breaker waits 2 s when open.
    const { b, s, transitions } = run({
      breaker: { waitDurationInOpenMs: 2000, halfOpenDecision: 'first-failure' },
      faults: [crash(0, 5000)],
    });
    expect(transitions).toEqual([
      'breaker.opened@400',
      'breaker.half-open@2400',
      'breaker.opened@2400',
      'breaker.half-open@4400',
      'breaker.opened@4400',
      'breaker.half-open@6400',
      'breaker.closed@6510',
    ]);
    expect(b.metrics['opened']).toBe(3);
    // Refused: 0…400 (5) and the probes at 2400 and 4400; all the rest of 0…6300 failed fast.
    expect(b.failed).toEqual({ refused: 7, 'circuit-open': 57 });
    expect(s.arrivals).toBe(100 - 57);
    expect(b.metrics['state.openMs']).toBe(6000);
    expect(b.metrics['state.halfOpenMs']).toBe(110);
    expect(b.metrics['state.closedMs']).toBe(400 + (9910 - 6510));
  });

  it('"rate" (default): HALF_OPEN waits for all 3 probes; 3 refused re-open it, 3 good ones close it', () => {
    // Service down 0–5 s; breaker waits 2 s when open.
    const { b, s, transitions } = run({
      breaker: { waitDurationInOpenMs: 2000 },
      faults: [crash(0, 5000)],
    });
    expect(transitions).toEqual([
      'breaker.opened@400',
      'breaker.half-open@2400',
      'breaker.opened@2600',
      'breaker.half-open@4600',
      'breaker.opened@4800',
      'breaker.half-open@6800',
      'breaker.closed@7010',
    ]);
    // Refused: 0…400 (5) and the probes at 2400–2600 and 4600–4800; the rest up to 6700 fast.
    expect(b.failed).toEqual({ refused: 11, 'circuit-open': 57 });
    expect(s.arrivals).toBe(100 - 57);
    expect(b.metrics['state.openMs']).toBe(6000);
    expect(b.metrics['state.halfOpenMs']).toBe(200 + 200 + 210);
  });

  it('HALF_OPEN admits exactly permittedCallsInHalfOpen probes and rejects the rest', () => {
    // A slow service (300 ms) keeps probes in flight: at 10/s the 4th call of half-open waits.
    const { transitions, b } = run({
      breaker: { waitDurationInOpenMs: 2000, permittedCallsInHalfOpen: 2, successesToClose: 2 },
      faults: [
        crash(0, 2000),
        {
          id: 'slow',
          type: 'latency',
          target: 's',
          startMs: 2000,
          durationMs: null,
          addMs: 290,
          multiplier: 1,
        },
      ],
    });
    // Probes at 2400 and 2500 share the service's one worker (answered at 2700 and 3000);
    // the calls at 2600 … 2900 fail fast although one probe has already succeeded.
    expect(transitions).toEqual([
      'breaker.opened@400',
      'breaker.half-open@2400',
      'breaker.closed@3000',
    ]);
    expect(b.metrics['rejected']).toBe(19 + 4);
  });
});
