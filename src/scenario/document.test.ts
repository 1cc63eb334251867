import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import type { SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { defaultConfigFor, documentText, nextId, toDocument } from './document.ts';
import { idSchema } from './id-schema.ts';
import { validDocument } from './test-arbitraries.ts';
import { at, exampleDoc, groupsDoc } from './test-fixtures.ts';
import { parseScenario, parseScenarioText } from './validate.ts';

function parsed(doc: unknown): SimScenario {
  const result = parseScenario(doc, REGISTRY);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const example = () => parsed(exampleDoc());
const withGroups = () => parsed(groupsDoc());

describe('toDocument', () => {
  it('writes the fields in a fixed order', () => {
    const doc = toDocument(example());
    expect(Object.keys(doc)).toEqual([
      'format',
      'version',
      'meta',
      'seed',
      'durationMs',
      'nodes',
      'edges',
      'faults',
      'groups',
    ]);
    expect(doc.version).toBe(2);
    expect(doc.groups).toEqual([]);
    expect(Object.keys(doc.meta)).toEqual(['title', 'description', 'patterns']);
    expect(Object.keys(at(doc.nodes, 0))).toEqual(['id', 'kind', 'label', 'position', 'config']);
    expect(Object.keys(at(doc.edges, 0))).toEqual(['id', 'source', 'target', 'config']);
    expect(Object.keys(at(doc.edges, 0).config)).toEqual([
      'latency',
      'callProbability',
      'required',
      'weight',
    ]);
    expect(Object.keys(at(doc.faults, 0))).toEqual([
      'id',
      'type',
      'target',
      'startMs',
      'durationMs',
      'rate',
    ]);
  });

  it('puts fault fields in the same order however the scenario was built', () => {
    const s = example();
    s.faults = [
      { rate: 0.5, durationMs: null, startMs: 1, target: 'orders', type: 'error-rate', id: 'f1' },
    ];
    const keys = Object.keys(at(toDocument(s).faults, 0));
    expect(keys).toEqual(['id', 'type', 'target', 'startMs', 'durationMs', 'rate']);
  });

  it('writes group fields in a fixed order however the scenario was built', () => {
    const s = withGroups();
    s.groups = [
      { height: 50, width: 60, position: { y: 2, x: 1 }, label: 'Billing', id: 'billing' },
    ];
    const group = at(toDocument(s).groups, 0);
    expect(Object.keys(group)).toEqual(['id', 'label', 'position', 'width', 'height']);
    expect(Object.keys(group.position)).toEqual(['x', 'y']);
    expect(Object.keys(at(toDocument(withGroups()).groups, 1))).toEqual([
      'id',
      'label',
      'position',
      'width',
      'height',
    ]);
  });

  it('omits a label that is unset, even when the key is present', () => {
    const s = example();
    at(s.nodes, 0).label = undefined;
    const doc = toDocument(s);
    expect('label' in at(doc.nodes, 0)).toBe(false);
    expect('label' in at(doc.nodes, 1)).toBe(false);
    expect(JSON.stringify(doc)).not.toContain('undefined');
  });

  it('keeps every config field, defaults included', () => {
    const doc = toDocument(example());
    expect(at(doc.nodes, 1).config).toEqual({
      workers: 1,
      queueCapacity: null,
      serviceTime: { type: 'exponential', meanMs: 10 },
      errorRate: 0,
      callOrder: 'after-work',
      callMode: 'sequential',
    });
    expect(at(doc.edges, 0).config).toEqual({
      latency: null,
      callProbability: 1,
      required: true,
      weight: 1,
    });
  });

  it('shares nothing with the scenario', () => {
    const s = example();
    const before = structuredClone(s);
    const doc = toDocument(s);
    at(doc.nodes, 0).position.x = 999;
    (at(doc.nodes, 0).config['arrival'] as { ratePerSec: number }).ratePerSec = 1;
    at(doc.edges, 0).config.weight = 7;
    doc.meta.patterns.push('X');
    at(doc.faults, 0).startMs = 5;
    expect(s).toEqual(before);
    const g = withGroups();
    const gBefore = structuredClone(g);
    const gDoc = toDocument(g);
    at(gDoc.groups, 0).position.x = 999;
    at(gDoc.groups, 1).width = 41;
    expect(g).toEqual(gBefore);
  });

  it('parses back to the same scenario (design example, and one with groups)', () => {
    const s = example();
    expect(parsed(toDocument(s))).toEqual(s);
    const g = withGroups();
    expect(parsed(toDocument(g))).toEqual(g);
  });

  const ROUND_TRIP_RUNS = 200;
  it(
    'parses back to the same scenario (random valid documents)',
    budget(ROUND_TRIP_RUNS, 4),
    () => {
      fc.assert(
        fc.property(validDocument, (doc) => {
          const s = parsed(doc);
          const again = parsed(JSON.parse(JSON.stringify(toDocument(s))));
          expect(again).toEqual(s);
          // A second trip changes nothing at all, down to the text.
          expect(documentText(again)).toBe(documentText(s));
        }),
        { numRuns: ROUND_TRIP_RUNS },
      );
    },
  );
});

describe('documentText', () => {
  it('is pretty JSON with a trailing newline that reads back to the scenario', () => {
    const s = example();
    const text = documentText(s);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "faultline-scenario",\n');
    const back = parseScenarioText(text, REGISTRY);
    expect(back.ok && back.scenario).toEqual(s);
  });
});

describe('nextId', () => {
  it('returns the prefix when it is free', () => {
    expect(nextId('service', [])).toBe('service');
    expect(nextId('service', ['service-2', 'db'])).toBe('service');
  });

  it('counts up from 2 past every taken id', () => {
    expect(nextId('service', ['service'])).toBe('service-2');
    expect(nextId('service', new Set(['service', 'service-2', 'service-3']))).toBe('service-4');
    expect(nextId('service', ['service', 'service-3'])).toBe('service-2');
  });

  it('accepts any iterable, including a generator', () => {
    function* ids() {
      yield 'e';
      yield 'e-2';
    }
    expect(nextId('e', ids())).toBe('e-3');
  });

  it('stays a valid id when the prefix is already at the length limit', () => {
    const long = 'x'.repeat(64);
    const id = nextId(long, [long]);
    expect(id).toBe(`${'x'.repeat(62)}-2`);
    expect(idSchema.safeParse(id).success).toBe(true);
  });

  // fast-check's default number of runs, named so the budget can count it.
  const RUNS = 100;
  it('is always unique', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'a-2', 'a-3', 'a-5', 'b', 'b-2')), (taken) => {
        const id = nextId('a', taken);
        expect(taken).not.toContain(id);
        expect(id).toMatch(/^a(-\d+)?$/);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('defaultConfigFor', () => {
  const kinds = REGISTRY.kinds().map((d) => d.kind);

  it.each(kinds)('gives a complete, valid config for %s', (kind) => {
    const config = defaultConfigFor(kind, REGISTRY);
    const def = REGISTRY.get(kind);
    expect(def?.configSchema.parse(config)).toEqual(config); // already complete
    const result = parseScenario(
      {
        format: 'faultline-scenario',
        version: 2,
        durationMs: 1000,
        nodes: [{ id: 'n', kind, config }],
      },
      REGISTRY,
    );
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('returns a fresh object every time', () => {
    const a = defaultConfigFor('service', REGISTRY);
    a['workers'] = 99;
    expect(defaultConfigFor('service', REGISTRY)['workers']).toBe(1);
  });

  it('throws for a kind the registry does not know (a programming error)', () => {
    expect(() => defaultConfigFor('nope', REGISTRY)).toThrow('unknown kind "nope"');
  });
});
