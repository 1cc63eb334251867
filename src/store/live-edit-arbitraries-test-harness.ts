// Test support only: random live edits for the live-edit fuzzer — any field of any node or
// edge (drawn from the schemas the inspector's forms come from), any registered fault type
// switched on and off or scheduled on the timeline, and the clock moved on between them.
// Nothing here lists fields or fault types by hand.
import fc from 'fast-check';
import type { AnyFaultTypeDefinition, SimFault, SimScenario } from '../engine/index.ts';
import { REGISTRY } from '../scenario/index.ts';
import { FAULT_CATALOG } from './fault-catalog.ts';
import {
  documentArb,
  EDGE_FIELDS,
  kindFields,
  topologyArb,
  type Config,
  type Shape,
} from './live-edit-topology-test-harness.ts';
import {
  arbitraryFor,
  type FieldSchema,
  type StringPool,
} from './schema-arbitrary-test-harness.ts';

/** One thing a person does during a run. */
export type LiveAction =
  /** Play until the clock has moved on this much (virtual ms). */
  | { t: 'advance'; ms: number }
  /** The Step button: on to the next whole second. */
  | { t: 'step' }
  /** One field of a node's inspector form. */
  | { t: 'node'; nodeId: string; path: readonly string[]; value: unknown }
  /** One field of an edge's inspector form. */
  | { t: 'edge'; edgeId: string; path: readonly string[]; value: unknown }
  /** A fault toggle: on from now until switched off (its main parameter set), or off. */
  | { t: 'toggle'; type: string; target: string; value: unknown }
  /** The fault timeline: a fault added, or one with this id edited (moved, resized, re-set). */
  | { t: 'fault'; fault: SimFault }
  | { t: 'remove-fault'; faultId: string };

export interface LiveEditSequence {
  scenario: SimScenario;
  actions: LiveAction[];
}

const FAULT_TYPES = REGISTRY.faultTypes();
/** Timeline faults reuse a few ids, so edits and removals meet existing faults. */
export const TIMELINE_FAULT_IDS = ['f0', 'f1', 'f2'] as const;

/** Where a fault type may aim in this topology (toggles: sources only get their own types). */
function targetsOf(def: AnyFaultTypeDefinition, shape: Shape, toggle: boolean): string[] {
  const isSource = (kind: string) => REGISTRY.get(kind)?.isSource === true;
  switch (def.targets) {
    case 'edge':
      return shape.edges.map((e) => e.id);
    case 'source':
      return shape.nodes.filter((n) => isSource(n.kind)).map((n) => n.id);
    case 'kind':
      return shape.nodes
        .filter((n) => REGISTRY.get(n.kind)?.kindFaults?.some((f) => f.type === def.type))
        .map((n) => n.id);
    case 'node':
      return shape.nodes.filter((n) => !toggle || !isSource(n.kind)).map((n) => n.id);
  }
}

const paramsSchemaOf = (type: string) => FAULT_CATALOG.find((f) => f.type === type)?.paramsSchema;

/**
 * A fault type that can aim somewhere here (with a toggle, for toggles), then one of its
 * targets: types are equally likely, so one that only a rare kind takes is tried as often.
 */
function faultAim(
  shape: Shape,
  toggle: boolean,
): fc.Arbitrary<{ def: AnyFaultTypeDefinition; target: string }> | null {
  const types = FAULT_TYPES.filter(
    (def) => (!toggle || def.toggle) && targetsOf(def, shape, toggle).length > 0,
  );
  if (!types.length) return null;
  return fc
    .constantFrom(...types)
    .chain((def) =>
      fc.constantFrom(...targetsOf(def, shape, toggle)).map((target) => ({ def, target })),
    );
}

function timelineFaultArb(
  shape: Shape,
  pool: StringPool,
  durationMs: number,
): fc.Arbitrary<SimFault> | null {
  const aim = faultAim(shape, false);
  if (!aim) return null;
  return aim.chain(({ def, target }) =>
    fc
      .record({
        id: fc.constantFrom(...TIMELINE_FAULT_IDS),
        startMs: fc.integer({ min: 0, max: durationMs }),
        durationMs: fc.option(fc.integer({ min: 1, max: durationMs }), { nil: null }),
        params: arbitraryFor(paramsSchemaOf(def.type), pool) as fc.Arbitrary<Config>,
      })
      .map(
        ({ params, ...window }) => ({ ...params, ...window, target, type: def.type }) as SimFault,
      ),
  );
}

function toggleArb(shape: Shape, pool: StringPool): fc.Arbitrary<LiveAction> | null {
  const aim = faultAim(shape, true);
  if (!aim) return null;
  return aim.chain(({ def, target }) => {
    const param = def.toggle?.param;
    const props = paramsSchemaOf(def.type)?.['properties'] as Record<string, unknown> | undefined;
    const value =
      param && props?.[param]
        ? arbitraryFor(props[param], pool, { name: param })
        : fc.constant(undefined);
    return value.map((v) => ({ t: 'toggle' as const, type: def.type, target, value: v }));
  });
}

/**
 * One of the fields; a choice (an enum, a switch) three times as likely as a number: a
 * choice changes how a component works (its call mode, its algorithm), a number how much.
 */
function fieldArb(fields: readonly FieldSchema[]): fc.Arbitrary<FieldSchema> {
  const isChoice = (f: FieldSchema) =>
    Array.isArray(f.schema['enum']) || f.schema['type'] === 'boolean';
  return fc.oneof(
    ...fields.map((f) => ({ weight: isChoice(f) ? 3 : 1, arbitrary: fc.constant(f) })),
  );
}

function nodeEditArb(shape: Shape, pool: StringPool): fc.Arbitrary<LiveAction> | null {
  const editable = shape.nodes.filter((n) => kindFields(n.kind).length > 0);
  if (!editable.length) return null;
  return fc.constantFrom(...editable).chain((n) =>
    fieldArb(kindFields(n.kind)).chain((f) =>
      arbitraryFor(f.schema, pool, f.hint).map((value) => ({
        t: 'node' as const,
        nodeId: n.id,
        path: f.path,
        value,
      })),
    ),
  );
}

function edgeEditArb(shape: Shape, pool: StringPool): fc.Arbitrary<LiveAction> | null {
  if (!shape.edges.length) return null;
  return fc.tuple(fc.constantFrom(...shape.edges), fieldArb(EDGE_FIELDS)).chain(([e, f]) =>
    arbitraryFor(f.schema, pool, f.hint).map((value) => ({
      t: 'edge' as const,
      edgeId: e.id,
      path: f.path,
      value,
    })),
  );
}

/**
 * What a person does next. Like a person, a sequence keeps coming back to one node — its
 * `focus`: three edits in four aim at it (its fields, its edges, its faults), so edits that
 * only break things together (a call mode changed while calls are out, then a hang) meet.
 */
function actionArb(
  shape: Shape,
  focus: string,
  durationMs: number,
  pool: StringPool,
): fc.Arbitrary<LiveAction> {
  const near: Shape = {
    nodes: shape.nodes.filter((n) => n.id === focus),
    edges: shape.edges.filter((e) => e.source === focus || e.target === focus),
  };
  const parts: fc.WeightedArbitrary<LiveAction>[] = [
    // Mostly short moves, so that edits meet calls in flight; sometimes a long stretch.
    {
      weight: 3,
      arbitrary: fc
        .oneof(
          { weight: 3, arbitrary: fc.integer({ min: 1, max: 50_000 }) },
          fc.integer({ min: 1, max: Math.ceil(durationMs * 250) }),
        )
        .map((us) => ({ t: 'advance' as const, ms: us / 1000 })),
    },
    { weight: 1, arbitrary: fc.constant({ t: 'step' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...TIMELINE_FAULT_IDS)
        .map((faultId) => ({ t: 'remove-fault' as const, faultId })),
    },
  ];
  const edits: [number, (s: Shape) => fc.Arbitrary<LiveAction> | null][] = [
    [5, (s) => nodeEditArb(s, pool)],
    [1, (s) => edgeEditArb(s, pool)],
    [4, (s) => toggleArb(s, pool)],
    [
      2,
      (s) =>
        timelineFaultArb(s, pool, durationMs)?.map((f) => ({ t: 'fault' as const, fault: f })) ??
        null,
    ],
  ];
  for (const [weight, make] of edits) {
    const here = make(near);
    const anywhere = make(shape);
    if (here) parts.push({ weight: weight * 3, arbitrary: here });
    if (anywhere) parts.push({ weight, arbitrary: anywhere });
  }
  return fc.oneof(...parts);
}

/**
 * A random topology and document (see `topologyArb`, `documentArb`, with up to 2 scheduled
 * faults), and 4–24 actions after the clock has first moved on.
 */
export const liveEditSequence: fc.Arbitrary<LiveEditSequence> = topologyArb
  .chain((t) => {
    const fault = timelineFaultArb(t.shape, t.pool, t.durationMs);
    const faults = fault
      ? fc.uniqueArray(fault, { maxLength: 2, selector: (f) => f.id })
      : fc.constant<SimFault[]>([]);
    return fc.record({
      scenario: documentArb(t, faults),
      // The clock moves first, so that the edits patch a running simulation (edits at 0 s
      // reload the run instead; run-truth.test.ts covers those).
      first: fc
        .integer({ min: 1, max: t.durationMs * 500 })
        .map((us) => ({ t: 'advance' as const, ms: us / 1000 })),
      actions: fc.array(actionArb(t.shape, t.focus, t.durationMs, t.pool), {
        minLength: 4,
        maxLength: 24,
        size: 'max',
      }),
    });
  })
  .map(({ scenario, first, actions }) =>
    scenario ? { scenario, actions: [first, ...actions] } : null,
  )
  .filter((s): s is LiveEditSequence => s !== null);
