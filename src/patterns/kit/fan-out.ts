import type { Call, SimContext } from '../../engine/index.ts';

/**
 * Parallel fan-out on behalf of one call (used by the gateway's aggregation routes and the
 * BFF): every branch is sent at once, the call is answered when the last branch answers (so
 * its latency is the slowest branch's), and it fails with the first failure cause of a
 * branch whose edge is `required`; failures on optional edges only shrink the answer.
 * Uses the callee's scratch of `call`: `pending` (branches outstanding) and `failCause`.
 */
export function startFanOut(
  ctx: SimContext,
  node: number,
  call: Call,
  edges: readonly number[],
  callerTag: number,
): void {
  call.pending = edges.length;
  call.failCause = '';
  for (const edge of edges) {
    const child = ctx.send(node, edge, call.request, call);
    // The caller's scratch on the branch (e.g. a breaker epoch).
    child.callerSlot = callerTag;
  }
}

/** Records one branch's answer on its parent; true when it was the last one outstanding. */
export function branchAnswered(ctx: SimContext, parent: Call, child: Call): boolean {
  if (!child.ok && !parent.failCause && ctx.edgeConfig(child.edge).required) {
    parent.failCause = child.cause;
  }
  parent.pending--;
  return parent.pending === 0;
}
