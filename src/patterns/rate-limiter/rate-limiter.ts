import {
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type NodeStateLabel,
  type SimContext,
} from '../../engine/index.ts';
import {
  armTimer,
  cancelTimers,
  compactFifo,
  counter,
  dequeue,
  downstreamOrNoRoute,
  emptyFifo,
  enqueue,
  forEachWaiting,
  isCurrentTimer,
  ONE_DOWNSTREAM,
  peekWaiting,
  perArrival,
  RATE_LIMITED,
  ratio,
  relayAnswer,
  timerGeneration,
  type TimerGeneration,
  type WaitingFifo,
} from '../kit/index.ts';
import { rateLimiterConfigSchema, type RateLimiterConfig } from './config.ts';
import { leakyDrain, leakyLeave, nextReleaseUs } from './leaky-bucket.ts';
import { arrive, initialLimiter, reconfigure, usage, type LimiterState } from './machine.ts';

export interface RateLimiterState {
  limiter: LimiterState;
  /** Leaky bucket: the calls waiting to leave, oldest first. */
  waiting: WaitingFifo;
  /** The drain timer: re-planning it cancels the one set before. */
  drain: TimerGeneration;
  /** The last arrival was rejected (the label then says LIMITING). */
  lastRejected: boolean;
  /** Allowance used at the last event, for the label. */
  used: number;
  of: number;
}

type N = NodeRuntime<RateLimiterConfig, RateLimiterState>;

const TAG_DRAIN = 1;
const STEP_WAITING = 1;
const STEP_FORWARDED = 2;

/** Refreshes the gauges (allowance used of total, waiting) and the label's figures. */
function note(ctx: SimContext, node: N): void {
  const s = node.state;
  const u = usage(node.config, s.limiter, ctx.nowUs);
  s.used = u.used;
  s.of = u.of;
  const waiting = s.limiter.algorithm === 'leaky-bucket' ? s.limiter.waiting : 0;
  ctx.setGauges(node.index, u.used, u.of, waiting);
}

function forward(ctx: SimContext, node: N, call: Call): void {
  ctx.count(node.index, 'admitted');
  const edge = downstreamOrNoRoute(ctx, node.index, call);
  if (edge < 0) return;
  call.step = STEP_FORWARDED;
  ctx.send(node.index, edge, call.request, call);
}

function scheduleDrain(ctx: SimContext, node: N, atUs: number): void {
  const drain = node.state.drain;
  cancelTimers(drain);
  // Rounded up: the drain never fires before the machine lets the next request leave.
  armTimer(ctx, node.index, drain, Math.max(0, Math.ceil(atUs - ctx.nowUs)), TAG_DRAIN);
}

/** A waiter whose caller gave up leaves the queue and is answered (discarded as late). */
function dropAbandoned(ctx: SimContext, node: N, call: Call): void {
  const lim = node.state.limiter;
  if (lim.algorithm === 'leaky-bucket') node.state.limiter = leakyLeave(lim);
  call.step = 0;
  ctx.count(node.index, 'abandonedWhileWaiting');
  ctx.respond(call, false, Cause.Timeout);
}

/** Leaky bucket: the drain is due; the oldest live waiter leaves and the next drain is set. */
function drain(ctx: SimContext, node: N): void {
  const s = node.state;
  for (;;) {
    const lim = s.limiter;
    if (lim.algorithm !== 'leaky-bucket' || lim.waiting === 0) break;
    const call = peekWaiting(ctx, s.waiting, STEP_WAITING);
    if (!call) throw new Error(`rate limiter ${node.id} lost track of a waiting call`);
    if (call.abandoned) {
      dequeue(s.waiting);
      dropAbandoned(ctx, node, call);
      continue;
    }
    const r = leakyDrain(node.config, lim, ctx.nowUs);
    if (!r) {
      scheduleDrain(ctx, node, nextReleaseUs(node.config, lim) ?? ctx.nowUs);
      break;
    }
    dequeue(s.waiting);
    s.limiter = r.next;
    forward(ctx, node, call);
    if (r.drainAtUs !== null) scheduleDrain(ctx, node, r.drainAtUs);
    break;
  }
  compactFifo(s.waiting);
  note(ctx, node);
}

/** Answers waiters whose callers gave up, to make room in a full leaky bucket. */
function purgeAbandoned(ctx: SimContext, node: N): void {
  forEachWaiting(ctx, node.state.waiting, STEP_WAITING, (call) => {
    if (call.abandoned) dropAbandoned(ctx, node, call);
  });
}

/** Leaving the leaky bucket for another algorithm: everyone waiting was admitted; let them go. */
function releaseAllWaiters(ctx: SimContext, node: N): void {
  const s = node.state;
  for (let call = peekWaiting(ctx, s.waiting, STEP_WAITING); call;) {
    dequeue(s.waiting);
    if (call.abandoned) dropAbandoned(ctx, node, call);
    else forward(ctx, node, call);
    call = peekWaiting(ctx, s.waiting, STEP_WAITING);
  }
  compactFifo(s.waiting);
  cancelTimers(s.drain);
}

function labelOf(node: N): NodeStateLabel {
  const s = node.state;
  if (s.lastRejected) return { text: 'LIMITING', tone: 'bad' };
  const tone = s.of > 0 && s.used >= 0.8 * s.of ? 'warn' : 'ok';
  switch (s.limiter.algorithm) {
    case 'token-bucket':
      return { text: `${Math.floor(s.of - s.used)} tokens`, tone };
    case 'leaky-bucket':
      return s.limiter.waiting > 0
        ? { text: `${s.limiter.waiting} waiting`, tone: 'warn' }
        : { text: 'FLOWING', tone: 'ok' };
    default:
      return { text: `${Math.round(s.used)}/${s.of}`, tone };
  }
}

export const rateLimiterKind: KindDefinition<RateLimiterConfig, RateLimiterState> = {
  kind: 'rate-limiter',
  label: 'Rate limiter',
  category: 'resilience',
  description:
    'A proxy that caps the rate of calls reaching one dependency and answers the excess "rate-limited" (HTTP 429) at once. Algorithms: token bucket (capacity tokens, refillPerSec; bursts up to capacity pass), fixed window, sliding-window log (exact) or sliding-window counter (weighted previous window), each admitting limit calls per windowMs, and leaky bucket (calls queue for up to capacity places and leave evenly at drainPerSec). Watch the admitted rate stay at the limit under a traffic spike while the rejected count absorbs the excess.',
  configSchema: rateLimiterConfigSchema,
  causes: [RATE_LIMITED],
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'admitted', label: 'Admitted', unit: 'count' },
    { name: 'rejected', label: 'Rejected (rate-limited)', unit: 'count' },
    { name: 'queued', label: 'Waited (leaky bucket)', unit: 'count' },
    { name: 'abandonedWhileWaiting', label: 'Caller gave up while waiting', unit: 'count' },
  ],
  init: (ctx, node) => ({
    limiter: initialLimiter(node.config, ctx.nowUs),
    waiting: emptyFifo(),
    drain: timerGeneration(),
    lastRejected: false,
    used: 0,
    of: 0,
  }),
  start: note,
  report(f) {
    const admitted = counter(f, 'admitted');
    return {
      admitted,
      rejected: counter(f, 'rejected'),
      rejectionShare: perArrival(f, 'rejected'),
      waitedShare: perArrival(f, 'queued'),
      admittedPerSec: ratio(admitted, f.elapsedMs / 1000),
    };
  },
  stateLabel: labelOf,
  onCall(ctx, node, call) {
    if (downstreamOrNoRoute(ctx, node.index, call) < 0) return;
    const s = node.state;
    let r = arrive(node.config, s.limiter, ctx.nowUs);
    if (r.decision === 'reject' && s.limiter.algorithm === 'leaky-bucket') {
      purgeAbandoned(ctx, node);
      r = arrive(node.config, s.limiter, ctx.nowUs);
    }
    s.limiter = r.next;
    s.lastRejected = r.decision === 'reject';
    if (r.decision === 'pass') {
      forward(ctx, node, call);
    } else if (r.decision === 'wait') {
      call.step = STEP_WAITING;
      enqueue(s.waiting, call);
      ctx.count(node.index, 'queued');
      if (ctx.tracing) ctx.trace(node.index, 'limiter.queued', call.request);
      if (r.drainAtUs !== null) scheduleDrain(ctx, node, r.drainAtUs);
    } else {
      ctx.count(node.index, 'rejected');
      if (ctx.tracing) ctx.trace(node.index, 'limiter.rejected', call.request, RATE_LIMITED.cause);
      ctx.respond(call, false, RATE_LIMITED.cause);
    }
    note(ctx, node);
  },
  onTimer(ctx, node, tag) {
    if (tag === TAG_DRAIN && isCurrentTimer(ctx, node.state.drain)) drain(ctx, node);
  },
  onResponse(ctx, _node, child) {
    relayAnswer(ctx, child);
  },
  onConfigChange(ctx, node, previous) {
    const s = node.state;
    const wasLeaky = s.limiter.algorithm === 'leaky-bucket';
    if (wasLeaky && node.config.algorithm !== 'leaky-bucket') releaseAllWaiters(ctx, node);
    s.limiter = reconfigure(previous, node.config, s.limiter, ctx.nowUs);
    const lim = s.limiter;
    if (lim.algorithm === 'leaky-bucket' && lim.waiting > 0) {
      // A new drain rate applies from the next departure on.
      scheduleDrain(ctx, node, nextReleaseUs(node.config, lim) ?? ctx.nowUs);
    }
    note(ctx, node);
  },
};
