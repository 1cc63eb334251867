// Test support only: random topologies for the live-edit fuzzer — nodes of the registered
// kinds wired as the editor's connection rule allows, with random configs drawn from the
// schemas the inspector's forms come from. Nothing here lists kinds or fields by hand.
import fc from 'fast-check';
import {
  BUILTIN_KINDS,
  CAUSE_CLASSES,
  edgeConfigSchema,
  maxOutputs,
  type AnyKindDefinition,
  type SimFault,
  type SimScenario,
} from '../engine/index.ts';
import { canConnect, REGISTRY } from '../scenario/index.ts';
import { validateScenario } from './create-stores.ts';
import { configJsonSchema, edgeConfigJsonSchema } from './kind-catalog.ts';
import {
  arbitraryFor,
  fieldsOf,
  setIn,
  type FieldSchema,
  type StringPool,
} from './schema-arbitrary-test-harness.ts';

export type Config = Record<string, unknown>;

export const KINDS = REGISTRY.kinds();

/** The kinds a topology is drawn from, by role. */
interface Palette {
  sources: string[];
  others: string[];
  /** Kinds that may call more than one downstream: where most per-call state lives. */
  fanOut: string[];
}

function paletteOf(kinds: readonly AnyKindDefinition[]): Palette {
  const nonSources = kinds.filter((k) => !k.isSource);
  return {
    sources: kinds.filter((k) => k.isSource).map((k) => k.kind),
    others: nonSources.map((k) => k.kind),
    fanOut: nonSources.filter((k) => (maxOutputs(k) ?? Infinity) > 1).map((k) => k.kind),
  };
}

/**
 * Every registered kind; or, as often, only the engine's own (client, service, database),
 * whose worker pools hold the most per-call state of all — among twenty kinds they would
 * meet the edits that matter to them too rarely.
 */
const PALETTES = [paletteOf(KINDS), paletteOf(BUILTIN_KINDS)];
export const EDGE_FIELDS = fieldsOf(edgeConfigJsonSchema());
const KIND_FIELDS = new Map(KINDS.map((k) => [k.kind, fieldsOf(configJsonSchema(k.kind))]));
/** The fields of a kind's inspector form. */
export const kindFields = (kind: string): readonly FieldSchema[] => KIND_FIELDS.get(kind) ?? [];

/** Strings worth trying where a field takes one: ids (targets), causes and classes, paths. */
function poolFor(ids: readonly string[]): StringPool {
  const causes = REGISTRY.causes().map((c) => c.cause);
  return { strings: [...ids, ...causes, ...CAUSE_CLASSES, '/', '/orders', '/orders/42'] };
}

/** Random fields, each kept only while `accepts` still takes the whole (defaults fill the rest). */
function configArb(
  fields: readonly FieldSchema[],
  pool: StringPool,
  accepts: (c: Config) => boolean,
): fc.Arbitrary<Config> {
  if (fields.length === 0) return fc.constant({});
  return fc
    .subarray([...fields])
    .chain((chosen) =>
      fc.tuple(
        ...chosen.map((f) => arbitraryFor(f.schema, pool, f.hint).map((v) => [f.path, v] as const)),
      ),
    )
    .map((pairs) =>
      pairs.reduce<Config>((acc, [path, value]) => {
        const next = setIn(acc, path, value);
        return accepts(next) ? next : acc;
      }, {}),
    );
}

const kindAccepts = (kind: string) => (c: Config) =>
  REGISTRY.get(kind)?.configSchema.safeParse(c).success === true;
const edgeAccepts = (c: Config) => edgeConfigSchema.safeParse(c).success;

export interface Shape {
  nodes: { id: string; kind: string }[];
  edges: { id: string; source: string; target: string }[];
}

/** Sources each call one node; other links are kept where the editor's connection rule allows. */
function wire(
  sources: string[],
  others: string[],
  feeds: number[],
  links: [number, number][],
): Shape {
  const nodes = [
    ...sources.map((kind, i) => ({ id: `${kind}${i}`, kind })),
    ...others.map((kind, i) => ({ id: `${kind}${i}`, kind })),
  ];
  const targets = nodes.slice(sources.length);
  const shape: Shape = { nodes, edges: [] };
  const tryLink = (source: string, target: string) => {
    const scenario = { ...shape, edges: shape.edges } as unknown as SimScenario;
    if (canConnect(scenario, source, target, REGISTRY).ok)
      shape.edges.push({ id: `e${shape.edges.length}`, source, target });
  };
  sources.forEach((_, i) =>
    tryLink(nodes[i]?.id ?? '', targets[(feeds[i] ?? 0) % targets.length]?.id ?? ''),
  );
  for (const [a, b] of links)
    tryLink(nodes[a % nodes.length]?.id ?? '', targets[b % targets.length]?.id ?? '');
  return shape;
}

export interface Topology {
  shape: Shape;
  /** The node most edits aim at (see `actionArb`). */
  focus: string;
  pool: StringPool;
  seed: number;
  durationMs: number;
}

/**
 * A random topology (1–2 sources and 1–6 other nodes, wired as the editor allows; the focus
 * is fed by the first source and calls 2–3 more where its kind allows) and a run of 1–4 s.
 */
export const topologyArb: fc.Arbitrary<Topology> = fc
  .constantFrom(...PALETTES)
  .chain((palette) =>
    fc.record({
      seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      durationMs: fc.integer({ min: 1000, max: 4000 }),
      sources: fc.array(fc.constantFrom(...palette.sources), { minLength: 1, maxLength: 2 }),
      // Half the time the focus is of a kind that can fan out.
      focusKind: fc.oneof(fc.constantFrom(...palette.fanOut), fc.constantFrom(...palette.others)),
      others: fc.array(fc.constantFrom(...palette.others), { maxLength: 5 }),
      feeds: fc.array(fc.nat(), { minLength: 2, maxLength: 2 }),
      links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 }),
      fanOut: fc.array(fc.nat(), { minLength: 2, maxLength: 3 }),
    }),
  )
  .map(({ seed, durationMs, sources, focusKind, others, feeds, links, fanOut }) => {
    // The focus is the first non-source, fed by the first source; its extra links go out
    // first, as a fan-out.
    const focusAt = sources.length;
    const shape = wire(
      sources,
      [focusKind, ...others],
      [0, ...feeds.slice(1)],
      [...fanOut.map((b): [number, number] => [focusAt, b]), ...links],
    );
    const focus = shape.nodes[focusAt]?.id ?? '';
    return { shape, focus, pool: poolFor(shape.nodes.map((n) => n.id)), seed, durationMs };
  });

/**
 * The topology's document with random node and edge configs and `faults`, validated as the
 * editor validates it; null in the rare case a combination is refused.
 */
export function documentArb(
  t: Topology,
  faults: fc.Arbitrary<SimFault[]>,
): fc.Arbitrary<SimScenario | null> {
  const { shape, pool } = t;
  return fc
    .record({
      configs: fc.tuple(
        ...shape.nodes.map((n) => configArb(kindFields(n.kind), pool, kindAccepts(n.kind))),
      ),
      edgeConfigs: fc.tuple(...shape.edges.map(() => configArb(EDGE_FIELDS, pool, edgeAccepts))),
      faults,
    })
    .map(({ configs, edgeConfigs, faults }) => {
      const doc = {
        format: 'faultline-scenario',
        version: 2,
        meta: { title: 'live-edit fuzz', description: '', patterns: [] },
        seed: t.seed,
        durationMs: t.durationMs,
        nodes: shape.nodes.map((n, i) => ({
          ...n,
          position: { x: 200 * i, y: 0 },
          config: configs[i],
        })),
        edges: shape.edges.map((e, i) => ({ ...e, config: edgeConfigs[i] })),
        faults,
        groups: [],
      };
      const checked = validateScenario(doc as unknown as SimScenario);
      return checked.ok ? checked.scenario : null;
    });
}

/** The config value after setting `path` (a node's or an edge's form field). */
export const withField = (config: Config, path: readonly string[], value: unknown): Config =>
  setIn(config, path, value);
