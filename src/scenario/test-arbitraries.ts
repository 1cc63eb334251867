import fc from 'fast-check';
import { nextId } from './document.ts';
import type { Item } from './test-fixtures.ts';

// Test-only: random documents that are valid for the real registry (client, service,
// database), spread over the whole range the schemas allow, with edges the editor could draw.

/** A finite double in [min, max], never -0 (JSON cannot carry it, and it means 0 anyway). */
const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);
const positive = (max: number) => num(Number.MIN_VALUE, max).filter((x) => x > 0);

/** Drops some keys so that schema defaults get exercised too. */
function partial<T extends Record<string, unknown>>(model: {
  [K in keyof T]: fc.Arbitrary<T[K]>;
}): fc.Arbitrary<Partial<T>> {
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Partial<T>>;
}

const distribution = fc.oneof(
  fc.record({ type: fc.constant('constant'), valueMs: num(0, 1e5) }),
  fc
    .tuple(num(0, 1e5), num(0, 1e5))
    .map(([a, b]) => ({ type: 'uniform', minMs: Math.min(a, b), maxMs: Math.max(a, b) })),
  fc.record({ type: fc.constant('exponential'), meanMs: positive(1e5) }),
  fc
    .tuple(positive(1e4), num(1, 100))
    .map(([m, f]) => ({ type: 'lognormal', medianMs: m, p99Ms: m * f })),
);

const arrival = fc.oneof(
  fc.record({ type: fc.constantFrom('poisson', 'constant'), ratePerSec: positive(1e4) }),
  fc.record({
    type: fc.constant('ramp'),
    fromPerSec: num(0, 1000),
    toPerSec: num(1, 1000),
    rampMs: positive(1e6),
  }),
  fc.record(
    {
      type: fc.constant('burst'),
      baseRatePerSec: num(0, 100),
      burstRatePerSec: positive(1000),
      offMs: positive(1e5),
      onMs: positive(1e5),
    },
    { requiredKeys: ['type', 'burstRatePerSec', 'offMs', 'onMs'] },
  ),
  fc.record({
    type: fc.constant('users'),
    users: fc.integer({ min: 1, max: 100_000 }),
    thinkTimeMs: num(0, 1e5),
  }),
);

const clientConfig = partial({
  arrival,
  timeoutMs: fc.option(positive(1e6), { nil: null }),
  keys: fc.option(
    fc.record({
      distribution: fc.constantFrom('uniform', 'zipf'),
      count: fc.integer({ min: 1, max: 1_000_000 }),
      exponent: num(0.01, 5),
    }),
    { nil: null },
  ),
  userCount: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
});

const serviceConfig = partial({
  workers: fc.integer({ min: 1, max: 10_000 }),
  queueCapacity: fc.option(fc.nat(1e6), { nil: null }),
  serviceTime: distribution,
  errorRate: num(0, 1),
  callOrder: fc.constantFrom('after-work', 'before-work'),
  callMode: fc.constantFrom('sequential', 'parallel'),
});

const databaseConfig = partial({
  connections: fc.integer({ min: 1, max: 10_000 }),
  queueCapacity: fc.option(fc.nat(1e6), { nil: null }),
  writeRatio: num(0, 1),
  readTime: distribution,
  writeTime: distribution,
  errorRate: num(0, 1),
});

const KIND_CONFIGS = { client: clientConfig, service: serviceConfig, database: databaseConfig };
type Kind = keyof typeof KIND_CONFIGS;

const label = fc.option(
  fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 })),
  { nil: undefined },
);
const position = fc.record({ x: num(-1e5, 1e5), y: num(-1e5, 1e5) });

const node = (kind: Kind) =>
  fc.record({ label, position, config: KIND_CONFIGS[kind] as fc.Arbitrary<Item> });

const edgeConfig = partial({
  latency: fc.option(distribution, { nil: null }),
  callProbability: num(0, 1),
  required: fc.boolean(),
  weight: positive(1000),
});

const window = { startMs: num(0, 1e6), durationMs: fc.option(positive(1e6), { nil: null }) };
const nodeFault = fc.oneof(
  fc.record({ type: fc.constant('error-rate'), rate: num(0, 1), ...window }),
  fc.record({
    type: fc.constant('latency'),
    addMs: positive(1e4),
    multiplier: num(1, 100),
    ...window,
  }),
  fc.record({ type: fc.constantFrom('crash', 'hang'), ...window }),
  fc.record({
    type: fc.constant('capacity'),
    factor: num(0, 1),
    workers: fc.option(fc.nat(100), { nil: null }),
    ...window,
  }),
);
const edgeFault = fc.oneof(
  fc.record({ type: fc.constant('partition'), ...window }),
  fc.record({ type: fc.constant('edge-latency'), addMs: positive(1e4), ...window }),
);
const spike = fc.record({
  type: fc.constant('traffic-spike'),
  multiplier: positive(100),
  ...window,
});

/** Group ids: random valid ids, and ids the nodes, edges and faults below are likely to use. */
const groupId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/),
  fc.constantFrom('client-0', 'service-0', 'service-1', 'db-0', 'e0', 'e1', 'f0', 'g', 'g-2'),
);
const group = fc.record({
  id: groupId,
  label: fc.oneof(
    fc.string({ minLength: 1, maxLength: 80 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  ),
  position,
  width: num(40, 10_000),
  height: num(40, 10_000),
});

function withoutUndefined(item: Item): Item {
  return Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined));
}

/** A random document that `parseScenario(doc, REGISTRY)` accepts. */
export const validDocument: fc.Arbitrary<Item> = fc
  .record({
    seed: fc.integer({ min: 0, max: 4_294_967_295 }),
    durationMs: fc.oneof(fc.integer({ min: 1, max: 7 * 24 * 3600 * 1000 }), positive(1e7)),
    meta: partial({
      title: fc.string({ maxLength: 60 }),
      description: fc.string({ maxLength: 200 }),
      patterns: fc.array(fc.constantFrom('R1', 'R2', 'M3'), { maxLength: 3 }),
    }),
    clients: fc.array(node('client'), { minLength: 1, maxLength: 3 }),
    services: fc.array(node('service'), { maxLength: 6 }),
    databases: fc.array(node('database'), { maxLength: 3 }),
    links: fc.array(fc.tuple(fc.nat(), fc.nat(), edgeConfig), { maxLength: 15 }),
    faults: fc.array(fc.tuple(fc.nat(), fc.oneof(nodeFault, edgeFault, spike)), { maxLength: 5 }),
    // Absent sometimes, so the default (no groups) is exercised too.
    groups: fc.option(fc.array(group, { maxLength: 5 }), { nil: undefined }),
  })
  .map((r) => {
    const nodes: Item[] = [
      ...r.clients.map((n, i) => ({ id: `client-${i}`, kind: 'client', ...n })),
      ...r.services.map((n, i) => ({ id: `service-${i}`, kind: 'service', ...n })),
      ...r.databases.map((n, i) => ({ id: `db-${i}`, kind: 'database', ...n })),
    ].map(withoutUndefined);
    const ids = nodes.map((n) => n.id as string);
    const callers = ids.filter((id) => !id.startsWith('db-'));
    const callable = ids.filter((id) => !id.startsWith('client-'));
    // The editor's connection rules: databases call nothing, no edge twice, no loop — a
    // service only calls services listed after it.
    const edges: Item[] = [];
    const drawn = new Set<string>();
    if (callable.length > 0) {
      r.links.forEach(([a, b, config], i) => {
        let source = callers[a % callers.length] as string;
        let target = callable[b % callable.length] as string;
        if (ids.indexOf(target) < ids.indexOf(source)) [source, target] = [target, source];
        if (source === target || drawn.has(`${source} ${target}`)) return;
        drawn.add(`${source} ${target}`);
        edges.push({ id: `e${i}`, source, target, config });
      });
    }
    const faults: Item[] = [];
    r.faults.forEach(([pick, fault], i) => {
      const pool =
        fault.type === 'traffic-spike'
          ? ids.filter((id) => id.startsWith('client-'))
          : fault.type === 'partition' || fault.type === 'edge-latency'
            ? edges.map((e) => e.id as string)
            : ids;
      const target = pool[pick % Math.max(1, pool.length)];
      if (target !== undefined) faults.push({ id: `f${i}`, target, ...fault });
    });
    // Ids are one namespace: a group whose id is taken gets the next free one, as the editor does.
    const taken = new Set([...nodes, ...edges, ...faults].map((item) => item.id as string));
    const groups = r.groups?.map((g) => {
      const id = nextId(g.id, taken);
      taken.add(id);
      return { ...g, id };
    });
    return {
      format: 'faultline-scenario',
      version: 2,
      meta: r.meta,
      seed: r.seed,
      durationMs: r.durationMs,
      nodes,
      edges,
      faults,
      ...(groups === undefined ? {} : { groups }),
    };
  });
