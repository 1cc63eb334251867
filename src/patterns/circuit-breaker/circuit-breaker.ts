import type { Call, KindDefinition, NodeRuntime, SimContext } from '../../engine/index.ts';
import {
  breakerConfigSchema,
  CIRCUIT_OPEN,
  classifyResult,
  counter,
  downstreamOrNoRoute,
  halfOpenDueUs,
  initialBreaker,
  onCallAllowed,
  ONE_DOWNSTREAM,
  onResult,
  onWaitElapsed,
  perArrival,
  ratio,
  reconcile,
  relayAnswer,
  type BreakerConfig,
  type BreakerPhase,
  type BreakerState,
  type ReconcileTransition,
} from '../kit/index.ts';

export interface CircuitBreakerState {
  breaker: BreakerState;
  /** Time up to which the state-time metrics have been counted (µs). */
  accountedUs: number;
}

type N = NodeRuntime<BreakerConfig, CircuitBreakerState>;

/** The timer of `automaticTransitionToHalfOpen`; its token is the OPEN state's epoch. */
const TAG_HALF_OPEN = 1;

const TIME_METRIC: Record<BreakerPhase, string> = {
  closed: 'state.closedMs',
  open: 'state.openMs',
  'half-open': 'state.halfOpenMs',
  'forced-open': 'state.forcedOpenMs',
  disabled: 'state.disabledMs',
};

const TRACE_TYPE = {
  opened: 'breaker.opened',
  'half-open': 'breaker.half-open',
  closed: 'breaker.closed',
  'forced-open': 'breaker.forced-open',
  disabled: 'breaker.disabled',
} as const;

const TRANSITION_METRIC = {
  opened: 'opened',
  'half-open': 'halfOpened',
  closed: 'closed',
  'forced-open': 'forcedOpened',
  disabled: 'disabled',
} as const;

const STATE_LABEL = {
  closed: { text: 'CLOSED', tone: 'ok' },
  open: { text: 'OPEN', tone: 'bad' },
  'half-open': { text: 'HALF-OPEN', tone: 'warn' },
  'forced-open': { text: 'FORCED OPEN', tone: 'bad' },
  disabled: { text: 'DISABLED', tone: 'warn' },
} as const;

/** Counts the time spent in the current phase since the last event. */
function account(ctx: SimContext, node: N): void {
  const st = node.state;
  const elapsedUs = ctx.nowUs - st.accountedUs;
  if (elapsedUs > 0) ctx.count(node.index, TIME_METRIC[st.breaker.phase], elapsedUs / 1000);
  st.accountedUs = ctx.nowUs;
}

/**
 * Arms the automatic OPEN → HALF_OPEN timer when it is due. Timers are never cancelled: a
 * stale one carries an old epoch, or finds the wait not yet elapsed, and does nothing.
 */
function armHalfOpenTimer(ctx: SimContext, node: N): void {
  const dueUs = halfOpenDueUs(node.config, node.state.breaker);
  if (dueUs === null) return;
  const delayUs = Math.max(0, dueUs - ctx.nowUs);
  ctx.setTimer(node.index, delayUs, TAG_HALF_OPEN, null, node.state.breaker.epoch);
}

function apply(ctx: SimContext, node: N, next: BreakerState, t: ReconcileTransition): void {
  node.state.breaker = next;
  if (t === null) return;
  ctx.count(node.index, TRANSITION_METRIC[t]);
  if (ctx.tracing) ctx.trace(node.index, TRACE_TYPE[t]);
  if (t === 'opened') armHalfOpenTimer(ctx, node);
}

export const circuitBreakerKind: KindDefinition<BreakerConfig, CircuitBreakerState> = {
  kind: 'circuit-breaker',
  label: 'Circuit breaker',
  category: 'resilience',
  description:
    'A proxy in front of one dependency (Resilience4j\'s model). CLOSED it passes calls on and records their results: a failure whose class (or cause) is in recordFailureOn (by default dependency-failure, caller-gone and overload-refusal: error, refused, bad-format, timeout, queue-full) counts as a failure; any other failure — e.g. "rate-limited" or "bulkhead-full" from a limiter downstream — is ignored. By tripPolicy it OPENs after failureThreshold consecutive failures ("consecutive-failures"), on a failure rate ≥ failureRateThreshold over the last slidingWindowSize calls — or seconds, with slidingWindowType "time" — once minimumCalls are in ("failure-rate"), or on either ("either", default). OPEN fails calls fast with "circuit-open" for waitDurationInOpenMs; then the next call — or, with automaticTransitionToHalfOpen, a timer at that moment — moves it to HALF_OPEN, which lets exactly permittedCallsInHalfOpen probes through and rejects the rest. With halfOpenDecision "rate" (default) it decides once all probes are back: a failure (or slow-call) rate ≥ the threshold re-opens it with the wait restarted, else it closes with a fresh window; with "first-failure" one bad probe re-opens it and successesToClose good ones close it. Optional: calls slower than slowCallDurationMs count as slow, and a slow-call rate ≥ slowCallRateThreshold trips it too. forcedState is a live switch: "forced-open" rejects every call until switched back, "disabled" passes every call and records nothing; back to "none" it starts CLOSED with a fresh window. It sets no deadline of its own, so it cannot see a hung dependency: put a Timeout in front of the dependency for hang faults.',
  configSchema: breakerConfigSchema,
  causes: [CIRCUIT_OPEN],
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'rejected', label: 'Failed fast (open)', unit: 'count' },
    { name: 'ignored', label: 'Failures ignored (cause not recorded)', unit: 'count' },
    { name: 'opened', label: 'Times opened', unit: 'count' },
    { name: 'halfOpened', label: 'Times half-open', unit: 'count' },
    { name: 'closed', label: 'Times closed again', unit: 'count' },
    { name: 'forcedOpened', label: 'Times forced open', unit: 'count' },
    { name: 'disabled', label: 'Times disabled', unit: 'count' },
    { name: 'state.closedMs', label: 'Time closed', unit: 'ms', state: STATE_LABEL.closed },
    { name: 'state.openMs', label: 'Time open', unit: 'ms', state: STATE_LABEL.open },
    {
      name: 'state.halfOpenMs',
      label: 'Time half-open',
      unit: 'ms',
      state: STATE_LABEL['half-open'],
    },
    {
      name: 'state.forcedOpenMs',
      label: 'Time forced open',
      unit: 'ms',
      state: STATE_LABEL['forced-open'],
    },
    { name: 'state.disabledMs', label: 'Time disabled', unit: 'ms', state: STATE_LABEL.disabled },
  ],
  init: (ctx, node) => ({
    breaker: initialBreaker(ctx.nowUs, node.config),
    accountedUs: ctx.nowUs,
  }),
  report(f) {
    const ms = (phase: BreakerPhase) => counter(f, TIME_METRIC[phase]);
    const phases = Object.keys(TIME_METRIC) as BreakerPhase[];
    const totalMs = phases.reduce((sum, p) => sum + ms(p), 0);
    const share = (p: BreakerPhase) => ratio(ms(p), totalMs);
    const transitions = Object.values(TRANSITION_METRIC).reduce((n, k) => n + counter(f, k), 0);
    return {
      closedShare: share('closed'),
      openShare: share('open'),
      halfOpenShare: share('half-open'),
      forcedOpenShare: share('forced-open'),
      disabledShare: share('disabled'),
      transitions,
      failedFast: counter(f, 'rejected'),
      ignoredFailures: counter(f, 'ignored'),
      failedFastShare: perArrival(f, 'rejected'),
    };
  },
  stateLabel: (node) => STATE_LABEL[node.state.breaker.phase],
  onCall(ctx, node, call) {
    account(ctx, node);
    const edge = downstreamOrNoRoute(ctx, node.index, call);
    if (edge < 0) return;
    const r = onCallAllowed(node.config, node.state.breaker, ctx.nowUs);
    apply(ctx, node, r.next, r.transition);
    if (!r.allowed) {
      ctx.count(node.index, 'rejected');
      ctx.respond(call, false, CIRCUIT_OPEN.cause);
      return;
    }
    const child = ctx.send(node.index, edge, call.request, call);
    // The caller's scratch: the epoch the call was admitted in.
    child.callerSlot = r.epoch;
  },
  onResponse(ctx, node, child: Call) {
    account(ctx, node);
    const result = classifyResult(node.config, child.ok, child.cause, ctx);
    if (result === 'ignored') ctx.count(node.index, 'ignored');
    const r = onResult(
      node.config,
      node.state.breaker,
      child.callerSlot,
      result,
      ctx.nowUs - child.sentUs,
      ctx.nowUs,
    );
    apply(ctx, node, r.next, r.transition);
    relayAnswer(ctx, child);
  },
  onTimer(ctx, node, tag) {
    // Lazy cancellation: a timer armed in an earlier OPEN period is stale.
    if (tag !== TAG_HALF_OPEN || ctx.timerToken !== node.state.breaker.epoch) return;
    account(ctx, node);
    const r = onWaitElapsed(node.config, node.state.breaker, ctx.nowUs);
    apply(ctx, node, r.next, r.transition);
  },
  onConfigChange(ctx, node, previous) {
    account(ctx, node);
    const r = reconcile(node.config, node.state.breaker, ctx.nowUs);
    apply(ctx, node, r.next, r.transition);
    // Turning the automatic transition on, or changing the wait, while OPEN (re-)arms it.
    const c = node.config;
    if (
      r.transition !== 'opened' &&
      (c.automaticTransitionToHalfOpen !== previous.automaticTransitionToHalfOpen ||
        c.waitDurationInOpenMs !== previous.waitDurationInOpenMs)
    ) {
      armHalfOpenTimer(ctx, node);
    }
  },
};
