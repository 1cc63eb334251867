import { MarkerType, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import type { SimEdge, SimGroup, SimNode } from '../scenario/index.ts';
import type { ContextGroupFlowNode } from './context-group-node.tsx';
import { nodeNameId, type ComponentFlowNode } from './component-node.tsx';
import { edgeNameId } from './traffic-edge.tsx';

const NO_DATA: Record<string, never> = {};

/**
 * A component node's size before React Flow has measured it (`.cnode` is 200 px wide and its
 * rows have fixed heights). With it React Flow draws nodes in the first frame instead of
 * keeping them hidden until the measuring pass; the measured size replaces it.
 */
export const NODE_INITIAL_SIZE_PX = { width: 200, height: 144 } as const;
// Sized in pixels, so the arrowhead does not grow with the traffic-scaled stroke width.
const ARROW = {
  type: MarkerType.ArrowClosed,
  width: 14,
  height: 14,
  markerUnits: 'userSpaceOnUse',
} as const;

interface CachedNode {
  selected: boolean;
  measured: { width: number; height: number } | undefined;
  flow: ComponentFlowNode;
}

// Keyed by the immutable document node: a flow node object is reused while its document
// node, selection and measured size are unchanged, so React Flow and memoised bodies skip it.
const flowNodeCache = new WeakMap<SimNode, CachedNode>();

export function flowNodeFor(
  n: SimNode,
  selected: boolean,
  measured: CachedNode['measured'],
): ComponentFlowNode {
  const prev = flowNodeCache.get(n);
  if (prev && prev.selected === selected && prev.measured === measured) return prev.flow;
  const flow: ComponentFlowNode = {
    id: n.id,
    type: 'component',
    position: n.position,
    data: NO_DATA,
    selected,
    // Named by hidden text inside it that follows the status ("Service Orders, Saturated"):
    // live words never travel through this array.
    domAttributes: { 'aria-labelledby': nodeNameId(n.id) },
    ...(measured
      ? { measured }
      : {
          initialWidth: NODE_INITIAL_SIZE_PX.width,
          initialHeight: NODE_INITIAL_SIZE_PX.height,
        }),
  };
  flowNodeCache.set(n, { selected, measured, flow });
  return flow;
}

const groupCache = new WeakMap<SimGroup, { selected: boolean; flow: ContextGroupFlowNode }>();

function flowGroupFor(g: SimGroup, selected: boolean): ContextGroupFlowNode {
  const prev = groupCache.get(g);
  if (prev && prev.selected === selected) return prev.flow;
  const flow: ContextGroupFlowNode = {
    id: g.id,
    type: 'context',
    position: g.position,
    data: NO_DATA,
    selected,
    width: g.width,
    height: g.height,
    // Behind the components, and never a connection end.
    zIndex: -1,
    connectable: false,
  };
  groupCache.set(g, { selected, flow });
  return flow;
}

/** Bounded contexts first, so React Flow draws them behind the components. */
export function useFlowGroups(
  groups: readonly SimGroup[],
  selected: readonly string[],
): ContextGroupFlowNode[] {
  return useMemo(() => {
    const sel = new Set(selected);
    return groups.map((g) => flowGroupFor(g, sel.has(g.id)));
  }, [groups, selected]);
}

/** Document nodes → React Flow nodes (live values never travel through these). */
export function useFlowNodes(
  nodes: readonly SimNode[],
  selected: readonly string[],
  measured: ReadonlyMap<string, { width: number; height: number }>,
): ComponentFlowNode[] {
  return useMemo(() => {
    const sel = new Set(selected);
    return nodes.map((n) => flowNodeFor(n, sel.has(n.id), measured.get(n.id)));
  }, [nodes, selected, measured]);
}

export function useFlowEdges(edges: readonly SimEdge[], selected: readonly string[]): Edge[] {
  return useMemo(() => {
    const sel = new Set(selected);
    return edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'traffic',
      selected: sel.has(e.id),
      markerEnd: ARROW,
      ariaLabel: `Calls from ${e.source} to ${e.target}`,
      // Named by hidden text the edge renders with its live status (traffic-edge.tsx).
      domAttributes: { 'aria-labelledby': edgeNameId(e.id) },
    }));
  }, [edges, selected]);
}
