import {
  CallPhase,
  Cause,
  type Call,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import { callDeadlineUs, requestWithDeadline } from './deadline.ts';
import { depositRequest, type BudgetState } from './retry-budget.ts';
import { afterFailure, type GiveUpReason, type RetryPolicy } from './retry-decision.ts';

/**
 * The attempt driver: one request's life through attempts, timeouts and backoffs, shared by
 * the retry kind and the sidecar. Each attempt goes to a target the host picks (the retry's
 * one downstream; the sidecar's weighted split), may have its own deadline, and a failed or
 * timed-out attempt is retried after a backoff when `afterFailure` allows it.
 *
 * Scratch of the caller's call at this node: `step` (waiting for an attempt / backing off),
 * `pending` = attempts made, `failCause` = the last failure, `slot` = the last backoff in ms
 * (decorrelated jitter reads it). An attempt's `callerSlot` = target + attempt × STRIDE.
 * Timers use the tags below; a host's own timers take other tags.
 */

export const TAG_BACKOFF = 1;
export const TAG_ATTEMPT_TIMEOUT = 2;

const STEP_WAITING = 1;
const STEP_BACKOFF = 2;
const ATTEMPT_STRIDE = 1 << 16;

/** The counter each give-up reason is counted in. */
export const GIVE_UP_METRIC: Readonly<Record<GiveUpReason, string>> = {
  'caller-gone': 'callerGone',
  'not-retryable': 'notRetryable',
  'attempts-exhausted': 'attemptsExhausted',
  deadline: 'deadlineExceeded',
  'budget-exhausted': 'budgetExhausted',
};

/** The retry decision's policy plus each attempt's own deadline. */
export interface AttemptPolicy extends RetryPolicy {
  /** Each attempt is abandoned after this long (counted as cause timeout); null = it waits. */
  attemptTimeoutMs: number | null;
  /**
   * Honour the request's deadline too: an attempt is not sent once it has passed (counted
   * `expiredOnArrival`, answered timeout), and a tighter deadline travels downstream.
   */
  propagateDeadline: boolean;
}

/** What the driver keeps in the host's node state. */
export interface AttemptState {
  /** Requests waiting out a backoff right now. */
  backingOff: number;
  /** The retry budget's bucket; null when there is no budget. */
  budget: BudgetState | null;
}

export type AttemptNode<Config, State extends AttemptState> = NodeRuntime<Config, State>;

/** What a kind tells the driver. */
export interface AttemptHost<Config, State extends AttemptState> {
  /** Trace event types for a retry scheduled, a give-up and an attempt timed out. */
  traces: { scheduled: string; gaveUp: string; attemptTimedOut: string };
  /** The counter of attempts abandoned at their deadline. */
  timeoutMetric: string;
  policy(ctx: SimContext, node: AttemptNode<Config, State>): AttemptPolicy;
  /**
   * The target of the request's attempt number `attempt` (1 = the first): a position among
   * the node's outgoing edges, or -1 when none is available.
   */
  pickTarget(
    ctx: SimContext,
    node: AttemptNode<Config, State>,
    parent: Call,
    attempt: number,
  ): number;
  /** No target for an attempt: count it, and return the cause to answer the request with. */
  noTarget(ctx: SimContext, node: AttemptNode<Config, State>, parent: Call): string;
  /** Every attempt's outcome (null = success), also when its caller has gone. */
  observe?(
    ctx: SimContext,
    node: AttemptNode<Config, State>,
    target: number,
    cause: string | null,
  ): void;
}

function attemptDeadlineUs(p: AttemptPolicy, nowUs: number, requestDeadlineUs: number): number {
  if (p.attemptTimeoutMs === null) return p.propagateDeadline ? requestDeadlineUs : Infinity;
  return callDeadlineUs(
    { timeoutMs: p.attemptTimeoutMs, propagateDeadline: p.propagateDeadline },
    nowUs,
    requestDeadlineUs,
  );
}

/** A request arrived: no downstream at all is `no-route`; otherwise its first attempt. */
export function startAttempts<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  call: Call,
): void {
  if (ctx.outEdges(node.index).length === 0) {
    ctx.respond(call, false, Cause.NoRoute);
    return;
  }
  const policy = host.policy(ctx, node);
  if (node.state.budget !== null) {
    node.state.budget = depositRequest(policy, node.state.budget, ctx.nowUs);
  }
  call.step = 0;
  call.pending = 0;
  call.failCause = '';
  call.slot = policy.baseMs;
  sendAttempt(ctx, host, node, call);
}

function sendAttempt<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  parent: Call,
): void {
  const policy = host.policy(ctx, node);
  const deadlineUs = attemptDeadlineUs(policy, ctx.nowUs, parent.request.deadlineUs);
  if (policy.propagateDeadline && deadlineUs <= ctx.nowUs) {
    // The caller's deadline has passed already: an attempt would be wasted work.
    ctx.count(node.index, 'expiredOnArrival');
    ctx.respond(parent, false, Cause.Timeout);
    return;
  }
  const attempt = parent.pending + 1;
  const target = host.pickTarget(ctx, node, parent, attempt);
  if (target < 0) {
    ctx.respond(parent, false, host.noTarget(ctx, node, parent));
    return;
  }
  parent.pending = attempt;
  parent.step = STEP_WAITING;
  const edge = ctx.outEdges(node.index)[target] as number;
  const request = requestWithDeadline(policy, parent.request, deadlineUs);
  const child = ctx.send(node.index, edge, request, parent);
  child.callerSlot = target + attempt * ATTEMPT_STRIDE;
  ctx.count(node.index, 'attempts');
  if (attempt > 1) ctx.count(node.index, 'retries');
  if (deadlineUs !== Infinity) {
    ctx.setTimer(node.index, deadlineUs - ctx.nowUs, TAG_ATTEMPT_TIMEOUT, child);
  }
}

/** The caller's call if it still waits here for exactly this attempt. */
function awaiting(ctx: SimContext, child: Call, attempt: number): Call | null {
  const parent = child.parent;
  if (!parent || !ctx.isLive(parent, child.parentGen)) return null;
  if (parent.phase !== CallPhase.AtNode || parent.parked) return null;
  return parent.step === STEP_WAITING && parent.pending === attempt ? parent : null;
}

function giveUp<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  parent: Call,
  cause: string,
  reason: GiveUpReason,
): void {
  ctx.count(node.index, GIVE_UP_METRIC[reason]);
  if (ctx.tracing) ctx.trace(node.index, host.traces.gaveUp, parent.request, cause, reason);
  parent.step = 0;
  ctx.respond(parent, false, cause);
}

/** An attempt failed with `cause`: retry after a backoff, or pass the failure back. */
function attemptFailed<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  parent: Call,
  cause: string,
): void {
  const d = afterFailure(
    host.policy(ctx, node),
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
    ctx,
  );
  node.state.budget = d.budget;
  if (!d.retry) {
    giveUp(ctx, host, node, parent, cause, d.reason);
    return;
  }
  parent.failCause = cause;
  parent.slot = d.delayMs;
  parent.step = STEP_BACKOFF;
  node.state.backingOff++;
  if (ctx.tracing) {
    const detail = `attempt ${parent.pending + 1} in ${Math.round(d.delayMs * 10) / 10} ms`;
    ctx.trace(node.index, host.traces.scheduled, parent.request, cause, detail);
  }
  ctx.setTimer(node.index, d.delayUs, TAG_BACKOFF, parent);
}

/** An attempt's answer came back. */
export function attemptAnswered<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  child: Call,
): void {
  const target = child.callerSlot % ATTEMPT_STRIDE;
  const attempt = Math.floor(child.callerSlot / ATTEMPT_STRIDE);
  host.observe?.(ctx, node, target, child.ok ? null : child.cause);
  const parent = awaiting(ctx, child, attempt);
  if (!parent) return;
  if (!child.ok) {
    attemptFailed(ctx, host, node, parent, child.cause);
    return;
  }
  if (attempt > 1) ctx.count(node.index, 'succeededAfterRetry');
  parent.step = 0;
  ctx.respond(parent, true);
}

/** An attempt's deadline passed: abandon it, count it against its target, maybe retry. */
function attemptTimedOut<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  child: Call,
): void {
  if (child.abandoned) return;
  const target = child.callerSlot % ATTEMPT_STRIDE;
  const parent = awaiting(ctx, child, Math.floor(child.callerSlot / ATTEMPT_STRIDE));
  ctx.count(node.index, host.timeoutMetric);
  if (ctx.tracing) {
    const ms = Math.round((ctx.nowUs - child.sentUs) / 100) / 10;
    ctx.trace(
      node.index,
      host.traces.attemptTimedOut,
      child.request,
      Cause.Timeout,
      `after ${ms} ms`,
    );
  }
  // Abandoning may recycle the child at once (a lost call): nothing is read from it after.
  ctx.abandon(child);
  host.observe?.(ctx, node, target, Cause.Timeout);
  if (parent) attemptFailed(ctx, host, node, parent, Cause.Timeout);
}

/** A backoff ended: the next attempt, unless the caller has stopped waiting meanwhile. */
function backoffOver<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  parent: Call,
): void {
  if (parent.phase !== CallPhase.AtNode || parent.step !== STEP_BACKOFF) return;
  node.state.backingOff--;
  parent.step = 0;
  if (parent.parked) return;
  // The caller stopped waiting while we backed off: retrying would only add load.
  if (parent.abandoned) giveUp(ctx, host, node, parent, parent.failCause, 'caller-gone');
  else sendAttempt(ctx, host, node, parent);
}

/** The driver's timers (backoff ends, attempt deadlines); false for a tag it does not own. */
export function onAttemptTimer<C, S extends AttemptState>(
  ctx: SimContext,
  host: AttemptHost<C, S>,
  node: AttemptNode<C, S>,
  tag: number,
  call: Call | null,
): boolean {
  if (tag === TAG_BACKOFF) {
    if (call) backoffOver(ctx, host, node, call);
    return true;
  }
  if (tag === TAG_ATTEMPT_TIMEOUT) {
    if (call) attemptTimedOut(ctx, host, node, call);
    return true;
  }
  return false;
}
