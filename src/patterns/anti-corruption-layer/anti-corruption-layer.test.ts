import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type SimFault } from '../../engine/index.ts';
import { buildScenario } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { antiCorruptionLayerKind } from './anti-corruption-layer.ts';

// The layer's partners are kinds of their own folders, looked up by id like any document does.
function kindOf(id: string) {
  const def = REGISTRY.get(id);
  if (!def) throw new Error(`kind ${id} is not registered`);
  return def;
}
const legacySystemKind = kindOf('legacy-system');
const domainServiceKind = kindOf('domain-service');

/**
 * Client (constant 100/s, 10 s) → domain service "d" (constant 1 ms) → [ACL "acl"] → legacy
 * system "l" (constant 10 ms), no edge latency.
 */
function run(opts: {
  acl?: Record<string, unknown> | null;
  legacy?: Record<string, unknown>;
  faults?: SimFault[];
}) {
  const withAcl = opts.acl !== null;
  const sim = createSimulation(
    buildScenario(
      {
        seed: 9,
        durationMs: 10_000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 100 } } },
          {
            id: 'd',
            kind: 'domain-service',
            config: { serviceTime: { type: 'constant', valueMs: 1 } },
          },
          ...(withAcl
            ? [{ id: 'acl', kind: 'anti-corruption-layer', config: opts.acl ?? {} }]
            : []),
          {
            id: 'l',
            kind: 'legacy-system',
            config: { serviceTime: { type: 'constant', valueMs: 10 }, ...opts.legacy },
          },
        ],
        edges: withAcl
          ? [
              { source: 'c', target: 'd' },
              { source: 'd', target: 'acl' },
              { source: 'acl', target: 'l' },
            ]
          : [
              { source: 'c', target: 'd' },
              { source: 'd', target: 'l' },
            ],
        faults: opts.faults ?? [],
      },
      REGISTRY,
    ),
    { registry: REGISTRY },
  );
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  return sim;
}

describe('anti-corruption layer kinds', () => {
  it('are registered with JSON-schema-able configs and their defaults', () => {
    for (const kind of [antiCorruptionLayerKind, legacySystemKind, domainServiceKind]) {
      expect(REGISTRY.get(kind.kind)).toBe(kind);
      expect(() => z.toJSONSchema(kind.configSchema, { io: 'input' })).not.toThrow();
    }
    expect(antiCorruptionLayerKind.configSchema.parse({})).toEqual({ translationMs: 2 });
    // Undocumented answers come from a legacy-format fault; the config share is off by default.
    expect(legacySystemKind.configSchema.parse({})).toMatchObject({ unexpectedFormatRate: 0 });
    expect(legacySystemKind.kindFaults?.map((f) => f.type)).toEqual(['legacy-format']);
  });

  it('without the layer: the consumer fails bad-format on exactly the undocumented answers', () => {
    const sim = run({ acl: null, legacy: { unexpectedFormatRate: 0.2 } });
    const l = sim.nodeDetail('l').metrics;
    const d = sim.nodeDetail('d');
    expect(l['legacyAnswers']).toBe(999);
    expect(l['unexpectedFormat']).toBeGreaterThan(160);
    expect(l['unexpectedFormat']).toBeLessThan(240);
    expect(d.failed).toEqual({ 'bad-format': l['unexpectedFormat'] });
    expect(d.metrics['badFormat']).toBe(l['unexpectedFormat']);
    expect(d.metrics['understood']).toBe(999 - (l['unexpectedFormat'] ?? 0));
    // Latency: 10 ms legacy + 1 ms own work.
    expect(d.latencyMs.max).toBe(11);
  });

  it('with the layer: no consumer failure, the same answers defaulted, +2 ms per answer', () => {
    const without = run({ acl: null, legacy: { unexpectedFormatRate: 0.2 } });
    const sim = run({ acl: {}, legacy: { unexpectedFormatRate: 0.2 } });
    const unexpected = sim.nodeDetail('l').metrics['unexpectedFormat'];
    // Same seed, same streams: the same answers are undocumented in both runs.
    expect(unexpected).toBe(without.nodeDetail('l').metrics['unexpectedFormat']);
    const acl = sim.nodeDetail('acl');
    expect(acl.metrics).toMatchObject({
      translated: 999,
      defaulted: unexpected,
      translationMs: 1998,
    });
    expect(sim.nodeDetail('d').failed).toEqual({});
    expect(sim.nodeDetail('d').metrics['badFormat'] ?? 0).toBe(0);
    expect(sim.nodeDetail('c').latencyMs.max).toBe(13);
    expect(sim.nodeDetail('c').latencyMs.mean).toBe(13);
    const report = antiCorruptionLayerKind.report?.({
      arrivals: acl.arrivals,
      completed: acl.ok,
      failed: acl.failed,
      metrics: acl.metrics,
      elapsedMs: 10_000,
    });
    expect(report?.['meanTranslationMs']).toBe(2);
    expect(report?.['defaultedShare']).toBeCloseTo((unexpected ?? 0) / 999, 10);
  });

  it('relays legacy failures untranslated and at no cost; translationMs 0 answers at once', () => {
    const sim = run({
      acl: { translationMs: 0 },
      legacy: { errorRate: 1 },
    });
    expect(sim.nodeDetail('d').failed).toEqual({ error: 999 });
    expect(sim.nodeDetail('acl').metrics['translated'] ?? 0).toBe(0);
    const free = run({ acl: { translationMs: 0 } });
    expect(free.nodeDetail('c').latencyMs.max).toBe(11);
  });

  it('a crash of the legacy system fails the work in progress with refused', () => {
    const sim = run({
      acl: null,
      faults: [{ id: 'x', type: 'crash', target: 'l', startMs: 5005, durationMs: null }],
    });
    // Requests 0 … 4990 ms answered; the one at 5000 ms was in progress: refused at 5010 ms.
    expect(sim.nodeDetail('l').metrics['legacyAnswers']).toBe(500);
    expect(sim.nodeDetail('l').failed).toEqual({ refused: 500 });
  });
});

describe('legacy-format fault on a legacy system', () => {
  const fault = (rate: number, startMs: number, durationMs: number | null): SimFault => ({
    id: 'lf',
    type: 'legacy-format',
    target: 'l',
    startMs,
    durationMs,
    rate,
  });

  it('by default every answer is documented: nothing fails without the layer', () => {
    const sim = run({ acl: null });
    expect(sim.nodeDetail('l').metrics['unexpectedFormat'] ?? 0).toBe(0);
    expect(sim.nodeDetail('d').failed).toEqual({});
  });

  it('rate 1 from 3000 ms for 2000 ms: exactly the 200 answers inside the window fail bad-format', () => {
    const sim = run({ acl: null, faults: [fault(1, 3000, 2000)] });
    // Calls of 2990 … 4980 ms are answered at 3000 … 4990 ms, inside [3000, 5000).
    expect(sim.nodeDetail('l').metrics['unexpectedFormat']).toBe(200);
    expect(sim.nodeDetail('d').failed).toEqual({ 'bad-format': 200 });
    const perSecond = sim.series('d', 'recent').fields['failed:bad-format'] ?? [];
    expect(perSecond.slice(0, 7)).toEqual([0, 0, 0, 100, 100, 0, 0]);
  });

  it('the larger of the config share and the fault rate applies', () => {
    const both = run({
      acl: null,
      legacy: { unexpectedFormatRate: 1 },
      faults: [fault(0.1, 0, null)],
    });
    expect(both.nodeDetail('l').metrics['unexpectedFormat']).toBe(999);
    const faultWins = run({
      acl: null,
      legacy: { unexpectedFormatRate: 0.05 },
      faults: [fault(1, 0, null)],
    });
    expect(faultWins.nodeDetail('l').metrics['unexpectedFormat']).toBe(999);
  });

  it('with the layer the faulted answers are defaulted and nobody fails', () => {
    const sim = run({ acl: {}, faults: [fault(1, 3000, 2000)] });
    expect(sim.nodeDetail('acl').metrics).toMatchObject({ translated: 999, defaulted: 200 });
    expect(sim.nodeDetail('d').failed).toEqual({});
  });
});
