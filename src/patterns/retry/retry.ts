import {
  cachedDerived,
  Cause,
  type KindDefinition,
  type NodeRuntime,
  type NodeStateLabel,
  type SimContext,
} from '../../engine/index.ts';
import {
  attemptAnswered,
  counter,
  fullBudget,
  onAttemptTimer,
  ONE_DOWNSTREAM,
  perArrival,
  reconfigureBudget,
  startAttempts,
  type AttemptHost,
  type AttemptPolicy,
  type AttemptState,
} from '../kit/index.ts';
import { retryConfigSchema, type RetryConfig } from './config.ts';

export type RetryState = AttemptState;

type N = NodeRuntime<RetryConfig, RetryState>;

/** The config as the attempt driver reads it: the per-attempt timeout ignores the deadline. */
function buildPolicy(_ctx: SimContext, node: N): AttemptPolicy {
  const c = node.config;
  return { ...c, attemptTimeoutMs: c.perAttemptTimeoutMs, propagateDeadline: false };
}

/** Every attempt goes to the one downstream, the first outgoing edge. */
const host: AttemptHost<RetryConfig, RetryState> = {
  traces: {
    scheduled: 'retry.scheduled',
    gaveUp: 'retry.gave-up',
    attemptTimedOut: 'retry.attempt-timed-out',
  },
  timeoutMetric: 'attemptTimeouts',
  policy: (ctx, node) => cachedDerived(ctx, node, buildPolicy),
  pickTarget: (ctx, node) => (ctx.outEdges(node.index).length > 0 ? 0 : -1),
  noTarget: () => Cause.NoRoute,
};

function label(node: N): NodeStateLabel {
  const b = node.state.budget;
  if (b !== null && b.tokens < 1 - 1e-9) return { text: 'BUDGET SPENT', tone: 'bad' };
  const n = node.state.backingOff;
  if (n > 0) return { text: `${n} BACKING OFF`, tone: 'warn' };
  return { text: 'PASSING', tone: 'ok' };
}

export const retryKind: KindDefinition<RetryConfig, RetryState> = {
  kind: 'retry',
  label: 'Retry',
  category: 'resilience',
  description:
    "A proxy in front of one dependency that calls it again when an attempt fails with a retryable cause, up to maxAttempts attempts in all (the first call included). retryOn lists failure classes (or single causes); by default the dependency's trouble — dependency-failure (error, refused, bad-format), caller-gone (timeout) and overload-refusal (queue-full: an overloaded server's 503 that a later attempt may find drained); limiter refusals such as rate-limited (429) and circuit-open are never retried unless listed, since both already asked for less traffic. Between attempts it waits a backoff (none, fixed or exponential from baseMs × multiplier up to capMs) with jitter (none, full, equal or decorrelated). It gives up early when the backoff would outlast the request deadline, when the caller has stopped waiting, or when the optional retry budget is spent: a token bucket holding at most budgetBurst tokens that starts full, earns budgetRatio per incoming request plus budgetMinPerSec per second, and pays one token per retry — so retries ≤ budgetBurst + budgetRatio × requests + budgetMinPerSec × seconds. perAttemptTimeoutMs abandons slow attempts. Watch the amplification: downstream attempts per incoming request.",
  configSchema: retryConfigSchema,
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'attempts', label: 'Downstream attempts', unit: 'count' },
    { name: 'retries', label: 'Retries', unit: 'count' },
    { name: 'succeededAfterRetry', label: 'Succeeded after a retry', unit: 'count' },
    { name: 'budgetExhausted', label: 'Not retried: budget spent', unit: 'count' },
    { name: 'attemptsExhausted', label: 'Failed after all attempts', unit: 'count' },
    { name: 'notRetryable', label: 'Not retried: cause', unit: 'count' },
    { name: 'deadlineExceeded', label: 'Not retried: deadline', unit: 'count' },
    { name: 'callerGone', label: 'Not retried: caller gone', unit: 'count' },
    { name: 'attemptTimeouts', label: 'Attempts timed out', unit: 'count' },
  ],
  init: (ctx, node) => ({
    budget: node.config.budgetRatio === null ? null : fullBudget(node.config, ctx.nowUs),
    backingOff: 0,
  }),
  report(f) {
    return {
      amplification: perArrival(f, 'attempts'),
      retriesPerRequest: perArrival(f, 'retries'),
      succeededAfterRetryShare: perArrival(f, 'succeededAfterRetry'),
      budgetExhausted: counter(f, 'budgetExhausted'),
      budgetExhaustedShare: perArrival(f, 'budgetExhausted'),
    };
  },
  stateLabel: label,
  onCall(ctx, node, call) {
    startAttempts(ctx, host, node, call);
  },
  onResponse(ctx, node, child) {
    attemptAnswered(ctx, host, node, child);
  },
  onTimer(ctx, node, tag, call) {
    onAttemptTimer(ctx, host, node, tag, call);
  },
  onConfigChange(ctx, node) {
    node.state.budget = reconfigureBudget(node.config, node.state.budget, ctx.nowUs);
  },
};
