import {
  CallPhase,
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type NodeStateLabel,
  type SimContext,
} from '../../engine/index.ts';
import { depositRequest, fullBudget, reconfigureBudget, type BudgetState } from './budget.ts';
import { retryConfigSchema, type RetryConfig } from './config.ts';
import { afterFailure, type GiveUpReason } from './machine.ts';

export interface RetryState {
  /** The retry budget's bucket; null when no budget is configured. */
  budget: BudgetState | null;
  /** Calls waiting out a backoff right now (for the node's label). */
  backingOff: number;
}

type N = NodeRuntime<RetryConfig, RetryState>;

const TAG_BACKOFF = 1;
const TAG_ATTEMPT_TIMEOUT = 2;

// Scratch of a call at this node: `step` as below, `pending` = attempts made so far,
// `failCause` = the last failure, `slot` = the last backoff in ms (decorrelated jitter).
// A child's `callerSlot` holds its attempt number.
const STEP_WAITING = 1;
const STEP_BACKOFF = 2;

const GIVE_UP_METRIC: Record<GiveUpReason, string> = {
  'caller-gone': 'callerGone',
  'not-retryable': 'notRetryable',
  'attempts-exhausted': 'attemptsExhausted',
  deadline: 'deadlineExceeded',
  'budget-exhausted': 'budgetExhausted',
};

function sendAttempt(ctx: SimContext, node: N, parent: Call, edge: number): void {
  parent.pending++;
  parent.step = STEP_WAITING;
  const child = ctx.send(node.index, edge, parent.request, parent);
  child.callerSlot = parent.pending;
  ctx.count(node.index, 'attempts');
  if (parent.pending > 1) ctx.count(node.index, 'retries');
  const perAttemptMs = node.config.perAttemptTimeoutMs;
  if (perAttemptMs !== null) {
    ctx.setTimer(node.index, Math.round(perAttemptMs * 1000), TAG_ATTEMPT_TIMEOUT, child);
  }
}

/** True while `parent` waits at this node for the answer of attempt `attempt`. */
function awaiting(ctx: SimContext, child: Call): Call | null {
  const parent = child.parent;
  if (!parent || !ctx.isLive(parent, child.parentGen)) return null;
  if (parent.phase !== CallPhase.AtNode || parent.parked) return null;
  if (parent.step !== STEP_WAITING || parent.pending !== child.callerSlot) return null;
  return parent;
}

/** An attempt failed with `cause`: retry after a backoff, or pass the failure back. */
function attemptFailed(ctx: SimContext, node: N, parent: Call, cause: string): void {
  const d = afterFailure(
    node.config,
    {
      attempt: parent.pending,
      cause,
      nowUs: ctx.nowUs,
      deadlineUs: parent.request.deadlineUs,
      previousDelayMs: parent.slot,
      callerGone: parent.abandoned,
    },
    node.state.budget,
    () => ctx.rng(node.index, 'jitter').next(),
  );
  node.state.budget = d.budget;
  if (!d.retry) {
    ctx.count(node.index, GIVE_UP_METRIC[d.reason]);
    if (ctx.tracing) ctx.trace(node.index, 'retry.gave-up', parent.request, cause, d.reason);
    parent.step = 0;
    ctx.respond(parent, false, cause);
    return;
  }
  parent.failCause = cause;
  parent.slot = d.delayMs;
  parent.step = STEP_BACKOFF;
  node.state.backingOff++;
  if (ctx.tracing) {
    const detail = `attempt ${parent.pending + 1} in ${Math.round(d.delayMs * 10) / 10} ms`;
    ctx.trace(node.index, 'retry.scheduled', parent.request, cause, detail);
  }
  ctx.setTimer(node.index, d.delayUs, TAG_BACKOFF, parent);
}

function backoffOver(ctx: SimContext, node: N, parent: Call): void {
  if (parent.phase !== CallPhase.AtNode || parent.step !== STEP_BACKOFF) return;
  node.state.backingOff--;
  parent.step = 0;
  if (parent.parked) return;
  if (parent.abandoned) {
    // The caller stopped waiting while we backed off: retrying would only add load.
    ctx.count(node.index, GIVE_UP_METRIC['caller-gone']);
    if (ctx.tracing) {
      ctx.trace(node.index, 'retry.gave-up', parent.request, parent.failCause, 'caller-gone');
    }
    ctx.respond(parent, false, parent.failCause);
    return;
  }
  const edge = ctx.outEdges(node.index)[0];
  if (edge === undefined) ctx.respond(parent, false, Cause.NoRoute);
  else sendAttempt(ctx, node, parent, edge);
}

function attemptTimedOut(ctx: SimContext, node: N, child: Call): void {
  if (child.abandoned) return;
  const parent = awaiting(ctx, child);
  if (!parent) return;
  ctx.count(node.index, 'attemptTimeouts');
  if (ctx.tracing) {
    ctx.trace(node.index, 'retry.attempt-timed-out', parent.request, Cause.Timeout);
  }
  // Abandoning may recycle the child at once (a lost call): nothing is read from it after.
  ctx.abandon(child);
  attemptFailed(ctx, node, parent, Cause.Timeout);
}

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
    "A proxy in front of one dependency that calls it again when an attempt fails with a retryable cause, up to maxAttempts attempts in all (the first call included). retryOn defaults to the usual retryable outcomes — error (a 5xx), timeout, refused — plus queue-full: a full queue is an overloaded server's 503, a 5xx that a later attempt may find drained; rate-limited (429) and circuit-open are never retried unless listed, since both already asked for less traffic. Between attempts it waits a backoff (none, fixed or exponential from baseMs × multiplier up to capMs) with jitter (none, full, equal or decorrelated). It gives up early when the backoff would outlast the request deadline, when the caller has stopped waiting, or when the optional retry budget is spent: a token bucket holding at most budgetBurst tokens that starts full, earns budgetRatio per incoming request plus budgetMinPerSec per second, and pays one token per retry — so retries ≤ budgetBurst + budgetRatio × requests + budgetMinPerSec × seconds. perAttemptTimeoutMs abandons slow attempts. Watch the amplification: downstream attempts per incoming request.",
  configSchema: retryConfigSchema,
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
    const m = f.metrics;
    const per = (x: number) => (f.arrivals > 0 ? x / f.arrivals : 0);
    return {
      amplification: per(m['attempts'] ?? 0),
      retriesPerRequest: per(m['retries'] ?? 0),
      succeededAfterRetryShare: per(m['succeededAfterRetry'] ?? 0),
      budgetExhausted: m['budgetExhausted'] ?? 0,
      budgetExhaustedShare: per(m['budgetExhausted'] ?? 0),
    };
  },
  stateLabel: label,
  onCall(ctx, node, call) {
    const edge = ctx.outEdges(node.index)[0];
    if (edge === undefined) {
      ctx.respond(call, false, Cause.NoRoute);
      return;
    }
    if (node.state.budget !== null) {
      node.state.budget = depositRequest(node.config, node.state.budget, ctx.nowUs);
    }
    call.pending = 0;
    call.failCause = '';
    call.slot = node.config.baseMs;
    sendAttempt(ctx, node, call, edge);
  },
  onResponse(ctx, node, child) {
    const parent = awaiting(ctx, child);
    if (!parent) return;
    if (!child.ok) {
      attemptFailed(ctx, node, parent, child.cause);
      return;
    }
    if (child.callerSlot > 1) ctx.count(node.index, 'succeededAfterRetry');
    parent.step = 0;
    ctx.respond(parent, true);
  },
  onTimer(ctx, node, tag, call) {
    if (!call) return;
    if (tag === TAG_BACKOFF) backoffOver(ctx, node, call);
    else if (tag === TAG_ATTEMPT_TIMEOUT) attemptTimedOut(ctx, node, call);
  },
  onConfigChange(ctx, node) {
    node.state.budget = reconfigureBudget(node.config, node.state.budget, ctx.nowUs);
  },
};
