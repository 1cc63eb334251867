import {
  edgeConfigSchema,
  type EdgeConfig,
  type KindRegistry,
  type SimFault,
  type ScenarioWatch,
  type SimScenario,
} from '../engine/index.ts';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface NodeJson {
  id: string;
  kind: string;
  label?: string;
  position: { x: number; y: number };
  config: { [key: string]: JsonValue };
}

export interface EdgeJson {
  id: string;
  source: string;
  target: string;
  label?: string;
  config: EdgeConfig;
}

export interface GroupJson {
  id: string;
  label: string;
  position: { x: number; y: number };
  width: number;
  height: number;
}

/** A scenario in its document form (docs/architecture.md §7): plain JSON, ready to stringify. */
export interface ScenarioJson {
  format: 'faultline-scenario';
  version: number;
  meta: { title: string; description: string; patterns: string[]; watch?: ScenarioWatch };
  seed: number;
  durationMs: number;
  nodes: NodeJson[];
  edges: EdgeJson[];
  faults: SimFault[];
  groups: GroupJson[];
}

/** A deep copy with exactly JSON's semantics (undefined fields vanish); keeps key order. */
function json<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** `first` keys in that order, then the remaining keys in their own order. */
function ordered<T extends object>(value: T, first: readonly string[]): T {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of first) if (source[key] !== undefined) out[key] = source[key];
  for (const [key, v] of Object.entries(source)) {
    if (v !== undefined && !(key in out)) out[key] = v;
  }
  return json(out as T);
}

// Edge config fields in the order the schema declares them.
const EDGE_CONFIG_KEYS = Object.keys(edgeConfigSchema.shape);
const FAULT_KEYS = ['id', 'type', 'target', 'startMs', 'durationMs'];

/**
 * The document for a scenario: the same fields, in a fixed order, as fresh plain JSON (no
 * shared references, `label` omitted when unset). Configs keep every field, defaults
 * included, so a saved link behaves the same even if a default changes one day.
 */
export function toDocument(s: SimScenario): ScenarioJson {
  return {
    format: s.format,
    version: s.version,
    meta: {
      title: s.meta.title,
      description: s.meta.description,
      patterns: [...s.meta.patterns],
      ...(s.meta.watch ? { watch: json(s.meta.watch) } : {}),
    },
    seed: s.seed,
    durationMs: s.durationMs,
    nodes: s.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      ...(n.label === undefined ? {} : { label: n.label }),
      position: { x: n.position.x, y: n.position.y },
      config: json(n.config) as { [key: string]: JsonValue },
    })),
    edges: s.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.label === undefined ? {} : { label: e.label }),
      config: ordered(e.config, EDGE_CONFIG_KEYS),
    })),
    faults: s.faults.map((f) => ordered(f, FAULT_KEYS)),
    groups: s.groups.map((g) => ({
      id: g.id,
      label: g.label,
      position: { x: g.position.x, y: g.position.y },
      width: g.width,
      height: g.height,
    })),
  };
}

/** Pretty JSON for export and download (two-space indent, trailing newline). */
export function documentText(s: SimScenario): string {
  return `${JSON.stringify(toDocument(s), null, 2)}\n`;
}

/** Same cap as the id schema: ids must stay short to be valid. */
const MAX_ID_CHARS = 64;

/**
 * The first free id among `prefix`, `prefix-2`, `prefix-3`, … (shortening the prefix if
 * the suffix would make the id too long). The caller supplies a valid prefix.
 */
export function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const id = prefix.slice(0, MAX_ID_CHARS - suffix.length) + suffix;
    if (!used.has(id)) return id;
  }
}

/**
 * A fresh node's config: the kind's schema applied to `{}`, i.e. every default. Throws for an
 * unknown kind or a kind whose schema has required fields — both are programming errors
 * (tests check every registered kind).
 */
export function defaultConfigFor(kind: string, registry: KindRegistry): Record<string, unknown> {
  const def = registry.get(kind);
  if (!def) throw new Error(`unknown kind "${kind}"`);
  const parsed = def.configSchema.safeParse({});
  if (!parsed.success) throw new Error(`kind "${kind}" has no default config`);
  return json(parsed.data as Record<string, unknown>);
}
