import { FAULT_CATALOG, type FaultInfo } from '../../store/index.ts';
import { describeField, type NumberFieldDescriptor } from './schema-fields.ts';

/** One quick fault toggle, optionally with the main parameter it applies. */
export interface ToggleSpec {
  type: string;
  label: string;
  /** What the button does, for its accessible description. */
  title: string;
  /**
   * The fault type's main parameter, described from its schema like any form field (title,
   * unit, display scale, bounds), so the toggle accepts exactly what a document accepts.
   */
  param: NumberFieldDescriptor | null;
  /** The parameter's starting value (stored units): its suggested value, else its default. */
  initial: number | null;
}

function paramOf(info: FaultInfo, key: string): NumberFieldDescriptor | null {
  const props = info.paramsSchema['properties'] as Record<string, unknown> | undefined;
  const schema = props?.[key];
  if (typeof schema !== 'object' || schema === null) return null;
  const field = describeField(key, key, schema as Record<string, unknown>, true);
  return field.type === 'number' ? field : null;
}

function specOf(info: FaultInfo): ToggleSpec | null {
  const toggle = info.toggle;
  if (!toggle) return null;
  const param = toggle.param ? paramOf(info, toggle.param) : null;
  const initial = toggle.param ? info.newParams[toggle.param] : undefined;
  return {
    type: info.type,
    label: toggle.label,
    title: toggle.title,
    param,
    initial: typeof initial === 'number' ? initial : null,
  };
}

const SPECS = new Map(
  FAULT_CATALOG.flatMap((info) => {
    const spec = specOf(info);
    return spec ? [[info.type, { spec, targets: info.targets }] as const] : [];
  }),
);

function specsWhere(keep: (type: string, targets: string) => boolean): ToggleSpec[] {
  return [...SPECS].filter(([type, s]) => keep(type, s.targets)).map(([, s]) => s.spec);
}

/** The toggles every (non-source) node gets: the registry's node fault types. */
export const NODE_TOGGLES: readonly ToggleSpec[] = specsWhere((_, t) => t === 'node');

/** Traffic sources: the fault types that target sources. */
export const SOURCE_TOGGLES: readonly ToggleSpec[] = specsWhere((_, t) => t === 'source');

export const EDGE_TOGGLES: readonly ToggleSpec[] = specsWhere((_, t) => t === 'edge');

/**
 * A (non-source) node's toggles: the usual ones, then those of the kind-specific fault types
 * its kind declares (`kindInfo(kind).kindFaults`).
 */
export function nodeToggles(kindFaults: readonly string[]): readonly ToggleSpec[] {
  if (kindFaults.length === 0) return NODE_TOGGLES;
  return [...NODE_TOGGLES, ...specsWhere((type, t) => t === 'kind' && kindFaults.includes(type))];
}
