import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimFault } from '../engine/index.ts';
import { budget } from '../engine/testing/budget.ts';
import { REGISTRY } from './registry.ts';
import { parseScenario } from './validate.ts';

// One rule for faults: for every registered fault type, with random parameters and targets,
// the document validator and the live patch check accept and refuse exactly the same faults.

const RUNS = 600;
/** Each run validates one document and builds one simulation: ~4 ms on the project's machine. */
const RUN_MS = 4;

const base = {
  format: 'faultline-scenario',
  version: 2,
  seed: 7,
  durationMs: 60_000,
  nodes: [
    { id: 'users', kind: 'client' },
    { id: 'api', kind: 'service' },
    { id: 'crm', kind: 'legacy-system' },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'api' },
    { id: 'e2', source: 'api', target: 'crm' },
  ],
};

const baseScenario = (() => {
  const r = parseScenario(base, REGISTRY);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
})();

/** Values around and beyond any bound a parameter may have, and values of the wrong type. */
const paramValue = fc.oneof(
  fc.constantFrom(0, 1, -1, 0.5, 1.5, 2, 5, 100, 1000, 2000, 1e6, null, 'x', true),
  fc.double({ min: -10, max: 3000, noDefaultInfinity: true }),
  fc.integer({ min: -5, max: 20_000 }),
);

const faultArb = fc
  .record({
    def: fc.constantFrom(...REGISTRY.faultTypes()),
    target: fc.constantFrom('users', 'api', 'crm', 'e1', 'e2', 'nowhere'),
    startMs: fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.constantFrom(-1, 0.5)),
    durationMs: fc.oneof(fc.constant(null), fc.integer({ min: -1, max: 30_000 })),
    values: fc.dictionary(
      fc.constantFrom('rate', 'addMs', 'multiplier', 'factor', 'workers', 'extra'),
      paramValue,
      { maxKeys: 4 },
    ),
    keepOwn: fc.boolean(),
  })
  .map(({ def, target, startMs, durationMs, values, keepOwn }) => {
    // Mostly the type's own fields (so many faults are valid); sometimes strays too.
    const own = new Set(Object.keys(def.params.shape));
    const params = Object.fromEntries(
      Object.entries(values).filter(([k]) => !keepOwn || own.has(k)),
    );
    return { id: 'f-live', target, type: def.type, startMs, durationMs, ...params } as SimFault;
  });

describe('fault types: one rule for documents and live patches', () => {
  it(
    `accept and refuse the same faults (${RUNS} random faults over every registered type)`,
    budget(RUNS, RUN_MS),
    () => {
      let accepted = 0;
      fc.assert(
        fc.property(faultArb, (fault) => {
          const doc = parseScenario({ ...base, faults: [fault] }, REGISTRY);
          const sim = createSimulation(baseScenario, { registry: REGISTRY });
          const live = sim.patch({ type: 'fault-add', fault });
          expect({ fault, live: live.ok }).toEqual({ fault, live: doc.ok });
          if (doc.ok) {
            accepted++;
            // Both apply the same defaults: the live engine runs the document's fault.
            expect(doc.scenario.faults[0]).toEqual({ ...doc.scenario.faults[0], ...fault });
          }
        }),
        { numRuns: RUNS, seed: 20261207 },
      );
      // The generator reaches both verdicts often enough for the comparison to mean something.
      expect(accepted).toBeGreaterThan(RUNS / 20);
      expect(accepted).toBeLessThan(RUNS - RUNS / 20);
    },
  );

  it('a traffic spike ×1000 (the largest) is accepted by both, ×2000 refused by both', () => {
    const fault = {
      id: 'spike',
      target: 'users',
      type: 'traffic-spike',
      startMs: 0,
      durationMs: null,
      multiplier: 1000,
    };
    expect(parseScenario({ ...base, faults: [fault] }, REGISTRY).ok).toBe(true);
    const sim = createSimulation(baseScenario, { registry: REGISTRY });
    expect(sim.patch({ type: 'fault-add', fault })).toEqual({ ok: true });
    const twice = { ...fault, id: 'spike-2', multiplier: 2000 };
    const doc = parseScenario({ ...base, faults: [twice] }, REGISTRY);
    expect(doc.ok ? [] : doc.errors).toEqual([
      { path: 'faults[0].multiplier', message: 'must be a number ≤ 1000 (got 2000)' },
    ]);
    expect(sim.patch({ type: 'fault-add', fault: twice })).toEqual({
      ok: false,
      errors: ['fault spike-2.multiplier: must be a number ≤ 1000 (got 2000)'],
    });
  });
});
