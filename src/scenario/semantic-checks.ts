import {
  faultTargetProblem,
  kindsHonouring,
  type AnyKindDefinition,
  type KindRegistry,
  type SimNode,
} from '../engine/index.ts';
import type { ScenarioDocument } from './schema.ts';
import { formatPath, joinPath, quote, type ScenarioError } from './scenario-error.ts';
import { parseWith } from './zod-issues.ts';
import { METRIC_FIGURE_PREFIX } from './watch-figures.ts';
import { connectionErrors } from './connection-rules.ts';
import { edgeRoleErrors } from './edge-roles.ts';

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

function checkFaults(
  doc: ScenarioDocument,
  nodes: Map<string, NodeEntry>,
  edgeIds: Set<string>,
  registry: KindRegistry,
  out: SemanticResult,
) {
  doc.faults.forEach((fault, i) => {
    const def = registry.faultType(fault.type);
    if (!def) return; // the document schema has reported it
    const node = nodes.get(fault.target);
    const problem = faultTargetProblem(
      def,
      fault.target,
      {
        isEdge: edgeIds.has(fault.target),
        ...(node?.def
          ? {
              node: {
                kind: node.kind,
                isSource: node.def.isSource === true,
                kindFaults: (node.def.kindFaults ?? []).map((f) => f.type),
              },
            }
          : {}),
      },
      () => kindsHonouring(registry, def.type),
    );
    // A node of an unknown kind is reported already; its faults are not judged again.
    if (problem && !(node && !node.def)) {
      out.errors.push({ path: `faults[${i}].target`, message: problem });
    }
    if (fault.startMs >= doc.durationMs) {
      out.warnings.push({
        path: `faults[${i}].startMs`,
        message: `starts at ${fault.startMs} ms, at or after the end of the run (${doc.durationMs} ms), so it never takes effect`,
      });
    }
  });
}

/** `meta.watch` names nodes of this document, and a metric figure their kinds declare. */
function checkWatch(doc: ScenarioDocument, nodes: Map<string, NodeEntry>, out: SemanticResult) {
  const watch = doc.meta.watch;
  if (!watch) return;
  const metric = watch.figure.startsWith(METRIC_FIGURE_PREFIX)
    ? watch.figure.slice(METRIC_FIGURE_PREFIX.length)
    : null;
  watch.nodes.forEach((id, i) => {
    const path = `meta.watch.nodes[${i}]`;
    const node = nodes.get(id);
    if (!node) {
      out.errors.push({ path, message: `no node with id ${quote(id)}` });
      return;
    }
    if (watch.nodes.indexOf(id) !== i) {
      out.errors.push({ path, message: `node ${quote(id)} is watched twice` });
      return;
    }
    // An unknown kind is reported already.
    if (metric !== null && node.def && !node.def.metrics.some((m) => m.name === metric)) {
      const declared = node.def.metrics.map((m) => m.name).join(', ') || 'none';
      out.errors.push({
        path: 'meta.watch.figure',
        message: `node ${quote(id)} (kind ${quote(node.kind)}) declares no metric ${quote(metric)}; its metrics: ${declared}`,
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
  // The editor's rules for drawing an edge, applied to every edge of the document.
  out.errors.push(...connectionErrors(doc.nodes, doc.edges, registry));
  out.errors.push(...edgeRoleErrors(doc, (id) => nodes.get(id)?.def));
  checkFaults(doc, nodes, new Set(doc.edges.map((e) => e.id)), registry, out);
  checkWatch(doc, nodes, out);
  return out;
}
