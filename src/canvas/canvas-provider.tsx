import { ReactFlowProvider, useStore, type ReactFlowState } from '@xyflow/react';
import type { ReactNode } from 'react';

/** Shares one React Flow instance with the whole shell (the status bar reads the zoom). */
export function CanvasProvider({ children }: { children: ReactNode }) {
  return <ReactFlowProvider>{children}</ReactFlowProvider>;
}

export interface CanvasStats {
  nodeCount: number;
  edgeCount: number;
  zoomPercent: number;
}

// Components only: bounded-context regions are drawn as nodes but are not components.
const selectNodeCount = (s: ReactFlowState) =>
  s.nodes.reduce((n, node) => (node.type === 'context' ? n : n + 1), 0);
const selectEdgeCount = (s: ReactFlowState) => s.edges.length;
const selectZoomPercent = (s: ReactFlowState) => Math.round(s.transform[2] * 100);

/** Narrow selectors: each returns a number, so the caller re-renders only when one changes. */
export function useCanvasStats(): CanvasStats {
  return {
    nodeCount: useStore(selectNodeCount),
    edgeCount: useStore(selectEdgeCount),
    zoomPercent: useStore(selectZoomPercent),
  };
}
