import type { SimEdge, SimFault } from '../scenario/index.ts';
import { faultLabel } from '../store/index.ts';
import type { ChartScope } from './chart-scope.ts';

/** A fault's active window on the time axis, seconds of virtual time. */
export interface FaultBand {
  id: string;
  type: string;
  /** Short text drawn in the band (the fault type in words). */
  label: string;
  /** Node or edge id the fault targets. */
  target: string;
  x1: number;
  x2: number;
}

type FaultLike = Pick<SimFault, 'id' | 'target' | 'type' | 'startMs' | 'durationMs'>;
type EdgeLike = Pick<SimEdge, 'id' | 'source' | 'target'>;

/** A node's charts show faults on the node itself and on edges from or to it. */
function concernsNode(fault: FaultLike, nodeId: string, edges: readonly EdgeLike[]): boolean {
  if (fault.target === nodeId) return true;
  const edge = edges.find((e) => e.id === fault.target);
  return edge !== undefined && (edge.source === nodeId || edge.target === nodeId);
}

/**
 * Bands for the faults relevant to a scope (all of them for the system). A fault without a
 * duration lasts to the run's end; bands are cut at the run's end, and faults starting at or
 * after it are dropped.
 */
export function faultBands(
  faults: readonly FaultLike[],
  edges: readonly EdgeLike[],
  scope: ChartScope,
  runEndMs: number,
): FaultBand[] {
  const bands: FaultBand[] = [];
  for (const f of faults) {
    if (scope.type === 'node' && !concernsNode(f, scope.nodeId, edges)) continue;
    if (f.startMs >= runEndMs) continue;
    const endMs = f.durationMs === null ? runEndMs : Math.min(f.startMs + f.durationMs, runEndMs);
    bands.push({
      id: f.id,
      type: f.type,
      label: faultLabel(f.type),
      target: f.target,
      x1: f.startMs / 1000,
      x2: endMs / 1000,
    });
  }
  return bands.sort((a, b) => a.x1 - b.x1 || a.id.localeCompare(b.id));
}

/** Bands cut to the visible domain; bands wholly outside it are dropped. */
export function clipBands(bands: readonly FaultBand[], [min, max]: [number, number]): FaultBand[] {
  const clipped: FaultBand[] = [];
  for (const b of bands) {
    const x1 = Math.max(b.x1, min);
    const x2 = Math.min(b.x2, max);
    if (x2 > x1) clipped.push(x1 === b.x1 && x2 === b.x2 ? b : { ...b, x1, x2 });
  }
  return clipped;
}
