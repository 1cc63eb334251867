import {
  CallPhase,
  Cause,
  type Call,
  type OutputPort,
  type SimContext,
} from '../../engine/index.ts';

/**
 * Forwarding to one downstream, the shape of every proxy (breaker, retry, timeout, bulkhead,
 * limiter, fallback, shedder, throttle, translator): the kind declares one `call` output, sends
 * each call on along its first outgoing edge, answers `no-route` when there is none, and
 * relays the answer to a caller that still waits for it.
 */

/** The outputs of a kind that calls exactly one downstream: the editor refuses a second edge. */
export const ONE_DOWNSTREAM: readonly OutputPort[] = [
  { role: 'call', label: 'Downstream', max: 1 },
];

/**
 * The node's downstream edge (its first outgoing edge); with none, answers `call` with
 * `no-route` and returns -1.
 */
export function downstreamOrNoRoute(ctx: SimContext, node: number, call: Call): number {
  const edge = ctx.outEdges(node)[0];
  if (edge !== undefined) return edge;
  ctx.respond(call, false, Cause.NoRoute);
  return -1;
}

/**
 * The caller's call `child` serves, if it still waits here for an answer: live (not recycled
 * after a crash abort), at this node and not parked by a hang fault. Otherwise null: the
 * answer is moot.
 */
export function waitingParent(ctx: SimContext, child: Call): Call | null {
  const parent = child.parent;
  if (!parent || !ctx.isLive(parent, child.parentGen)) return null;
  return parent.phase === CallPhase.AtNode && !parent.parked ? parent : null;
}

/** Passes a downstream answer back to the caller, if it still waits for it. */
export function relayAnswer(ctx: SimContext, child: Call): void {
  const parent = waitingParent(ctx, child);
  if (parent) ctx.respond(parent, child.ok, child.cause);
}
