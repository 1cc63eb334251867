import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createRegistry, type SimEdge, type SimNode, type SimScenario } from '../engine/index.ts';
import { ALL_KINDS, REGISTRY } from '../patterns/index.ts';
import { canConnect } from './connection-rules.ts';
import { defaultScenario } from './default-scenario.ts';
import { DEFAULT_EDGE_CONFIG } from '../engine/index.ts';
import { parseScenario } from './validate.ts';

const node = (id: string, kind: string, label?: string): SimNode => ({
  id,
  kind,
  label,
  position: { x: 0, y: 0 },
  config: {},
});

const edge = (source: string, target: string): SimEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  config: DEFAULT_EDGE_CONFIG,
});

function scenario(nodes: SimNode[], edges: [string, string][] = []): SimScenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    meta: { title: '', description: '', patterns: [] },
    seed: 1,
    durationMs: 1000,
    nodes,
    edges: edges.map(([s, t]) => edge(s, t)),
    faults: [],
    groups: [],
  };
}

const refusal = (s: SimScenario, from: string, to: string) => {
  const result = canConnect(s, from, to, REGISTRY);
  return result.ok ? 'allowed' : result.reason;
};

describe('canConnect on the default scenario', () => {
  const s = defaultScenario();

  it('allows a new call that breaks no rule', () => {
    expect(canConnect(s, 'catalog', 'orders-db', REGISTRY)).toEqual({ ok: true });
    expect(canConnect(s, 'users', 'catalog', REGISTRY)).toEqual({ ok: true });
    expect(canConnect(s, 'catalog', 'orders', REGISTRY)).toEqual({ ok: true });
  });

  it('refuses a node calling itself', () => {
    expect(refusal(s, 'orders', 'orders')).toBe('A node cannot call itself.');
  });

  it('refuses a duplicate edge', () => {
    expect(refusal(s, 'gateway', 'orders')).toBe('Gateway already calls Orders.');
  });

  it('refuses calls into a traffic source', () => {
    expect(refusal(s, 'orders', 'users')).toBe(
      'Clients only send requests; nothing can call a client.',
    );
  });

  it('refuses calls out of a database', () => {
    expect(refusal(s, 'orders-db', 'catalog')).toBe('A database does not call other components.');
    expect(REGISTRY.get('database')?.outputs).toEqual([]);
  });

  it('refuses calls out of a legacy system (it only answers)', () => {
    const s2 = scenario([node('crm', 'legacy-system', 'CRM'), node('svc', 'service')]);
    expect(refusal(s2, 'crm', 'svc')).toBe('A legacy system does not call other components.');
    expect(refusal(s2, 'svc', 'crm')).toBe('allowed');
  });

  it('refuses a second downstream for a kind that declares one, naming the first', () => {
    const one = createRegistry([
      ...ALL_KINDS,
      {
        ...(REGISTRY.get('service') as NonNullable<ReturnType<typeof REGISTRY.get>>),
        kind: 'proxy',
        label: 'Proxy',
        outputs: [{ role: 'call', label: 'Downstream', max: 1 }],
      },
    ]);
    const s3 = scenario(
      [node('p', 'proxy', 'Edge proxy'), node('a', 'service', 'A'), node('b', 'service', 'B')],
      [['p', 'a']],
    );
    expect(canConnect(s3, 'p', 'b', one)).toEqual({
      ok: false,
      reason: 'A proxy calls one downstream (A); remove that edge first.',
    });
    expect(canConnect(s3, 'a', 'b', one)).toEqual({ ok: true });
  });

  it('refuses unknown node ids, naming them', () => {
    expect(refusal(s, 'nope', 'orders')).toBe('There is no component with id "nope".');
    expect(refusal(s, 'orders', 'gone')).toBe('There is no component with id "gone".');
  });

  it('refuses a loop, showing it', () => {
    expect(refusal(s, 'orders', 'gateway')).toBe(
      'Orders calling Gateway would create a loop: Orders → Gateway → Orders; requests would circle forever.',
    );
  });

  it('accepts every edge the scenario already has, if it were drawn again', () => {
    for (const e of s.edges) {
      const without = { ...s, edges: s.edges.filter((x) => x !== e) };
      expect(canConnect(without, e.source, e.target, REGISTRY)).toEqual({ ok: true });
    }
  });

  it('does not modify the scenario', () => {
    const before = structuredClone(s);
    refusal(s, 'orders', 'gateway');
    refusal(s, 'catalog', 'orders-db');
    expect(s).toEqual(before);
  });
});

describe('canConnect rules in detail', () => {
  const chain = scenario(
    [node('a', 'service', 'A'), node('b', 'service', 'B'), node('c', 'service', 'C')],
    [
      ['a', 'b'],
      ['b', 'c'],
    ],
  );

  it('shows the whole loop for longer cycles', () => {
    expect(refusal(chain, 'c', 'a')).toBe(
      'C calling A would create a loop: C → A → B → C; requests would circle forever.',
    );
  });

  it('shows the shortest loop when there are several', () => {
    const s = { ...chain, edges: [...chain.edges, edge('a', 'c')] };
    expect(refusal(s, 'c', 'a')).toBe(
      'C calling A would create a loop: C → A → C; requests would circle forever.',
    );
  });

  it('allows joining two paths that form no loop (a diamond)', () => {
    const s = scenario(
      [node('a', 'service'), node('b', 'service'), node('c', 'service'), node('d', 'service')],
      [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'd'],
      ],
    );
    expect(canConnect(s, 'c', 'd', REGISTRY)).toEqual({ ok: true });
  });

  it('uses the id when a node has no label', () => {
    const s = scenario([node('svc-1', 'service'), node('svc-2', 'service')], [['svc-1', 'svc-2']]);
    expect(refusal(s, 'svc-1', 'svc-2')).toBe('svc-1 already calls svc-2.');
  });

  it('checks the rules in a fixed order: ids, self, source, no-outgoing, duplicate, loop', () => {
    const s = scenario([node('u', 'client', 'U'), node('db', 'database', 'DB')]);
    expect(refusal(s, 'x', 'x')).toBe('There is no component with id "x".');
    expect(refusal(s, 'u', 'u')).toBe('A node cannot call itself.');
    expect(refusal(s, 'db', 'u')).toBe('Clients only send requests; nothing can call a client.');
  });

  it('refuses nodes whose kind the registry does not know', () => {
    const s = scenario([node('m', 'mystery', 'Mystery'), node('a', 'service', 'A')]);
    expect(refusal(s, 'a', 'm')).toBe('Mystery is of an unknown kind ("mystery").');
    expect(refusal(s, 'm', 'a')).toBe('Mystery is of an unknown kind ("mystery").');
  });

  it('honours a kind that declares no outputs', () => {
    const service = REGISTRY.get('service');
    if (!service) throw new Error('no service kind');
    const sink = { ...service, kind: 'sink', label: 'Event sink', outputs: [] };
    const registry = createRegistry([...ALL_KINDS, sink]);
    const s = scenario([node('k', 'sink'), node('a', 'service')]);
    const result = canConnect(s, 'k', 'a', registry);
    expect(result).toEqual({ ok: false, reason: 'An event sink does not call other components.' });
    expect(canConnect(s, 'a', 'k', registry)).toEqual({ ok: true });
  });
});

describe('canConnect as an editor', () => {
  const RUNS = 300;
  it(
    'whatever people try to draw, the graph stays valid and free of loops',
    budget(RUNS, 2),
    () => {
      const kinds = ['client', 'service', 'service', 'service', 'database'];
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...kinds), { minLength: 1, maxLength: 8 }),
          fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
          (nodeKinds, attempts) => {
            const s = scenario(nodeKinds.map((k, i) => node(`n${i}`, k)));
            for (const [a, b] of attempts) {
              const from = `n${a % nodeKinds.length}`;
              const to = `n${b % nodeKinds.length}`;
              if (canConnect(s, from, to, REGISTRY).ok) s.edges.push(edge(from, to));
            }
            expect(parseScenario(s, REGISTRY).ok).toBe(true);
            expect(hasCycle(s)).toBe(false);
            for (const e of s.edges) {
              expect(REGISTRY.get(nodeKindOf(s, e.source))?.kind).not.toBe('database');
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});

function nodeKindOf(s: SimScenario, id: string): string {
  return s.nodes.find((n) => n.id === id)?.kind ?? '';
}

/** Kahn's algorithm: a loop leaves nodes that never reach in-degree 0. */
function hasCycle(s: SimScenario): boolean {
  const indegree = new Map(s.nodes.map((n) => [n.id, 0]));
  for (const e of s.edges) indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
  const ready = [...indegree].filter(([, d]) => d === 0).map(([id]) => id);
  let seen = 0;
  while (ready.length > 0) {
    const id = ready.pop() as string;
    seen++;
    for (const e of s.edges) {
      if (e.source !== id) continue;
      const d = (indegree.get(e.target) ?? 0) - 1;
      indegree.set(e.target, d);
      if (d === 0) ready.push(e.target);
    }
  }
  return seen !== s.nodes.length;
}

describe('the same rules on a document (connectionErrors, through parseScenario)', () => {
  const errorsOf = (s: SimScenario) => {
    const r = parseScenario(s, REGISTRY);
    return r.ok ? [] : r.errors.map((e) => `${e.path}: ${e.message}`);
  };
  /** Edge ids are `source-target`: a second edge between a pair needs its own. */
  const renamed = (i: number, id: string, s: SimScenario): SimScenario => ({
    ...s,
    edges: s.edges.map((e, k) => (k === i ? { ...e, id } : e)),
  });
  const nodes = [
    node('u', 'client'),
    node('gw', 'service'),
    node('t', 'timeout'),
    node('a', 'service'),
    node('b', 'service'),
    node('db', 'database'),
  ];

  it('names the edge that closes a loop, in document order, with the loop', () => {
    expect(
      errorsOf(
        scenario(nodes, [
          ['u', 'gw'],
          ['gw', 'a'],
          ['a', 'b'],
          ['b', 'gw'],
        ]),
      ),
    ).toEqual([
      'edges[3]: b → gw closes a call cycle b → gw → a → b; requests would circle forever',
    ]);
    // The same loop written in another order: the last of its edges closes it.
    expect(
      errorsOf(
        scenario(nodes, [
          ['b', 'gw'],
          ['a', 'b'],
          ['u', 'gw'],
          ['gw', 'a'],
        ]),
      ),
    ).toEqual([
      'edges[3]: gw → a closes a call cycle gw → a → b → gw; requests would circle forever',
    ]);
  });

  it('reports each loop once, so dropping the edges named leaves a valid document', () => {
    const loops = scenario(nodes, [
      ['a', 'b'],
      ['b', 'a'],
      ['gw', 't'],
      ['t', 'gw'],
    ]);
    expect(errorsOf(loops)).toEqual([
      'edges[1]: b → a closes a call cycle b → a → b; requests would circle forever',
      'edges[3]: t → gw closes a call cycle t → gw → t; requests would circle forever',
    ]);
  });

  it('refuses a second edge between a pair, a call out of a database and a proxy’s second downstream', () => {
    expect(
      errorsOf(
        renamed(
          1,
          'again',
          scenario(nodes, [
            ['u', 'gw'],
            ['u', 'gw'],
            ['db', 'a'],
            ['t', 'a'],
            ['t', 'b'],
          ]),
        ),
      ),
    ).toEqual([
      'edges[1].target: node "u" already calls "gw" (edges[0])',
      'edges[2].source: node "db" (kind "database") does not call other components',
      'edges[4].source: node "t" (kind "timeout") calls one downstream, and already calls "a" (edges[3])',
    ]);
  });

  it('leaves edges at a node of an unknown kind to the kind’s own error', () => {
    expect(errorsOf(scenario([node('m', 'mystery'), node('a', 'service')], [['a', 'm']]))).toEqual([
      expect.stringMatching(/^nodes\[0\]\.kind: unknown kind "mystery"/),
    ]);
  });
});
