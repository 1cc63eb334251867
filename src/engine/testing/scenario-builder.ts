import { BUILTIN_REGISTRY } from '../model/builtin-kinds.ts';
import type { KindRegistry } from '../model/kind.ts';
import {
  DEFAULT_EDGE_CONFIG,
  type EdgeConfig,
  type SimFault,
  type SimScenario,
} from '../model/scenario-types.ts';

/**
 * Builds validated scenarios for engine tests without going through src/scenario (which the
 * engine may not import): configs are parsed by each kind's own schema, so defaults apply.
 */
export interface NodeSpec {
  id: string;
  kind: string;
  config?: Record<string, unknown>;
}

export interface EdgeSpec {
  source: string;
  target: string;
  id?: string;
  config?: Partial<EdgeConfig>;
}

export function buildScenario(
  spec: {
    seed?: number;
    durationMs: number;
    nodes: NodeSpec[];
    edges?: EdgeSpec[];
    faults?: SimFault[];
  },
  registry: KindRegistry = BUILTIN_REGISTRY,
): SimScenario {
  return {
    format: 'faultline-scenario',
    version: 2,
    meta: { title: 'test', description: '', patterns: [] },
    seed: spec.seed ?? 1,
    durationMs: spec.durationMs,
    nodes: spec.nodes.map((n) => {
      const def = registry.get(n.kind);
      if (!def) throw new Error(`unknown kind ${n.kind}`);
      return {
        id: n.id,
        kind: n.kind,
        position: { x: 0, y: 0 },
        config: def.configSchema.parse(n.config ?? {}) as Record<string, unknown>,
      };
    }),
    edges: (spec.edges ?? []).map((e, i) => ({
      id: e.id ?? `e${i}`,
      source: e.source,
      target: e.target,
      config: { ...DEFAULT_EDGE_CONFIG, ...e.config },
    })),
    faults: spec.faults ?? [],
    groups: [],
  };
}
