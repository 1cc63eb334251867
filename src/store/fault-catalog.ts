import { z } from 'zod';
import type { FaultTargetClass, FaultToggle, SimFault } from '../engine/index.ts';
import { REGISTRY } from '../scenario/index.ts';

/** What the inspector, the timeline and the charts need to know about a fault type. */
export interface FaultInfo {
  type: string;
  /** Lower-case words: "error rate". */
  label: string;
  targets: FaultTargetClass;
  toggle: FaultToggle | null;
  /** The parameters' JSON Schema (input side: bounds, defaults, titles, units, suggestions). */
  paramsSchema: Record<string, unknown>;
  /** Parameter values for a new fault: each field's suggested value, else its default. */
  newParams: Readonly<Record<string, unknown>>;
}

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function startingParams(schema: Obj): Obj {
  const props = isObj(schema['properties']) ? schema['properties'] : {};
  const params: Obj = {};
  for (const [key, sub] of Object.entries(props)) {
    if (!isObj(sub)) continue;
    if ('suggested' in sub) params[key] = sub['suggested'];
    else if ('default' in sub) params[key] = sub['default'];
  }
  return params;
}

/** Every registered fault type, in menu order (the engine's own, then the kinds' own). */
export const FAULT_CATALOG: readonly FaultInfo[] = REGISTRY.faultTypes().map((d) => {
  const paramsSchema = z.toJSONSchema(d.params, { io: 'input', unrepresentable: 'any' }) as Obj;
  return {
    type: d.type,
    label: d.label,
    targets: d.targets,
    toggle: d.toggle ?? null,
    paramsSchema,
    newParams: startingParams(paramsSchema),
  };
});

const BY_TYPE = new Map(FAULT_CATALOG.map((f) => [f.type, f]));

export function faultInfo(type: string): FaultInfo | undefined {
  return BY_TYPE.get(type);
}

/** A fault type in words ("error rate"); an unknown type as written. */
export function faultLabel(type: string): string {
  return BY_TYPE.get(type)?.label ?? type;
}

/** One line in words, from the fault type's own summary: "Error rate 50%", "Crash". */
export function faultSummary(fault: SimFault): string {
  const def = REGISTRY.faultType(fault.type);
  return def ? def.summary(fault) : fault.type;
}
