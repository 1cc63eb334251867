import { z } from 'zod';
import {
  edgeConfigSchema as engineEdgeConfigSchema,
  parseFault,
  type EdgeConfig,
  type KindRegistry,
  type SimFault,
} from '../engine/index.ts';
import { idSchema } from './id-schema.ts';
import { isWatchFigureId, WATCH_FIGURE_IDS } from './watch-figures.ts';

export const SCENARIO_FORMAT = 'faultline-scenario';

const MAX_SEED = 4_294_967_295;

/** What to watch (`ScenarioWatch`); its node ids and metric figures are checked semantically. */
export const watchSchema = z.strictObject({
  nodes: z.array(idSchema).min(1).max(2),
  figure: z.string().refine(isWatchFigureId, {
    error: (issue) =>
      `unknown figure ${JSON.stringify(issue.input)}; known figures: ${WATCH_FIGURE_IDS.join(', ')}, or metric:<name> of the node's kind`,
  }),
  caption: z.string().min(1).max(200),
  withPattern: z.enum(['lower', 'higher']),
  /** Absent = the fault windows (the whole run when there are none). */
  over: z.enum(['faults', 'run']).optional(),
});

const metaSchema = z
  .strictObject({
    title: z.string().default(''),
    description: z.string().default(''),
    /** Catalogue ids such as "R1". */
    patterns: z.array(z.string()).default(() => []),
    /** Optional: documents without it (every one before it existed) load unchanged. */
    watch: watchSchema.optional(),
  })
  .prefault({});

/**
 * How far from the origin a node or a group's corner may sit, in canvas px, either way on
 * either axis. Real layouts use a small part of it (1000 nodes in one row 300 px apart span
 * 300 000 px), and it stays far inside what a browser draws exactly: Chromium lays out in
 * 1/64 px fixed point (±33 554 431 px), and a position like 1e308 became Infinity in the
 * canvas's transforms and left it empty. Documents, links, imports and live edits all parse
 * through this schema, so they all refuse the same positions.
 */
export const MAX_POSITION_PX = 1_000_000;
const coordinate = z.number().min(-MAX_POSITION_PX).max(MAX_POSITION_PX);
const positionSchema = z.strictObject({ x: coordinate, y: coordinate });

/**
 * A node's config: only its shape (an object) is checked here; its kind's strict schema checks
 * the fields later (semantic-checks.ts). It is passed on as it is, never copied: a copy (what
 * `z.record` makes) drops an own `__proto__` key — JSON.parse makes one — so the kind's schema
 * never saw it to refuse it the way it refuses `constructor` or any other unknown field.
 */
const nodeConfigSchema = z.unknown().check((ctx) => {
  const value = ctx.value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return;
  ctx.issues.push({ code: 'invalid_type', expected: 'record', input: value });
}) as unknown as z.ZodType<Record<string, unknown>>;

export const nodeSchema = z.strictObject({
  id: idSchema,
  kind: z.string().min(1),
  label: z.string().max(80).optional(),
  position: positionSchema.default(() => ({ x: 0, y: 0 })),
  config: nodeConfigSchema.default(() => ({})),
});

// Absent config → every default, so the engine always sees a full EdgeConfig.
export const edgeConfigSchema = engineEdgeConfigSchema.prefault({}) satisfies z.ZodType<EdgeConfig>;

export const edgeSchema = z.strictObject({
  id: idSchema,
  source: z.string(),
  target: z.string(),
  label: z.string().max(80).optional(),
  config: edgeConfigSchema,
});

const MIN_GROUP_SIZE = 40;
const MAX_GROUP_SIZE = 10_000;
const groupSize = z.number().min(MIN_GROUP_SIZE).max(MAX_GROUP_SIZE);

/** A bounded context: a labelled rectangle drawn behind nodes. The engine ignores it. */
export const groupSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1).max(80),
  /** Top-left corner, in the same canvas units as node positions. */
  position: positionSchema,
  width: groupSize,
  height: groupSize,
});

/**
 * The shareable scenario document (docs/architecture.md §7) at the current version, before
 * the semantic checks that need the kind registry (kinds, node configs, references between
 * ids).
 * Strict at every level, so a misspelt field is reported instead of silently ignored.
 */
export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.number().int(),
  meta: metaSchema,
  seed: z.number().int().min(0).max(MAX_SEED).default(1),
  durationMs: z.number().positive(),
  nodes: z.array(nodeSchema),
  edges: z.array(edgeSchema).default(() => []),
  /** Checked against the fault-type registry by `documentSchema`; only their shape here. */
  faults: z.array(z.record(z.string(), z.unknown())).default(() => []),
  groups: z.array(groupSchema).default(() => []),
});

/** One fault, parsed by its registered type's own schema (the one live patches use too). */
function registeredFault(registry: KindRegistry): z.ZodType<SimFault> {
  return z.unknown().transform((raw, ctx) => {
    const parsed = parseFault(raw, registry);
    if (parsed.ok) return parsed.fault;
    // The type's own issues, as they are (code, path, message), under this fault's path.
    for (const issue of parsed.issues) ctx.addIssue(issue as z.core.$ZodRawIssue);
    return z.NEVER;
  }) as unknown as z.ZodType<SimFault>;
}

const documentSchemas = new WeakMap<KindRegistry, ReturnType<typeof buildDocumentSchema>>();

function buildDocumentSchema(registry: KindRegistry) {
  return scenarioSchema.extend({
    faults: z.array(registeredFault(registry)).default(() => []),
  });
}

/**
 * The document schema for a registry: `scenarioSchema` with every fault checked by its
 * type's schema, so fault fields are reported with the rest of the document's fields.
 */
export function documentSchema(registry: KindRegistry): ReturnType<typeof buildDocumentSchema> {
  let schema = documentSchemas.get(registry);
  if (!schema) {
    schema = buildDocumentSchema(registry);
    documentSchemas.set(registry, schema);
  }
  return schema;
}

export type ScenarioDocument = z.output<ReturnType<typeof buildDocumentSchema>>;
export type ScenarioDocumentInput = z.input<typeof scenarioSchema>;
