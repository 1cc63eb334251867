import {
  CLIENT_FAULT_TYPES,
  EDGE_FAULT_TYPES,
  KIND_FAULT_TYPES,
  NODE_FAULT_TYPES,
  type AnyKindDefinition,
  type KindRegistry,
  type SimNode,
} from '../engine/index.ts';
import type { ScenarioDocument } from './schema.ts';
import { formatPath, joinPath, quote, type ScenarioError } from './scenario-error.ts';
import { parseWith } from './zod-issues.ts';

export interface SemanticResult {
  /** Nodes with their kind-validated, defaults-applied config (meaningful only without errors). */
  nodes: SimNode[];
  errors: ScenarioError[];
  warnings: ScenarioError[];
}

interface NodeEntry {
  kind: string;
  /** Undefined when the kind is unknown (already reported). */
  def: AnyKindDefinition | undefined;
}

/** `kind`: a node whose kind lists the fault type in `kindFaults`. */
type TargetClass = 'node' | 'edge' | 'source' | 'kind';

// Derived from the engine's lists so a new fault type cannot silently skip target checks.
const FAULT_TARGETS = new Map<string, TargetClass>([
  ...NODE_FAULT_TYPES.map((t) => [t, 'node'] as const),
  ...EDGE_FAULT_TYPES.map((t) => [t, 'edge'] as const),
  ...CLIENT_FAULT_TYPES.map((t) => [t, 'source'] as const),
  ...KIND_FAULT_TYPES.map((t) => [t, 'kind'] as const),
]);

/** The kinds of a registry that react to a kind-specific fault type, for messages. */
function kindsHonouring(registry: KindRegistry, type: string): string {
  const kinds = registry.kinds().filter((d) => d.kindFaults?.some((t) => t === type));
  return kinds.length ? kinds.map((d) => quote(d.kind)).join(', ') : 'none';
}

/**
 * Ids are one namespace across nodes, edges, faults and groups (the editor draws groups as
 * nodes, and a fault target must name one thing). Each repeat points at the first use.
 */
function duplicateIds(doc: ScenarioDocument): ScenarioError[] {
  const lists = [
    ['nodes', doc.nodes],
    ['edges', doc.edges],
    ['faults', doc.faults],
    ['groups', doc.groups],
  ] as const;
  const first = new Map<string, string>();
  const errors: ScenarioError[] = [];
  for (const [list, items] of lists) {
    items.forEach(({ id }, i) => {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, `${list}[${i}]`);
      else {
        errors.push({
          path: `${list}[${i}].id`,
          message: `duplicate id ${quote(id)} (also used by ${earlier})`,
        });
      }
    });
  }
  return errors;
}

function checkNodes(doc: ScenarioDocument, registry: KindRegistry, out: SemanticResult) {
  const known = registry
    .kinds()
    .map((d) => d.kind)
    .join(', ');
  doc.nodes.forEach((node, i) => {
    const def = registry.get(node.kind);
    if (!def) {
      out.errors.push({
        path: `nodes[${i}].kind`,
        message: `unknown kind ${quote(node.kind)}; known kinds: ${known}`,
      });
      return;
    }
    const base = `nodes[${i}].config`;
    const parsed = parseWith(def.configSchema, node.config, base);
    if (!parsed.ok) {
      out.errors.push(...parsed.errors);
      return;
    }
    const config: unknown = parsed.data;
    if (typeof config !== 'object' || config === null || Array.isArray(config)) {
      out.errors.push({
        path: base,
        message: `kind ${quote(node.kind)} produced no config object`,
      });
      return;
    }
    // Kind schemas may strip unknown fields instead of rejecting them; flag likely typos.
    for (const key of Object.keys(node.config)) {
      if (!Object.hasOwn(config, key)) {
        out.warnings.push({
          path: joinPath(base, formatPath([key])),
          message: 'unknown field, ignored',
        });
      }
    }
    out.nodes.push({ ...node, config: config as Record<string, unknown> });
  });
}

function checkEdges(doc: ScenarioDocument, nodes: Map<string, NodeEntry>, out: SemanticResult) {
  doc.edges.forEach((edge, i) => {
    let dangling = false;
    for (const end of ['source', 'target'] as const) {
      if (!nodes.has(edge[end])) {
        dangling = true;
        out.errors.push({
          path: `edges[${i}].${end}`,
          message: `no node with id ${quote(edge[end])}`,
        });
      }
    }
    if (dangling) return;
    if (edge.source === edge.target) {
      out.errors.push({
        path: `edges[${i}].target`,
        message: `an edge cannot connect node ${quote(edge.source)} to itself`,
      });
      return;
    }
    const target = nodes.get(edge.target);
    if (target?.def?.isSource) {
      out.errors.push({
        path: `edges[${i}].target`,
        message: `node ${quote(edge.target)} (kind ${quote(target.kind)}) is a traffic source and cannot receive calls`,
      });
    }
  });
}

function checkFaults(
  doc: ScenarioDocument,
  nodes: Map<string, NodeEntry>,
  edgeIds: Set<string>,
  registry: KindRegistry,
  out: SemanticResult,
) {
  doc.faults.forEach((fault, i) => {
    const path = `faults[${i}].target`;
    const wants = FAULT_TARGETS.get(fault.type) ?? 'node';
    const target = quote(fault.target);
    const node = nodes.get(fault.target);
    if (wants === 'edge' && !edgeIds.has(fault.target)) {
      const message = node
        ? `a ${fault.type} fault targets an edge, but ${target} is a node`
        : `no edge with id ${target}`;
      out.errors.push({ path, message });
    } else if (wants !== 'edge' && !node) {
      const message = edgeIds.has(fault.target)
        ? `a ${fault.type} fault targets a node, but ${target} is an edge`
        : `no node with id ${target}`;
      out.errors.push({ path, message });
    } else if (wants === 'source' && node?.def && !node.def.isSource) {
      out.errors.push({
        path,
        message: `a ${fault.type} fault targets a traffic source, but node ${target} (kind ${quote(node.kind)}) is not one`,
      });
    } else if (
      wants === 'kind' &&
      node?.def &&
      !node.def.kindFaults?.some((t) => t === fault.type)
    ) {
      out.errors.push({
        path,
        message: `a ${fault.type} fault only affects nodes of kind ${kindsHonouring(registry, fault.type)}, but node ${target} is of kind ${quote(node.kind)}`,
      });
    }
    if (fault.startMs >= doc.durationMs) {
      out.warnings.push({
        path: `faults[${i}].startMs`,
        message: `starts at ${fault.startMs} ms, at or after the end of the run (${doc.durationMs} ms), so it never takes effect`,
      });
    }
  });
}

/** The checks that need the kind registry or span several parts of the document. */
export function checkSemantics(doc: ScenarioDocument, registry: KindRegistry): SemanticResult {
  const out: SemanticResult = { nodes: [], errors: [], warnings: [] };
  out.errors.push(...duplicateIds(doc));
  checkNodes(doc, registry, out);

  const nodes = new Map<string, NodeEntry>();
  for (const node of doc.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, { kind: node.kind, def: registry.get(node.kind) });
  }
  checkEdges(doc, nodes, out);
  checkFaults(doc, nodes, new Set(doc.edges.map((e) => e.id)), registry, out);
  return out;
}
