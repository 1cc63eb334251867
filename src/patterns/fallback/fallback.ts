import {
  CallPhase,
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import { causeMatches, counter, ONE_DOWNSTREAM, perArrival, waitingParent } from '../kit/index.ts';
import { fallbackConfigSchema, type FallbackConfig } from './config.ts';

type N = NodeRuntime<FallbackConfig, null>;

const TAG_SERVE = 1;

// call.step of a call at this node; `failCause` keeps the failure being covered.
const STEP_WAITING = 1;
const STEP_SERVING = 2;

function handles(ctx: SimContext, cfg: FallbackConfig, cause: string): boolean {
  return causeMatches(cfg.fallbackOn, cause, ctx);
}

function serve(ctx: SimContext, node: N, call: Call): void {
  ctx.count(node.index, 'fallback');
  if (ctx.tracing) ctx.trace(node.index, 'fallback.served', call.request, call.failCause);
  ctx.respond(call, true);
}

/** Answers `call` with the degraded default, now or after `fallbackLatencyMs`. */
function fallBack(ctx: SimContext, node: N, call: Call, cause: string): void {
  call.failCause = cause;
  const latencyMs = node.config.fallbackLatencyMs;
  if (latencyMs <= 0) {
    serve(ctx, node, call);
    return;
  }
  call.step = STEP_SERVING;
  ctx.setTimer(node.index, latencyMs * 1000, TAG_SERVE, call);
}

export const fallbackKind: KindDefinition<FallbackConfig, null> = {
  kind: 'fallback',
  label: 'Fallback',
  category: 'resilience',
  description:
    'A proxy in front of one dependency that turns its failures into a degraded success: when the call fails with a cause whose class (or name) is in fallbackOn (by default every class but client-error: dependency failures, timeouts, overload and limiter refusals, an open breaker, no route), the caller gets a default answer after fallbackLatencyMs (0 for a static default, a few ms for a cache read) instead of the error. Other failures pass through unchanged. Watch the fallback count replace the errors the client would otherwise see; put a timeout behind it to cover a hung dependency.',
  configSchema: fallbackConfigSchema,
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'fallback', label: 'Degraded answers (fallback)', unit: 'count' },
    { name: 'failuresRelayed', label: 'Failures passed on', unit: 'count' },
  ],
  init: () => null,
  report(f) {
    return {
      fallback: counter(f, 'fallback'),
      fallbackShare: perArrival(f, 'fallback'),
      failuresRelayedShare: perArrival(f, 'failuresRelayed'),
    };
  },
  onCall(ctx, node, call) {
    const edge = ctx.outEdges(node.index)[0];
    if (edge !== undefined) {
      call.step = STEP_WAITING;
      ctx.send(node.index, edge, call.request, call);
    } else if (handles(ctx, node.config, Cause.NoRoute)) {
      fallBack(ctx, node, call, Cause.NoRoute);
    } else {
      ctx.count(node.index, 'failuresRelayed');
      ctx.respond(call, false, Cause.NoRoute);
    }
  },
  onResponse(ctx, node, child) {
    const parent = waitingParent(ctx, child);
    if (!parent || parent.step !== STEP_WAITING) return;
    if (child.ok) {
      ctx.respond(parent, true);
    } else if (handles(ctx, node.config, child.cause)) {
      fallBack(ctx, node, parent, child.cause);
    } else {
      ctx.count(node.index, 'failuresRelayed');
      ctx.respond(parent, false, child.cause);
    }
  },
  onTimer(ctx, node, tag, call) {
    if (tag !== TAG_SERVE || !call) return;
    if (call.phase !== CallPhase.AtNode || call.parked || call.step !== STEP_SERVING) return;
    serve(ctx, node, call);
  },
};
