import type { Position, SimEdge, SimFault, SimNode, SimScenario } from '../engine/index.ts';
import { DEFAULT_EDGE_CONFIG } from '../engine/index.ts';

/**
 * Pure edits of a scenario. Each returns a new scenario sharing untouched parts with the old
 * one (cheap undo history, cheap React diffing). Validation happens where edits are committed.
 */

export function uniqueId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_.:-]/g, '-').slice(0, 56) || 'node';
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const id = `${base}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function allIds(s: SimScenario): Set<string> {
  return new Set([
    ...s.nodes.map((n) => n.id),
    ...s.edges.map((e) => e.id),
    ...s.faults.map((f) => f.id),
  ]);
}

export function addNode(
  s: SimScenario,
  kind: string,
  label: string,
  config: Record<string, unknown>,
  position: Position,
): { scenario: SimScenario; nodeId: string } {
  const id = uniqueId(kind, allIds(s));
  const node: SimNode = { id, kind, label, position, config };
  return { scenario: { ...s, nodes: [...s.nodes, node] }, nodeId: id };
}

/** Removes nodes and edges; edges touching removed nodes and faults on removed things go too. */
export function removeElements(
  s: SimScenario,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): SimScenario {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  for (const e of s.edges) if (nodes.has(e.source) || nodes.has(e.target)) edges.add(e.id);
  if (nodes.size === 0 && edges.size === 0) return s;
  return {
    ...s,
    // Group ids arrive with node ids (the canvas draws groups as nodes); the nodes inside stay.
    groups: s.groups.filter((g) => !nodes.has(g.id)),
    nodes: s.nodes.filter((n) => !nodes.has(n.id)),
    edges: s.edges.filter((e) => !edges.has(e.id)),
    faults: s.faults.filter((f) => !nodes.has(f.target) && !edges.has(f.target)),
  };
}

export function addEdge(
  s: SimScenario,
  source: string,
  target: string,
): { scenario: SimScenario; edgeId: string } {
  const id = uniqueId(`${source}-${target}`, allIds(s));
  const edge: SimEdge = { id, source, target, config: { ...DEFAULT_EDGE_CONFIG } };
  return { scenario: { ...s, edges: [...s.edges, edge] }, edgeId: id };
}

/** Moves nodes and groups (both are positioned by id). */
export function moveNodes(s: SimScenario, positions: ReadonlyMap<string, Position>): SimScenario {
  if (positions.size === 0) return s;
  const moved = <T extends { id: string; position: Position }>(x: T): T => {
    const p = positions.get(x.id);
    return p && (p.x !== x.position.x || p.y !== x.position.y)
      ? { ...x, position: { x: p.x, y: p.y } }
      : x;
  };
  return { ...s, nodes: s.nodes.map(moved), groups: s.groups.map(moved) };
}

/** Ids of the nodes whose centre lies inside the group (they move with it). */
export function nodesInGroup(
  s: SimScenario,
  groupId: string,
  nodeSize = { width: 200, height: 120 },
): string[] {
  const g = s.groups.find((x) => x.id === groupId);
  if (!g) return [];
  return s.nodes
    .filter((n) => {
      const cx = n.position.x + nodeSize.width / 2;
      const cy = n.position.y + nodeSize.height / 2;
      const { x, y } = g.position;
      return cx >= x && cx <= x + g.width && cy >= y && cy <= y + g.height;
    })
    .map((n) => n.id);
}

export function updateNode(
  s: SimScenario,
  nodeId: string,
  change: Partial<Pick<SimNode, 'label' | 'config'>>,
): SimScenario {
  return { ...s, nodes: s.nodes.map((n) => (n.id === nodeId ? { ...n, ...change } : n)) };
}

export function updateEdgeConfig(
  s: SimScenario,
  edgeId: string,
  config: Record<string, unknown>,
): SimScenario {
  return {
    ...s,
    edges: s.edges.map((e) =>
      e.id === edgeId ? { ...e, config: { ...e.config, ...config } as SimEdge['config'] } : e,
    ),
  };
}

export function upsertFault(s: SimScenario, fault: SimFault): SimScenario {
  const exists = s.faults.some((f) => f.id === fault.id);
  return {
    ...s,
    faults: exists ? s.faults.map((f) => (f.id === fault.id ? fault : f)) : [...s.faults, fault],
  };
}

export function removeFault(s: SimScenario, faultId: string): SimScenario {
  return { ...s, faults: s.faults.filter((f) => f.id !== faultId) };
}

export interface Clipboard {
  nodes: SimNode[];
  edges: SimEdge[];
}

/** Copies the given nodes and the edges between them. */
export function copyElements(s: SimScenario, nodeIds: readonly string[]): Clipboard {
  const ids = new Set(nodeIds);
  return {
    nodes: s.nodes.filter((n) => ids.has(n.id)),
    edges: s.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
  };
}

/** Pastes a clipboard with fresh ids, offset so copies do not hide the originals. */
export function pasteElements(
  s: SimScenario,
  clip: Clipboard,
  offset: Position,
): { scenario: SimScenario; nodeIds: string[] } {
  const taken = allIds(s);
  const rename = new Map<string, string>();
  const nodes: SimNode[] = clip.nodes.map((n) => {
    // A copy of "catalog-2" is "catalog-3", not "catalog-2-2".
    const id = uniqueId(n.id.replace(/-\d+$/, ''), taken);
    taken.add(id);
    rename.set(n.id, id);
    return { ...n, id, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } };
  });
  const edges: SimEdge[] = clip.edges.map((e) => {
    const source = rename.get(e.source) ?? e.source;
    const target = rename.get(e.target) ?? e.target;
    const id = uniqueId(`${source}-${target}`, taken);
    taken.add(id);
    return { ...e, id, source, target };
  });
  return {
    scenario: { ...s, nodes: [...s.nodes, ...nodes], edges: [...s.edges, ...edges] },
    nodeIds: nodes.map((n) => n.id),
  };
}

/** True when two scenarios differ only in node positions and labels (no need to reload a run). */
export function sameTopology(a: SimScenario, b: SimScenario): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  if (a.seed !== b.seed || a.durationMs !== b.durationMs) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] as SimNode;
    const y = b.nodes[i] as SimNode;
    if (x.id !== y.id || x.kind !== y.kind) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i] as SimEdge;
    const y = b.edges[i] as SimEdge;
    if (x.id !== y.id || x.source !== y.source || x.target !== y.target) return false;
  }
  return true;
}
