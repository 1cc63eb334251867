import { CallPhase, Cause, cachedDerived, type Call, type SimContext } from '../../engine/index.ts';
import { NO_HEALTHY_TARGET } from '../kit/index.ts';
import type { RetryConfig } from '../retry/config.ts';
import { afterFailure, type GiveUpReason } from '../retry/machine.ts';
import { callDeadlineUs, tightensDeadline, type TimeoutConfig } from '../timeout/deadline.ts';
import { sidecarAttemptTimeout, sidecarRetryPolicy } from './config.ts';
import { pickInstance, triedBit } from './machine.ts';
import { observe, type SidecarNode } from './sidecar-state.ts';

/**
 * One request's life in the sidecar: attempts, each with its own deadline, on an instance
 * picked by weighted split (untried first); a failed or timed-out attempt is retried after a
 * jittered backoff by the retry folder's `afterFailure`, and every attempt's outcome feeds
 * outlier detection.
 *
 * Scratch of a call at this node: `step` (waiting / backing off), `pending` = attempts made,
 * `slot` = bit mask of the instances tried, `failCause` = the last failure. A child's
 * `callerSlot` = instance + attempt × ATTEMPT_STRIDE.
 */

export const TAG_BACKOFF = 1;
export const TAG_ATTEMPT_TIMEOUT = 2;

const STEP_WAITING = 1;
const STEP_BACKOFF = 2;
const ATTEMPT_STRIDE = 1 << 16;

const GIVE_UP_METRIC: Record<GiveUpReason, string> = {
  'caller-gone': 'callerGone',
  'not-retryable': 'notRetryable',
  'attempts-exhausted': 'attemptsExhausted',
  deadline: 'deadlineExceeded',
  'budget-exhausted': 'budgetExhausted',
};

interface Policies {
  retry: RetryConfig;
  timeout: TimeoutConfig;
}

function buildPolicies(_ctx: SimContext, node: SidecarNode): Policies {
  return { retry: sidecarRetryPolicy(node.config), timeout: sidecarAttemptTimeout(node.config) };
}

const policies = (ctx: SimContext, node: SidecarNode) => cachedDerived(ctx, node, buildPolicies);

/** A request arrived: its first attempt. */
export function startRequest(ctx: SimContext, node: SidecarNode, call: Call): void {
  call.pending = 0;
  call.slot = 0;
  call.failCause = '';
  call.step = 0;
  sendAttempt(ctx, node, call);
}

function sendAttempt(ctx: SimContext, node: SidecarNode, parent: Call): void {
  const edges = ctx.outEdges(node.index);
  const deadlineUs = callDeadlineUs(
    policies(ctx, node).timeout,
    ctx.nowUs,
    parent.request.deadlineUs,
  );
  if (deadlineUs <= ctx.nowUs) {
    // The caller's deadline has passed already: an attempt would be wasted work.
    ctx.count(node.index, 'expiredOnArrival');
    ctx.respond(parent, false, Cause.Timeout);
    return;
  }
  const weights = edges.map((e) => ctx.edgeConfig(e).weight);
  const pick = pickInstance(node.state.routing, weights, parent.slot);
  node.state.routing = pick.next;
  if (pick.target < 0) {
    ctx.count(node.index, 'noTarget');
    if (ctx.tracing)
      ctx.trace(node.index, 'sidecar.no-target', parent.request, NO_HEALTHY_TARGET.cause);
    ctx.respond(parent, false, NO_HEALTHY_TARGET.cause);
    return;
  }
  parent.pending++;
  parent.step = STEP_WAITING;
  parent.slot |= triedBit(pick.target);
  // Requests are shared by every hop: the tighter deadline travels on a copy (as in timeout).
  const request = tightensDeadline(
    policies(ctx, node).timeout,
    deadlineUs,
    parent.request.deadlineUs,
  )
    ? { ...parent.request, deadlineUs }
    : parent.request;
  const child = ctx.send(node.index, edges[pick.target] as number, request, parent);
  child.callerSlot = pick.target + parent.pending * ATTEMPT_STRIDE;
  ctx.count(node.index, 'attempts');
  if (parent.pending > 1) ctx.count(node.index, 'retries');
  ctx.setTimer(node.index, deadlineUs - ctx.nowUs, TAG_ATTEMPT_TIMEOUT, child);
}

/** The caller's call if it still waits here for exactly this attempt. */
function awaiting(ctx: SimContext, child: Call, attempt: number): Call | null {
  const parent = child.parent;
  if (!parent || !ctx.isLive(parent, child.parentGen)) return null;
  if (parent.phase !== CallPhase.AtNode || parent.parked) return null;
  return parent.step === STEP_WAITING && parent.pending === attempt ? parent : null;
}

function attemptFailed(ctx: SimContext, node: SidecarNode, parent: Call, cause: string): void {
  const retry = policies(ctx, node).retry;
  const d = afterFailure(
    retry,
    {
      attempt: parent.pending,
      cause,
      nowUs: ctx.nowUs,
      deadlineUs: parent.request.deadlineUs,
      previousDelayMs: retry.baseMs,
      callerGone: parent.abandoned,
    },
    null,
    () => ctx.rng(node.index, 'jitter').next(),
  );
  if (!d.retry) {
    ctx.count(node.index, GIVE_UP_METRIC[d.reason]);
    if (ctx.tracing) ctx.trace(node.index, 'sidecar.gave-up', parent.request, cause, d.reason);
    parent.step = 0;
    ctx.respond(parent, false, cause);
    return;
  }
  parent.failCause = cause;
  parent.step = STEP_BACKOFF;
  node.state.backingOff++;
  if (ctx.tracing) {
    const detail = `attempt ${parent.pending + 1} in ${Math.round(d.delayMs * 10) / 10} ms`;
    ctx.trace(node.index, 'sidecar.retry-scheduled', parent.request, cause, detail);
  }
  ctx.setTimer(node.index, d.delayUs, TAG_BACKOFF, parent);
}

/** An attempt's answer came back. */
export function attemptAnswered(ctx: SimContext, node: SidecarNode, child: Call): void {
  const instance = child.callerSlot % ATTEMPT_STRIDE;
  const attempt = Math.floor(child.callerSlot / ATTEMPT_STRIDE);
  observe(ctx, node, instance, child.ok ? null : child.cause);
  const parent = awaiting(ctx, child, attempt);
  if (!parent) return;
  if (!child.ok) {
    attemptFailed(ctx, node, parent, child.cause);
    return;
  }
  if (attempt > 1) ctx.count(node.index, 'succeededAfterRetry');
  parent.step = 0;
  ctx.respond(parent, true);
}

/** An attempt's deadline passed: abandon it, count it against its instance, maybe retry. */
export function attemptTimedOut(ctx: SimContext, node: SidecarNode, child: Call): void {
  if (child.abandoned) return;
  const instance = child.callerSlot % ATTEMPT_STRIDE;
  const attempt = Math.floor(child.callerSlot / ATTEMPT_STRIDE);
  const parent = awaiting(ctx, child, attempt);
  ctx.count(node.index, 'timeouts');
  if (ctx.tracing) {
    const ms = Math.round((ctx.nowUs - child.sentUs) / 100) / 10;
    ctx.trace(
      node.index,
      'sidecar.attempt-timed-out',
      child.request,
      Cause.Timeout,
      `after ${ms} ms`,
    );
  }
  // Abandoning may recycle the child at once (a lost call): nothing is read from it after.
  ctx.abandon(child);
  observe(ctx, node, instance, Cause.Timeout);
  if (parent) attemptFailed(ctx, node, parent, Cause.Timeout);
}

/** A backoff ended: the next attempt, unless the caller has stopped waiting meanwhile. */
export function backoffOver(ctx: SimContext, node: SidecarNode, parent: Call): void {
  if (parent.phase !== CallPhase.AtNode || parent.step !== STEP_BACKOFF) return;
  node.state.backingOff--;
  parent.step = 0;
  if (parent.parked) return;
  if (parent.abandoned) {
    ctx.count(node.index, GIVE_UP_METRIC['caller-gone']);
    if (ctx.tracing) {
      ctx.trace(node.index, 'sidecar.gave-up', parent.request, parent.failCause, 'caller-gone');
    }
    ctx.respond(parent, false, parent.failCause);
    return;
  }
  sendAttempt(ctx, node, parent);
}
