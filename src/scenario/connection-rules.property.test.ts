import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { DEFAULT_EDGE_CONFIG, maxOutputs, outputsOf, type SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { canConnect } from './connection-rules.ts';
import { defaultConfigFor } from './document.ts';
import { parseScenario } from './validate.ts';

// One rule set: whatever edge is tried on whatever document, the editor's check and the
// document validator (imports, links, the CLI and live edits all parse through it) agree.

const KINDS = REGISTRY.kinds().map((d) => d.kind);

/** Kinds that make the rules bite: a source, a sink, a one-downstream proxy, open kinds. */
const kindsUsed = (() => {
  const pick = (test: (kind: string) => boolean) => KINDS.filter(test);
  const def = (kind: string) => REGISTRY.get(kind);
  const sources = pick((k) => def(k)?.isSource === true);
  const sinks = pick((k) => outputsOf(def(k) ?? {}).length === 0);
  const single = pick((k) => maxOutputs(def(k) ?? {}) === 1);
  return { all: KINDS, sources, sinks, single };
})();

function emptyScenario(kinds: readonly string[]): SimScenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    meta: { title: '', description: '', patterns: [] },
    seed: 1,
    durationMs: 1000,
    nodes: kinds.map((kind, i) => ({
      id: `n${i}`,
      kind,
      position: { x: 0, y: 0 },
      config: defaultConfigFor(kind, REGISTRY),
    })),
    edges: [],
    faults: [],
    groups: [],
  };
}

const withEdge = (s: SimScenario, source: string, target: string): SimScenario => ({
  ...s,
  edges: [
    ...s.edges,
    { id: `e${s.edges.length}`, source, target, config: { ...DEFAULT_EDGE_CONFIG } },
  ],
});

/** Node ids, and now and then one that does not exist. */
const endpoint = (count: number) =>
  fc.oneof(
    { weight: 19, arbitrary: fc.nat(count - 1).map((i) => `n${i}`) },
    { weight: 1, arbitrary: fc.constant('ghost') },
  );

const session = fc
  .array(fc.constantFrom(...kindsUsed.all), { minLength: 1, maxLength: 9 })
  .chain((kinds) =>
    fc.record({
      kinds: fc.constant(kinds),
      attempts: fc.array(fc.tuple(endpoint(kinds.length), endpoint(kinds.length)), {
        maxLength: 30,
      }),
    }),
  );

const REFUSALS: [string, RegExp][] = [
  ['ghost', /^There is no component/],
  ['self', /cannot call itself/],
  ['into a source', /only send requests/],
  ['out of a sink', /does not call other components/],
  ['duplicate', /already calls/],
  ['one downstream', /calls one downstream/],
  ['loop', /would create a loop/],
];

describe('one set of connection rules', () => {
  it('the registry offers every kind of refusal to the property below', () => {
    expect(kindsUsed.sources.length).toBeGreaterThan(0);
    expect(kindsUsed.sinks.length).toBeGreaterThan(0);
    expect(kindsUsed.single.length).toBeGreaterThan(0);
  });

  // Each attempt: one canConnect and one parse of a document of ≤ 9 nodes and ≤ 30 edges.
  const RUNS = 200;
  const ATTEMPTS = 30;
  it(
    'the editor and the document validator accept and refuse exactly the same edges',
    budget(RUNS * ATTEMPTS, 0.5),
    () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(session, ({ kinds, attempts }) => {
          let s = emptyScenario(kinds);
          expect(parseScenario(s, REGISTRY).ok).toBe(true);
          for (const [source, target] of attempts) {
            const editor = canConnect(s, source, target, REGISTRY);
            const next = withEdge(s, source, target);
            const doc = parseScenario(next, REGISTRY);
            expect(doc.ok, `${source} → ${target}`).toBe(editor.ok);
            if (!doc.ok) {
              // Refused on the new edge, and only there: the rest was valid.
              const edge = `edges[${s.edges.length}]`;
              for (const e of doc.errors) expect(e.path.startsWith(edge), e.path).toBe(true);
            }
            if (!editor.ok) {
              for (const [rule, pattern] of REFUSALS)
                if (pattern.test(editor.reason)) seen.add(rule);
            }
            if (editor.ok) s = next;
          }
        }),
        { numRuns: RUNS },
      );
      // The runs met every kind of refusal.
      expect([...seen].sort()).toEqual(REFUSALS.map(([rule]) => rule).sort());
    },
  );

  // Each run parses the document and one shuffled copy of it.
  const ORDER_RUNS = 200;
  it(
    "a document's validity does not depend on the order of its edges; dropping the reported edges leaves a valid one",
    budget(ORDER_RUNS * 3, 2),
    () => {
      fc.assert(
        fc.property(session, fc.infiniteStream(fc.nat()), ({ kinds, attempts }, randoms) => {
          // Every attempt kept, valid or not: the document an editor could never draw.
          const base = emptyScenario(kinds);
          const edges = attempts
            .filter(([a, b]) => a !== 'ghost' && b !== 'ghost')
            .map(([source, target], i) => ({
              id: `e${i}`,
              source,
              target,
              config: { ...DEFAULT_EDGE_CONFIG },
            }));
          const shuffled = [...edges];
          const random = randoms[Symbol.iterator]();
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (random.next().value as number) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]] as [never, never];
          }
          const a = parseScenario({ ...base, edges }, REGISTRY);
          const b = parseScenario({ ...base, edges: shuffled }, REGISTRY);
          expect(a.ok).toBe(b.ok);
          if (a.ok) return;
          const reported = new Set(
            a.errors.map((e) => /^edges\[(\d+)\]/.exec(e.path)?.[1]).map(Number),
          );
          const kept = edges.filter((_, i) => !reported.has(i));
          expect(parseScenario({ ...base, edges: kept }, REGISTRY)).toMatchObject({ ok: true });
        }),
        { numRuns: ORDER_RUNS },
      );
    },
  );
});
