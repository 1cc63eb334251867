import type { KindRegistry } from '../engine/index.ts';
import { documentSchema, SCENARIO_FORMAT, watchSchema, type ScenarioDocument } from './schema.ts';
import { parseWith, type SchemaResult } from './zod-issues.ts';

const valueOf = <T>(result: SchemaResult<T>): T | null => (result.ok ? result.data : null);

/**
 * A document that failed the strict schema, reduced to what the semantic checks can still
 * judge, so one pass reports every error: a missing `durationMs` must not hide an unknown kind
 * or a dangling edge. Each list is kept only if it parses on its own, and a list that refers
 * into a broken one is left out too (edges and faults name nodes; faults name edges), so no
 * check reports a false "no node with id" against a list it could not read; those checks run
 * once the broken list is fixed. The other top-level fields are placeholders (the semantic
 * checks read only `durationMs`, kept when valid, and only for warnings, which a failing
 * document does not return).
 */
export function checkableParts(
  raw: Record<string, unknown>,
  registry: KindRegistry,
): ScenarioDocument {
  const { shape } = documentSchema(registry);
  const nodes = valueOf(parseWith(shape.nodes, raw['nodes']));
  const edges = nodes && valueOf(parseWith(shape.edges, raw['edges']));
  const faults = edges && valueOf(parseWith(shape.faults, raw['faults']));
  const groups = valueOf(parseWith(shape.groups, raw['groups']));
  const durationMs = valueOf(parseWith(shape.durationMs, raw['durationMs']));
  // The watch names nodes: judged only when they parsed.
  const rawMeta = raw['meta'];
  const rawWatch =
    typeof rawMeta === 'object' && rawMeta !== null
      ? (rawMeta as Record<string, unknown>)['watch']
      : undefined;
  const watch = nodes && rawWatch !== undefined ? valueOf(parseWith(watchSchema, rawWatch)) : null;
  return {
    format: SCENARIO_FORMAT,
    version: 0,
    meta: { title: '', description: '', patterns: [], ...(watch ? { watch } : {}) },
    seed: 0,
    durationMs: durationMs ?? Infinity,
    nodes: nodes ?? [],
    edges: edges ?? [],
    faults: faults ?? [],
    groups: groups ?? [],
  };
}
