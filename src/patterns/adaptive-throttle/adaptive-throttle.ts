import type {
  CauseClass,
  Call,
  KindDefinition,
  NodeRuntime,
  SimContext,
} from '../../engine/index.ts';
import {
  initialWindow,
  recordAccept,
  recordRequest,
  rejectProbability,
  throttleConfigSchema,
  advance,
  type ThrottleConfig,
  type ThrottleWindow,
} from './throttle-machine.ts';
import {
  counter,
  downstreamOrNoRoute,
  ONE_DOWNSTREAM,
  perArrival,
  PUSH_BACK_CLASSES,
  ratio,
  relayAnswer,
  THROTTLED,
  type CauseClassifier,
} from '../kit/index.ts';

/**
 * Answers that are no accept (SRE: the backend "rejected" the request for overload): failures
 * of the classes in `PUSH_BACK_CLASSES` — overload-refusal (a full queue), policy-refusal
 * (load shedding, rate limits, a full bulkhead, a throttle further down) — and caller-gone (a
 * timeout: the client saw no answer, as Google's clients count a deadline exceeded).
 */
export const NOT_ACCEPTED_CLASSES: readonly CauseClass[] = PUSH_BACK_CLASSES;

/**
 * Did the backend accept this request? Yes unless it pushed it back for overload or the
 * answer came after the request's deadline (its client had already timed out). An ordinary
 * error is an accept: the backend took the work, and throttling is for overload, not for
 * failures (a circuit breaker's job).
 */
export function isAccept(
  ok: boolean,
  cause: string,
  late: boolean,
  classes: CauseClassifier,
): boolean {
  if (late) return false;
  if (ok) return true;
  const cls = classes.causeClass(cause);
  return cls === undefined || !NOT_ACCEPTED_CLASSES.includes(cls);
}

export interface AdaptiveThrottleState {
  window: ThrottleWindow;
  /** The rejection probability computed for the last request. */
  probability: number;
}

type N = NodeRuntime<ThrottleConfig, AdaptiveThrottleState>;

function setProbability(ctx: SimContext, node: N, p: number): void {
  const before = node.state.probability;
  node.state.probability = p;
  if (!ctx.tracing || before > 0 === p > 0) return;
  const type = p > 0 ? 'throttle.engaged' : 'throttle.released';
  ctx.trace(node.index, type, undefined, undefined, `p(reject) ${(p * 100).toFixed(1)}%`);
}

export const adaptiveThrottleKind: KindDefinition<ThrottleConfig, AdaptiveThrottleState> = {
  kind: 'adaptive-throttle',
  label: 'Adaptive throttle',
  category: 'resilience',
  description:
    'Client-side adaptive throttling (Google SRE) in front of one backend. Over the last windowMs (1-second buckets) it counts requests — including those it rejected itself — and accepts: answers the backend did not push back — everything but overload and limiter refusals (queue-full; shed, rate-limited, bulkhead-full, throttled) and timeouts (an answer after the request\'s deadline included); a plain error is an accept, as the backend took the work. Each new request is rejected locally with "throttled" with probability max(0, (requests − k·accepts) / (requests + 1)): while the backend accepts everything nothing is rejected; when it starts refusing, the client sends it only about k times what it accepts.',
  configSchema: throttleConfigSchema,
  causes: [THROTTLED],
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'forwarded', label: 'Sent to the backend', unit: 'count' },
    { name: 'throttled', label: 'Rejected locally', unit: 'count' },
    { name: 'accepted', label: 'Accepted by the backend', unit: 'count' },
    { name: 'pushedBack', label: 'Pushed back (overload, timeout)', unit: 'count' },
  ],
  init: (ctx, node) => ({ window: initialWindow(node.config, ctx.nowUs), probability: 0 }),
  onCall(ctx, node, call) {
    const edge = downstreamOrNoRoute(ctx, node.index, call);
    if (edge < 0) return;
    const st = node.state;
    st.window = advance(st.window, ctx.nowUs);
    const p = rejectProbability(node.config, st.window);
    setProbability(ctx, node, p);
    // Locally rejected requests count too: that is what lets the probability fall again.
    st.window = recordRequest(st.window, ctx.nowUs);
    if (p > 0 && ctx.rng(node.index, 'throttle').chance(p)) {
      ctx.count(node.index, 'throttled');
      ctx.respond(call, false, THROTTLED.cause);
      return;
    }
    ctx.count(node.index, 'forwarded');
    ctx.send(node.index, edge, call.request, call);
  },
  onResponse(ctx, node, child: Call) {
    if (isAccept(child.ok, child.cause, ctx.nowUs > child.request.deadlineUs, ctx)) {
      node.state.window = recordAccept(node.state.window, ctx.nowUs);
      ctx.count(node.index, 'accepted');
    } else {
      ctx.count(node.index, 'pushedBack');
    }
    relayAnswer(ctx, child);
  },
  onConfigChange(ctx, node, previous) {
    // A new window length starts a new, empty window (bucket counts cannot be re-split).
    if (node.config.windowMs !== previous.windowMs) {
      node.state.window = initialWindow(node.config, ctx.nowUs);
    }
  },
  stateLabel(node) {
    const p = node.state.probability;
    const text = p > 0 ? `throttling ${Math.round(p * 100)}%` : 'passing';
    return { text, tone: p === 0 ? 'ok' : p < 0.5 ? 'warn' : 'bad' };
  },
  report(f) {
    const forwarded = counter(f, 'forwarded');
    return {
      throttledShare: perArrival(f, 'throttled'),
      forwardedShare: perArrival(f, 'forwarded'),
      acceptedShareOfForwarded: ratio(counter(f, 'accepted'), forwarded),
      pushedBackShareOfForwarded: ratio(counter(f, 'pushedBack'), forwarded),
    };
  },
};
