import { useStore, type ReactFlowState } from '@xyflow/react';

/**
 * Smallest size text may render at on screen, px: legible from the back of a room on a
 * projector at 1280×720.
 */
export const LEGIBLE_TEXT_PX = 11;
/** The figures of the full view (11.5 px): legible from this zoom up. */
export const FULL_FROM_ZOOM = 0.96;
/**
 * The glance view's text is 22 px or more, legible from this zoom up; a fit never zooms out
 * further (see flow-canvas.tsx): a large diagram is panned, not shrunk to microscopic text.
 */
export const GLANCE_FROM_ZOOM = 0.5;
/** Below the glance view only the compact view is drawn (status tints, no figures). */
export const COMPACT_BELOW_ZOOM = GLANCE_FROM_ZOOM;

/**
 * What a node draws at a zoom:
 * - `full`: every figure, in their 11.5 px (zoomed in to ≥ 96 %);
 * - `glance`: the label, the status and the two figures that matter most (rate and p99), in
 *   22 px and up, so they stay ≥ 11 px on screen down to 50 % — the default view of a
 *   diagram that only fits zoomed out;
 * - `compact`: status and a block tinted with the node's health — a large scenario zoomed out
 *   further has a fraction of the DOM and of the live updates.
 */
export type LevelOfDetail = 'full' | 'glance' | 'compact';

export function levelOfDetail(zoom: number): LevelOfDetail {
  if (zoom >= FULL_FROM_ZOOM) return 'full';
  return zoom >= GLANCE_FROM_ZOOM ? 'glance' : 'compact';
}

export function isCompactZoom(zoom: number): boolean {
  return levelOfDetail(zoom) === 'compact';
}

const selectLevel = (s: ReactFlowState) => levelOfDetail(s.transform[2]);
const selectCompact = (s: ReactFlowState) => isCompactZoom(s.transform[2]);

/** The level of detail at the canvas's zoom; re-renders only when it changes. */
export function useLevelOfDetail(): LevelOfDetail {
  return useStore(selectLevel);
}

/** True while the canvas is zoomed out to the compact view; re-renders only when that flips. */
export function useCompactZoom(): boolean {
  return useStore(selectCompact);
}
