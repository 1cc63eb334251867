import { z } from 'zod';
import { edgeConfigSchema, outputsOf, type KindCategory } from '../engine/index.ts';
import { ALL_KINDS, REGISTRY } from '../scenario/index.ts';

/** What the palette, canvas and inspector need to know about a component kind. */
export interface KindInfo {
  kind: string;
  label: string;
  category: KindCategory;
  description: string;
  /** Sources send requests and receive none (no input handle). */
  isSource: boolean;
  /** Kinds that never call downstream have no output handle. */
  hasOutput: boolean;
  /** Kind-specific fault types the kind reacts to (e.g. legacy-format), beyond the usual ones. */
  kindFaults: readonly string[];
  /** Stateful kinds: the metrics counting ms per state, for the charts' state strip. */
  states: readonly KindStateInfo[];
  /** The kind's declared counters, in its order, with their words and units. */
  metrics: readonly KindMetricInfo[];
}

export interface KindMetricInfo {
  name: string;
  label: string;
  unit: 'count' | 'ms' | 'ratio' | 'per-sec' | 'state';
}

export interface KindStateInfo {
  /** The series field holding the ms spent in this state per window. */
  field: string;
  text: string;
  tone: 'ok' | 'warn' | 'bad';
}

export const CATEGORY_ORDER: readonly KindCategory[] = [
  'traffic',
  'compute',
  'resilience',
  'routing',
  'messaging',
  'data',
  'deployment',
];

export const CATEGORY_LABELS: Record<KindCategory, string> = {
  traffic: 'Traffic',
  compute: 'Compute',
  resilience: 'Resilience',
  routing: 'Routing',
  messaging: 'Messaging',
  data: 'Data',
  deployment: 'Deployment',
};

export const KIND_CATALOG: readonly KindInfo[] = ALL_KINDS.map((d) => ({
  kind: d.kind,
  label: d.label,
  category: d.category,
  description: d.description,
  isSource: d.isSource === true,
  hasOutput: outputsOf(d).length > 0,
  kindFaults: (d.kindFaults ?? []).map((f) => f.type),
  metrics: d.metrics.map((m) => ({ name: m.name, label: m.label, unit: m.unit })),
  states: d.metrics.flatMap((m) =>
    m.state ? [{ field: `metric:${m.name}`, text: m.state.text, tone: m.state.tone }] : [],
  ),
}));

const BY_KIND = new Map(KIND_CATALOG.map((k) => [k.kind, k]));

export function kindInfo(kind: string): KindInfo | undefined {
  return BY_KIND.get(kind);
}

/** A new node's config: the kind's schema applied to `{}`, so every default is filled in. */
export function defaultConfig(kind: string): Record<string, unknown> {
  const def = REGISTRY.get(kind);
  if (!def) throw new Error(`unknown kind "${kind}"`);
  return def.configSchema.parse({}) as Record<string, unknown>;
}

const jsonSchemas = new Map<string, unknown>();

/**
 * The kind's config schema as JSON Schema (input side: defaults and bounds included), from
 * which the inspector generates its form. Cached per kind.
 */
export function configJsonSchema(kind: string): unknown {
  let schema = jsonSchemas.get(kind);
  if (schema === undefined) {
    const def = REGISTRY.get(kind);
    if (!def) throw new Error(`unknown kind "${kind}"`);
    schema = z.toJSONSchema(def.configSchema, { io: 'input', unrepresentable: 'any' });
    jsonSchemas.set(kind, schema);
  }
  return schema;
}

let edgeSchema: unknown;
/** The edge config schema as JSON Schema, for the edge inspector. */
export function edgeConfigJsonSchema(): unknown {
  edgeSchema ??= z.toJSONSchema(edgeConfigSchema, { io: 'input', unrepresentable: 'any' });
  return edgeSchema;
}
