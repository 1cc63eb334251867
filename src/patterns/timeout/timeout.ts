import {
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import {
  callDeadlineUs,
  counter,
  downstreamOrNoRoute,
  ONE_DOWNSTREAM,
  perArrival,
  relayAnswer,
  requestWithDeadline,
  waitingParent,
} from '../kit/index.ts';
import { timeoutConfigSchema, type TimeoutConfig } from './config.ts';

type N = NodeRuntime<TimeoutConfig, null>;

const TAG_EXPIRE = 1;

function expired(ctx: SimContext, node: N, parent: Call, detail: string): void {
  ctx.count(node.index, 'timedOut');
  if (ctx.tracing) ctx.trace(node.index, 'timeout.expired', parent.request, Cause.Timeout, detail);
  ctx.respond(parent, false, Cause.Timeout);
}

export const timeoutKind: KindDefinition<TimeoutConfig, null> = {
  kind: 'timeout',
  label: 'Timeout',
  category: 'resilience',
  description:
    'A proxy in front of one dependency that gives every call a deadline: if no answer has come back after timeoutMs it answers its caller with "timeout" at once and stops waiting; the late answer is discarded and counted as a late response on this node. With propagateDeadline (on by default) it also honours the deadline the request already carries — a call expires at the earlier of the two, at once if that has passed — and hands the tighter deadline downstream, so retries and timeouts further down stop in time. Put it in front of a dependency that may hang: in-flight requests stay bounded instead of piling up.',
  configSchema: timeoutConfigSchema,
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'timedOut', label: 'Timed out', unit: 'count' },
    { name: 'expiredOnArrival', label: 'Expired on arrival', unit: 'count' },
  ],
  init: () => null,
  report(f) {
    return {
      timedOut: counter(f, 'timedOut'),
      timedOutShare: perArrival(f, 'timedOut'),
      expiredOnArrival: counter(f, 'expiredOnArrival'),
      // Answers that came back after the deadline and were discarded.
      late: f.lateResponses ?? 0,
    };
  },
  onCall(ctx, node, call) {
    const edge = downstreamOrNoRoute(ctx, node.index, call);
    if (edge < 0) return;
    const deadlineUs = callDeadlineUs(node.config, ctx.nowUs, call.request.deadlineUs);
    if (deadlineUs <= ctx.nowUs) {
      // The caller's deadline has already passed: calling on would be wasted work.
      ctx.count(node.index, 'expiredOnArrival');
      expired(ctx, node, call, 'expired on arrival');
      return;
    }
    const request = requestWithDeadline(node.config, call.request, deadlineUs);
    const child = ctx.send(node.index, edge, request, call);
    ctx.setTimer(node.index, deadlineUs - ctx.nowUs, TAG_EXPIRE, child);
  },
  onResponse(ctx, _node, child) {
    relayAnswer(ctx, child);
  },
  onTimer(ctx, node, tag, child) {
    // The timer rides on the child: the engine drops it once the child's answer is in.
    if (tag !== TAG_EXPIRE || !child || child.abandoned) return;
    const parent = waitingParent(ctx, child);
    const ms = Math.round((ctx.nowUs - child.sentUs) / 100) / 10;
    if (parent) expired(ctx, node, parent, `after ${ms} ms`);
    // May recycle the child at once (a lost call): nothing is read from it after.
    ctx.abandon(child);
  },
};
