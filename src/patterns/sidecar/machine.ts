import type { NodeStateLabel } from '../../engine/index.ts';
import {
  initialOutlier,
  initialSelection,
  selectTarget,
  type OutlierState,
  type SelectionState,
} from '../kit/index.ts';

/**
 * The sidecar's routing state as pure functions over plain data: which instances are in
 * rotation (not ejected by outlier detection), and which one an attempt goes to — the load
 * balancer's smooth weighted round robin over edge weights, skipping the instances this
 * request already tried while any other instance is in rotation (Envoy's "previous hosts"
 * retry predicate). Never mutates its input.
 */

export interface MeshRouting {
  targets: number;
  selection: SelectionState;
  /** Null when outlier detection is off. */
  outlier: OutlierState | null;
}

export function initialRouting(targets: number, outlierDetection: boolean): MeshRouting {
  return {
    targets,
    selection: initialSelection(targets),
    outlier: outlierDetection ? initialOutlier(targets) : null,
  };
}

/** Instance i is in rotation unless outlier detection has ejected it. */
export function inRotation(r: MeshRouting): boolean[] {
  return Array.from({ length: r.targets }, (_, i) => !r.outlier?.hosts[i]?.ejected);
}

export function inRotationCount(r: MeshRouting): number {
  let n = 0;
  for (const ok of inRotation(r)) if (ok) n++;
  return n;
}

/**
 * A request's tried instances are a bit mask (kept in the call's scratch): instances from
 * the 32nd on have no bit, so they are never avoided — a documented limit, not a failure.
 */
export function triedBit(i: number): number {
  return i >= 0 && i < 31 ? 1 << i : 0;
}

/** The instances an attempt may go to: in rotation and untried, or in rotation if none is. */
export function attemptEligible(rotation: readonly boolean[], triedMask: number): boolean[] {
  const untried = rotation.map((ok, i) => ok && (triedMask & triedBit(i)) === 0);
  return untried.some(Boolean) ? untried : rotation.slice();
}

export interface InstancePick {
  /** The instance index, or -1 when none is in rotation. */
  target: number;
  next: MeshRouting;
}

/** Picks the instance for the next attempt of a request that has tried `triedMask`. */
export function pickInstance(
  r: MeshRouting,
  weights: readonly number[],
  triedMask: number,
): InstancePick {
  const eligible = attemptEligible(inRotation(r), triedMask);
  // Smooth weighted round robin draws nothing: the uniform source is never called.
  const s = selectTarget('weighted', { eligible, inFlight: [], weights }, r.selection, () => 0);
  return { target: s.target, next: s.target < 0 ? r : { ...r, selection: s.next } };
}

/** The canvas label: "2/3 in rotation". */
export function routingLabel(r: MeshRouting): NodeStateLabel {
  if (r.targets === 0) return { text: 'NO INSTANCES', tone: 'bad' };
  const n = inRotationCount(r);
  const tone = n === r.targets ? 'ok' : n === 0 ? 'bad' : 'warn';
  return { text: `${n}/${r.targets} in rotation`, tone };
}
