import {
  DEFAULT_EDGE_CONFIG,
  type EdgeConfig,
  type SimEdge,
  type SimFault,
  type SimNode,
  type ScenarioWatch,
  type SimScenario,
} from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import type { BuiltinVariant } from './types.ts';

/**
 * A node with its config parsed (defaults applied) by its kind's schema, so a built-in is
 * exactly what the editor would hold after loading it. Throws on a bad config: built-ins are
 * code, and the catalogue test runs every one.
 */
export function builtinNode(
  id: string,
  kind: string,
  label: string,
  position: { x: number; y: number },
  config: Record<string, unknown> = {},
): SimNode {
  const def = REGISTRY.get(kind);
  if (!def) throw new Error(`built-in node ${id}: unknown kind "${kind}"`);
  const parsed = def.configSchema.safeParse(config);
  if (!parsed.success) {
    throw new Error(`built-in node ${id}: invalid config: ${parsed.error.message}`);
  }
  return { id, kind, label, position, config: parsed.data as Record<string, unknown> };
}

/** An edge `source → target` (the source calls the target) with the default edge config. */
export function builtinEdge(
  source: string,
  target: string,
  config: Partial<EdgeConfig> = {},
  id = `${source}-${target}`,
): SimEdge {
  return { id, source, target, config: { ...DEFAULT_EDGE_CONFIG, ...config } };
}

export interface BuiltinDocumentParts {
  title: string;
  description: string;
  /** The built-in's `watch`: both variants chart the same node(s) and figure. */
  watch: ScenarioWatch;
  patterns: readonly string[];
  variant: BuiltinVariant;
  seed: number;
  durationMs: number;
  nodes: SimNode[];
  edges: SimEdge[];
  faults?: SimFault[];
}

/** The scenario document of one variant; the `without` title says so. */
export function builtinDocument(p: BuiltinDocumentParts): SimScenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    meta: {
      title: p.variant === 'with' ? p.title : `${p.title} (without)`,
      description: p.description,
      patterns: [...p.patterns],
      watch: structuredClone(p.watch),
    },
    seed: p.seed,
    durationMs: p.durationMs,
    nodes: p.nodes,
    edges: p.edges,
    faults: p.faults ?? [],
    groups: [],
  };
}

/**
 * The edges of `from → proxy → to` with the pattern on, or `from → to` without it: the
 * honest "without" variant keeps every other id, so every random stream matches.
 */
export function proxyEdges(on: boolean, proxy: string, from = 'client', to = 'service'): SimEdge[] {
  return on ? [builtinEdge(from, proxy), builtinEdge(proxy, to)] : [builtinEdge(from, to)];
}
