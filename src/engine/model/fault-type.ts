import { z } from 'zod';
import type { EdgeFaultState, NodeFaultState } from './context.ts';
import { idSchema } from './id-schema.ts';
import { quote } from './zod-messages.ts';
import type { SimFault } from './scenario-types.ts';

/**
 * What a fault type may target: any node, an edge, a traffic source, or only nodes whose kind
 * lists the type among its `kindFaults` (a kind-specific fault).
 */
export type FaultTargetClass = 'node' | 'edge' | 'source' | 'kind';

/** A fault's parameters as its schema parsed them (`rate`, `addMs`, …). */
export type FaultParams = Readonly<Record<string, unknown>>;

/** The live toggle offered for a fault type in the inspector. */
export interface FaultToggle {
  /** Button text: "Error %". */
  label: string;
  /** What the button does, for its accessible description. */
  title: string;
  /**
   * The main parameter set next to the button, by key. Its title, unit, bounds and
   * starting value come from the parameter's schema (bounds, `.meta({ title, unit,
   * suggested })`), so a toggle and a document accept exactly the same values.
   */
  param?: string;
}

/**
 * Everything that varies per fault type, declared once. The document validator, the live
 * patch check, the engine's fault state, the inspector's toggles, the timeline editor and
 * the charts' fault bands all read these definitions; nothing else spells a fault type.
 */
export interface FaultTypeDefinition<P extends object = FaultParams> {
  /** The document's `type`: "error-rate". */
  type: string;
  /** The type in words, lower case: "error rate". */
  label: string;
  targets: FaultTargetClass;
  /**
   * The type's own fields beside id, type, target, startMs and durationMs: bounds, defaults
   * and, as metadata, titles, units and suggested values for editors.
   */
  params: z.ZodObject;
  /** A rule across fields: a sentence and the field it concerns, or null when fine. */
  check?(params: P): { field: string; message: string } | null;
  /** One line in words: "Error rate 50%". */
  summary(params: P): string;
  /** The word on a node's or edge's badge while the fault is active ("errors", "slow"). */
  badge: string;
  toggle?: FaultToggle;
  /** Folds one active fault into its node's state (node, source and kind targets). */
  foldNode?(state: NodeFaultState, params: P): void;
  /** Folds one active fault into its edge's state (edge targets). */
  foldEdge?(state: EdgeFaultState, params: P): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds fault types of every parameter shape
export type AnyFaultTypeDefinition = FaultTypeDefinition<any>;

/** Declares a fault type with its parameters typed by its own schema. */
export function defineFaultType<S extends z.ZodObject>(
  def: Omit<FaultTypeDefinition<z.output<S>>, 'params'> & { params: S },
): FaultTypeDefinition<z.output<S>> {
  return def;
}

const commonFields = {
  id: idSchema,
  /** Node id, or edge id for edge faults; checked against the graph separately. */
  target: z.string(),
  startMs: z.number().min(0),
  /** `null` = until the end of the run. */
  durationMs: z.number().positive().nullable().default(null),
};

/** The fields every fault has, and a `type` of any name: for faults of no known type. */
export const faultEnvelopeSchema = z.looseObject({ ...commonFields, type: z.string() });

const schemas = new WeakMap<AnyFaultTypeDefinition, z.ZodType<SimFault>>();

/**
 * The whole-fault schema of a type (common fields, its literal `type`, its parameters, its
 * cross-field rule): strict, so a misspelt field is an error. The document validator and the
 * live patch check both parse with this one schema, so they accept exactly the same faults.
 */
export function faultSchema(def: AnyFaultTypeDefinition): z.ZodType<SimFault> {
  let schema = schemas.get(def);
  if (!schema) {
    schema = z
      .strictObject({ ...commonFields, type: z.literal(def.type), ...def.params.shape })
      .superRefine((fault, ctx) => {
        const problem = def.check?.(fault);
        if (problem)
          ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
      }) as unknown as z.ZodType<SimFault>;
    schemas.set(def, schema);
  }
  return schema;
}

/** What a fault's target is, as far as the target rules care. */
export interface FaultTargetFacts {
  /** The target names an edge. */
  isEdge: boolean;
  /** The target names a node: its kind, whether it is a traffic source, the fault types its kind declares. */
  node?: { kind: string; isSource: boolean; kindFaults: readonly string[] };
}

/**
 * Why a fault of this type cannot aim at this target (a sentence), or null when it can.
 * `kindsHonouring` names the kinds that declare a kind-specific type, for the message.
 */
export function faultTargetProblem(
  def: AnyFaultTypeDefinition,
  target: string,
  facts: FaultTargetFacts,
  kindsHonouring: () => string,
): string | null {
  const name = quote(target);
  const what = `${/^[aeiou]/i.test(def.type) ? 'an' : 'a'} ${def.type} fault`;
  if (def.targets === 'edge') {
    if (facts.isEdge) return null;
    return facts.node
      ? `${what} targets an edge, but ${name} is a node`
      : `no edge with id ${name}`;
  }
  const node = facts.node;
  if (!node) {
    return facts.isEdge
      ? `${what} targets a node, but ${name} is an edge`
      : `no node with id ${name}`;
  }
  if (def.targets === 'source' && !node.isSource) {
    return `${what} targets a traffic source, but node ${name} (kind ${quote(node.kind)}) is not one`;
  }
  if (def.targets === 'kind' && !node.kindFaults.includes(def.type)) {
    return `${what} only affects nodes of kind ${kindsHonouring()}, but node ${name} is of kind ${quote(node.kind)}`;
  }
  return null;
}
