import type { Position, SimEdge, SimNode } from '../scenario/index.ts';

export interface Size {
  width: number;
  height: number;
}

const DEFAULT_SIZE: Size = { width: 190, height: 110 };

/**
 * Left-to-right layered layout (calls flow left to right). dagre is loaded on first use so
 * it never weighs on the initial page load.
 */
export async function layoutPositions(
  nodes: readonly SimNode[],
  edges: readonly SimEdge[],
  sizes: ReadonlyMap<string, Size>,
): Promise<Map<string, Position>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { ...(sizes.get(n.id) ?? DEFAULT_SIZE) });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (p) out.set(n.id, { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) });
  }
  return out;
}
