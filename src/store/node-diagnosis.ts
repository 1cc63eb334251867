import {
  stuckDiagnosis,
  type NodeFrame,
  type StuckDiagnosis,
  type StuckRole,
} from '../engine/index.ts';

/**
 * Why a node is stuck, from its frame: the engine's figures (`frame.stuck`, with the node's
 * gauges of the same instant) in the engine's one sentence, "all 4 workers waiting on a
 * partitioned call; 12 000 queued; no timeout is set". The status word (node-status.ts), the
 * inspector and the banner read it here; a view prefixes the node's name. Null when none of
 * its waits is stuck.
 */
export function frameDiagnosis(
  frame: NodeFrame | undefined,
  role: StuckRole,
): StuckDiagnosis | null {
  if (!frame?.stuck) return null;
  const { busy, capacity, queueDepth, inFlight } = frame;
  return stuckDiagnosis({ ...frame.stuck, busy, capacity, queueDepth, inFlight }, role);
}
