import { cachedDerived, type SimContext } from '../../engine/index.ts';
import { NO_HEALTHY_TARGET, type AttemptHost } from '../kit/index.ts';
import { sidecarPolicy, type SidecarConfig } from './config.ts';
import { pickInstance, triedBit } from './machine.ts';
import { observe, type SidecarNode, type SidecarState } from './sidecar-state.ts';

/**
 * What the sidecar tells the kit's attempt driver: each attempt goes to an instance picked
 * by weighted split, untried ones first (the request's tried instances are a bit mask kept in
 * `state.tried`, indexed by the waiting call's id); every attempt's outcome feeds outlier
 * detection.
 */

function buildPolicy(_ctx: SimContext, node: SidecarNode) {
  return sidecarPolicy(node.config);
}

export const sidecarAttempts: AttemptHost<SidecarConfig, SidecarState> = {
  traces: {
    scheduled: 'sidecar.retry-scheduled',
    gaveUp: 'sidecar.gave-up',
    attemptTimedOut: 'sidecar.attempt-timed-out',
  },
  timeoutMetric: 'timeouts',
  policy: (ctx, node) => cachedDerived(ctx, node, buildPolicy),
  pickTarget(ctx, node, parent, attempt) {
    const st = node.state;
    const weights = ctx.outEdges(node.index).map((e) => ctx.edgeConfig(e).weight);
    const tried = attempt === 1 ? 0 : (st.tried[parent.id] ?? 0);
    const pick = pickInstance(st.routing, weights, tried);
    st.routing = pick.next;
    st.tried[parent.id] = pick.target < 0 ? tried : tried | triedBit(pick.target);
    return pick.target;
  },
  noTarget(ctx, node, parent) {
    ctx.count(node.index, 'noTarget');
    if (ctx.tracing) {
      ctx.trace(node.index, 'sidecar.no-target', parent.request, NO_HEALTHY_TARGET.cause);
    }
    return NO_HEALTHY_TARGET.cause;
  },
  observe,
};
