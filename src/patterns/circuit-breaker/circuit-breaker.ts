import {
  CallPhase,
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import {
  breakerConfigSchema,
  initialBreaker,
  onCallAllowed,
  onResult,
  type BreakerConfig,
  type BreakerPhase,
  type BreakerState,
  type BreakerTransition,
} from './machine.ts';

/** The cause of a call the breaker turned away without calling downstream. */
export const CIRCUIT_OPEN = 'circuit-open';

export interface CircuitBreakerState {
  breaker: BreakerState;
  /** Time up to which the state-time metrics have been counted (µs). */
  accountedUs: number;
}

type N = NodeRuntime<BreakerConfig, CircuitBreakerState>;

const TIME_METRIC: Record<BreakerPhase, string> = {
  closed: 'state.closedMs',
  open: 'state.openMs',
  'half-open': 'state.halfOpenMs',
};

const TRACE_TYPE = {
  opened: 'breaker.opened',
  'half-open': 'breaker.half-open',
  closed: 'breaker.closed',
} as const;

const TRANSITION_METRIC = {
  opened: 'opened',
  'half-open': 'halfOpened',
  closed: 'closed',
} as const;

const STATE_LABEL = {
  closed: { text: 'CLOSED', tone: 'ok' },
  open: { text: 'OPEN', tone: 'bad' },
  'half-open': { text: 'HALF-OPEN', tone: 'warn' },
} as const;

/** Counts the time spent in the current phase since the last event. */
function account(ctx: SimContext, node: N): void {
  const st = node.state;
  const elapsedUs = ctx.nowUs - st.accountedUs;
  if (elapsedUs > 0) ctx.count(node.index, TIME_METRIC[st.breaker.phase], elapsedUs / 1000);
  st.accountedUs = ctx.nowUs;
}

function apply(ctx: SimContext, node: N, next: BreakerState, t: BreakerTransition): void {
  node.state.breaker = next;
  if (t === null) return;
  ctx.count(node.index, TRANSITION_METRIC[t]);
  if (ctx.tracing) ctx.trace(node.index, TRACE_TYPE[t]);
}

export const circuitBreakerKind: KindDefinition<BreakerConfig, CircuitBreakerState> = {
  kind: 'circuit-breaker',
  label: 'Circuit breaker',
  category: 'resilience',
  description:
    'A proxy in front of one dependency. CLOSED it passes calls on; after failureThreshold consecutive failures, or a failure rate ≥ failureRateThreshold over the last slidingWindowSize calls — or seconds, with slidingWindowType "time" — (once minimumCalls are in), it OPENs and fails calls fast with "circuit-open" for waitDurationInOpenMs. Then HALF_OPEN lets permittedCallsInHalfOpen probes through: successesToClose successes close it, one failure re-opens it. Optional: calls slower than slowCallDurationMs count as bad.',
  configSchema: breakerConfigSchema,
  metrics: [
    { name: 'rejected', label: 'Failed fast (open)', unit: 'count' },
    { name: 'opened', label: 'Times opened', unit: 'count' },
    { name: 'halfOpened', label: 'Times half-open', unit: 'count' },
    { name: 'closed', label: 'Times closed again', unit: 'count' },
    { name: 'state.closedMs', label: 'Time closed', unit: 'ms', state: STATE_LABEL.closed },
    { name: 'state.openMs', label: 'Time open', unit: 'ms', state: STATE_LABEL.open },
    {
      name: 'state.halfOpenMs',
      label: 'Time half-open',
      unit: 'ms',
      state: STATE_LABEL['half-open'],
    },
  ],
  init: (ctx) => ({ breaker: initialBreaker(ctx.nowUs), accountedUs: ctx.nowUs }),
  report(f) {
    const m = f.metrics;
    const closedMs = m['state.closedMs'] ?? 0;
    const openMs = m['state.openMs'] ?? 0;
    const halfOpenMs = m['state.halfOpenMs'] ?? 0;
    const totalMs = closedMs + openMs + halfOpenMs;
    const share = (ms: number) => (totalMs > 0 ? ms / totalMs : 0);
    return {
      closedShare: share(closedMs),
      openShare: share(openMs),
      halfOpenShare: share(halfOpenMs),
      transitions: (m['opened'] ?? 0) + (m['halfOpened'] ?? 0) + (m['closed'] ?? 0),
      failedFast: m['rejected'] ?? 0,
      failedFastShare: f.arrivals > 0 ? (m['rejected'] ?? 0) / f.arrivals : 0,
    };
  },
  stateLabel: (node) => STATE_LABEL[node.state.breaker.phase],
  onCall(ctx, node, call) {
    account(ctx, node);
    const edges = ctx.outEdges(node.index);
    const edge = edges[0];
    if (edge === undefined) {
      ctx.respond(call, false, Cause.NoRoute);
      return;
    }
    const r = onCallAllowed(node.config, node.state.breaker, ctx.nowUs);
    apply(ctx, node, r.next, r.transition);
    if (!r.allowed) {
      ctx.count(node.index, 'rejected');
      ctx.respond(call, false, CIRCUIT_OPEN);
      return;
    }
    const child = ctx.send(node.index, edge, call.request, call);
    // The caller's scratch: the epoch the call was admitted in.
    child.callerSlot = r.epoch;
  },
  onResponse(ctx, node, child: Call) {
    account(ctx, node);
    const r = onResult(
      node.config,
      node.state.breaker,
      child.callerSlot,
      child.ok,
      ctx.nowUs - child.sentUs,
      ctx.nowUs,
    );
    apply(ctx, node, r.next, r.transition);
    const parent = child.parent;
    // The parent may have been answered already (crash abort): then the response is moot.
    if (!parent || !ctx.isLive(parent, child.parentGen)) return;
    if (parent.phase !== CallPhase.AtNode || parent.parked) return;
    ctx.respond(parent, child.ok, child.cause);
  },
  onConfigChange(ctx, node) {
    account(ctx, node);
  },
};
