import { describe, expect, it } from 'vitest';
import { parseFault } from '../fault-parse.ts';
import { createRegistry } from '../kind.ts';

// Every core fault type's schema as a document (and a live patch) sees it: defaults, bounds,
// cross-field rules and unknown fields, with the paths and sentences people read.

const registry = createRegistry([]);
const base = { id: 'f', target: 'api', startMs: 0 };

function parse(input: unknown) {
  const r = parseFault(input, registry);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
  return r.fault;
}

function errors(input: unknown): string[] {
  const r = parseFault(input, registry);
  if (r.ok) return [];
  // One sentence per field, as the document validator reports them.
  const byPath = new Map<string, string>();
  for (const i of r.issues) {
    const path = ['faults[0]', ...i.path].join('.');
    if (!byPath.has(path)) byPath.set(path, `${path}: ${i.message}`);
  }
  return [...byPath.values()];
}

describe('core fault types', () => {
  it('applies defaults', () => {
    expect(parse({ ...base, type: 'capacity' })).toEqual({
      ...base,
      type: 'capacity',
      durationMs: null,
      factor: 0.5,
      workers: null,
    });
    expect(parse({ ...base, type: 'traffic-spike' })).toMatchObject({ multiplier: 5 });
    expect(parse({ ...base, type: 'latency', addMs: 50 })).toMatchObject({
      addMs: 50,
      multiplier: 1,
    });
  });

  it('a latency fault must change something', () => {
    expect(errors({ ...base, type: 'latency' })).toEqual([
      'faults[0].addMs: a latency fault must set addMs > 0 or multiplier > 1 (both default to no change)',
    ]);
    expect(errors({ ...base, type: 'latency', multiplier: 2 })).toEqual([]);
  });

  it('checks each type’s own fields', () => {
    expect(errors({ ...base, type: 'error-rate', rate: 1.5 })).toEqual([
      'faults[0].rate: must be a number ≤ 1 (got 1.5)',
    ]);
    expect(errors({ ...base, type: 'edge-latency', addMs: 0 })).toEqual([
      'faults[0].addMs: must be a number > 0 (got 0)',
    ]);
    expect(errors({ ...base, type: 'capacity', workers: 1.5 })).toEqual([
      'faults[0].workers: must be an integer (got 1.5)',
    ]);
    expect(errors({ ...base, type: 'crash', durationMs: 0 })).toEqual([
      'faults[0].durationMs: must be a number > 0 (got 0)',
    ]);
    expect(errors({ ...base, type: 'crash', rate: 1 })).toEqual([
      'faults[0]: unknown field "rate"; expected one of: id, target, startMs, durationMs, type',
    ]);
  });

  it('names an unknown type and the known ones, and still checks the common fields', () => {
    expect(errors({ ...base, type: 'explode', startMs: -1 })).toEqual([
      'faults[0].startMs: must be a number ≥ 0 (got -1)',
      'faults[0].type: unknown fault type "explode"; known fault types: crash, hang, error-rate, latency, capacity, partition, edge-latency, traffic-spike, poison',
    ]);
    expect(errors({ ...base })).toEqual(['faults[0].type: is required (a string)']);
    expect(errors('crash')).toEqual(['faults[0]: must be an object (got "crash")']);
  });

  it('rejects bad ids with a readable message', () => {
    expect(errors({ ...base, id: 'a b', type: 'crash' })).toEqual([
      'faults[0].id: may contain only letters, digits and _ . : - (got "a b")',
    ]);
    expect(errors({ ...base, id: '', type: 'crash' })).toEqual(['faults[0].id: must not be empty']);
    expect(errors({ ...base, id: 'x'.repeat(65), type: 'crash' })).toEqual([
      'faults[0].id: must be at most 64 characters (got 65)',
    ]);
  });

  it('every type declares a label, a badge word, a summary and a fold for its target', () => {
    for (const def of registry.faultTypes()) {
      expect(def.label).toMatch(/^[a-z][a-z -]*$/);
      expect(def.badge.length).toBeGreaterThan(0);
      const fold = def.targets === 'edge' ? def.foldEdge : def.foldNode;
      expect(fold, def.type).toBeTypeOf('function');
      const sample: Record<string, unknown> = { rate: 0.5, addMs: 10, multiplier: 2, factor: 0.5 };
      const params = def.params.parse(
        Object.fromEntries(
          Object.keys(def.params.shape).flatMap((k) => (k in sample ? [[k, sample[k]]] : [])),
        ),
      );
      expect(def.summary(params)).toMatch(/^[A-Z]/);
    }
  });
});
