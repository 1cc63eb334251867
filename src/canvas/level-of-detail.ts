import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Below this zoom a node's 11.5 px figures are under 5 px on screen, too small to read, and
 * an edge's thickness (1.5–8 px) changes by under a pixel: the canvas draws the compact view —
 * nodes with their status but no figures, edges with their colour but a fixed width — so a
 * large scenario, which only fits the screen zoomed out, has a fraction of the DOM and of the
 * live updates.
 */
export const COMPACT_BELOW_ZOOM = 0.4;

export function isCompactZoom(zoom: number): boolean {
  return zoom < COMPACT_BELOW_ZOOM;
}

const selectCompact = (s: ReactFlowState) => isCompactZoom(s.transform[2]);

/** True while the canvas is zoomed out to the compact view; re-renders only when that flips. */
export function useCompactZoom(): boolean {
  return useStore(selectCompact);
}
