import type { Position } from '../scenario/index.ts';

export const NODE_BOX = { width: 200, height: 130 };
const GAP = 24;

/**
 * The free place nearest to `wanted` for a new node: tries `wanted`, then rings of candidate
 * spots around it, so a node added from the palette never lands on top of another.
 */
export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function freeSpot(wanted: Position, taken: readonly Position[], visible?: Bounds): Position {
  const overlaps = (p: Position) =>
    taken.some(
      (t) =>
        Math.abs(t.x - p.x) < NODE_BOX.width + GAP && Math.abs(t.y - p.y) < NODE_BOX.height + GAP,
    );
  // Prefer spots the user can see; fall back to any free spot.
  const inView = (p: Position) =>
    !visible ||
    (p.x >= visible.minX &&
      p.y >= visible.minY &&
      p.x + NODE_BOX.width <= visible.maxX &&
      p.y + NODE_BOX.height <= visible.maxY);
  if (!overlaps(wanted) && inView(wanted)) return wanted;
  const stepX = (NODE_BOX.width + GAP) / 2;
  const stepY = (NODE_BOX.height + GAP) / 2;
  let fallback: Position | null = null;
  for (let ring = 1; ring <= 24; ring++) {
    for (let dy = -ring; dy <= ring; dy++) {
      for (let dx = -ring; dx <= ring; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: wanted.x + dx * stepX, y: wanted.y + dy * stepY };
        if (overlaps(p)) continue;
        if (inView(p)) return p;
        fallback ??= p;
      }
    }
  }
  return fallback ?? wanted;
}
