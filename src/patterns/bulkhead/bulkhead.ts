import {
  CallPhase,
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type NodeStateLabel,
  type SimContext,
} from '../../engine/index.ts';
import {
  admit,
  bulkheadConfigSchema,
  canGrant,
  grant,
  initialCounts,
  leaveQueue,
  release,
  type BulkheadConfig,
  type BulkheadCounts,
} from './machine.ts';
import {
  BULKHEAD_FULL,
  compactFifo,
  counter,
  dequeue,
  downstreamOrNoRoute,
  emptyFifo,
  enqueue,
  forEachWaiting,
  ONE_DOWNSTREAM,
  peekWaiting,
  perArrival,
  ratio,
  relayAnswer,
  type WaitingFifo,
} from '../kit/index.ts';

export interface BulkheadState {
  counts: BulkheadCounts;
  /** The wait queue; entries may be stale (left early) and are skipped. */
  waiting: WaitingFifo;
}

type N = NodeRuntime<BulkheadConfig, BulkheadState>;

const TAG_WAIT_EXPIRED = 1;

// call.step of a call at this node.
const STEP_WAITING = 1;
const STEP_RUNNING = 2;

function publish(ctx: SimContext, node: N): void {
  const c = node.state.counts;
  ctx.setGauges(node.index, c.inUse, node.config.maxConcurrent, c.waiting);
}

/** Takes a permit for `call`: it goes downstream and holds the permit until answered. */
function forward(ctx: SimContext, node: N, call: Call, edge: number): void {
  call.step = STEP_RUNNING;
  ctx.send(node.index, edge, call.request, call);
}

/** Its caller stopped waiting: the call leaves the queue and is answered (discarded as late). */
function dropAbandoned(ctx: SimContext, node: N, call: Call): void {
  node.state.counts = leaveQueue(node.state.counts);
  call.step = 0;
  ctx.count(node.index, 'abandonedWhileWaiting');
  ctx.respond(call, false, Cause.Timeout);
}

/** Hands free permits to the oldest live waiters, skipping those that left or were abandoned. */
function fill(ctx: SimContext, node: N): void {
  const s = node.state;
  const edge = ctx.outEdges(node.index)[0];
  while (edge !== undefined && canGrant(node.config, s.counts)) {
    const call = peekWaiting(ctx, s.waiting, STEP_WAITING);
    if (!call) throw new Error(`bulkhead ${node.id} lost track of a waiter`);
    dequeue(s.waiting);
    if (call.abandoned) {
      dropAbandoned(ctx, node, call);
      continue;
    }
    s.counts = grant(node.config, s.counts);
    forward(ctx, node, call, edge);
  }
  compactFifo(s.waiting);
  publish(ctx, node);
}

/** Answers waiters whose callers gave up, to make room in a full queue. */
function purgeAbandoned(ctx: SimContext, node: N): void {
  forEachWaiting(ctx, node.state.waiting, STEP_WAITING, (call) => {
    if (call.abandoned) dropAbandoned(ctx, node, call);
  });
}

function labelOf(c: BulkheadCounts, cfg: BulkheadConfig): NodeStateLabel {
  const used = `${c.inUse}/${cfg.maxConcurrent}`;
  if (c.inUse >= cfg.maxConcurrent && c.waiting >= cfg.maxQueue) {
    return { text: `FULL ${used}`, tone: 'bad' };
  }
  if (c.waiting > 0) return { text: `${used} +${c.waiting} waiting`, tone: 'warn' };
  return { text: used, tone: 'ok' };
}

export const bulkheadKind: KindDefinition<BulkheadConfig, BulkheadState> = {
  kind: 'bulkhead',
  label: 'Bulkhead',
  category: 'resilience',
  description:
    'A proxy in front of one dependency that caps how many calls may be in flight to it at once (maxConcurrent). Further calls wait in a FIFO queue of at most maxQueue; when that is full too, or a call has waited longer than maxWaitMs, it is answered "bulkhead-full" at once. A slow dependency can then tie up only its own share of the caller\'s workers, so the caller keeps serving everything else. Watch in use vs capacity, the queue depth and the rejected count.',
  // Queue full, or a wait longer than maxWaitMs (Resilience4j raises BulkheadFullException for both).
  causes: [BULKHEAD_FULL],
  outputs: ONE_DOWNSTREAM,
  configSchema: bulkheadConfigSchema,
  metrics: [
    { name: 'rejected', label: 'Rejected (full)', unit: 'count' },
    { name: 'waited', label: 'Waited in queue', unit: 'count' },
    { name: 'maxWaitExpired', label: 'Rejected after max wait', unit: 'count' },
    { name: 'abandonedWhileWaiting', label: 'Caller gave up while waiting', unit: 'count' },
  ],
  init: () => ({ counts: initialCounts(), waiting: emptyFifo() }),
  report(f) {
    const rejected = counter(f, 'rejected');
    const expired = counter(f, 'maxWaitExpired');
    return {
      rejected,
      maxWaitExpired: expired,
      rejectionShare: ratio(rejected + expired, f.arrivals),
      waitedShare: perArrival(f, 'waited'),
    };
  },
  stateLabel: (node) => labelOf(node.state.counts, node.config),
  onCall(ctx, node, call) {
    const edge = downstreamOrNoRoute(ctx, node.index, call);
    if (edge < 0) return;
    const s = node.state;
    let r = admit(node.config, s.counts);
    if (r.decision === 'reject' && s.counts.waiting > 0) {
      purgeAbandoned(ctx, node);
      r = admit(node.config, s.counts);
    }
    s.counts = r.next;
    if (r.decision === 'run') {
      forward(ctx, node, call, edge);
    } else if (r.decision === 'wait') {
      call.step = STEP_WAITING;
      enqueue(s.waiting, call);
      ctx.count(node.index, 'waited');
      if (ctx.tracing) ctx.trace(node.index, 'bulkhead.queued', call.request);
      const waitMs = node.config.maxWaitMs;
      if (waitMs !== null) ctx.setTimer(node.index, waitMs * 1000, TAG_WAIT_EXPIRED, call);
    } else {
      ctx.count(node.index, 'rejected');
      if (ctx.tracing)
        ctx.trace(node.index, 'bulkhead.rejected', call.request, BULKHEAD_FULL.cause);
      ctx.respond(call, false, BULKHEAD_FULL.cause);
    }
    publish(ctx, node);
  },
  onTimer(ctx, node, tag, call) {
    if (tag !== TAG_WAIT_EXPIRED || !call) return;
    if (call.phase !== CallPhase.AtNode || call.parked || call.step !== STEP_WAITING) return;
    node.state.counts = leaveQueue(node.state.counts);
    call.step = 0;
    ctx.count(node.index, 'maxWaitExpired');
    if (ctx.tracing)
      ctx.trace(node.index, 'bulkhead.wait-expired', call.request, BULKHEAD_FULL.cause);
    ctx.respond(call, false, BULKHEAD_FULL.cause);
    publish(ctx, node);
  },
  onResponse(ctx, node, child) {
    node.state.counts = release(node.state.counts);
    relayAnswer(ctx, child);
    fill(ctx, node);
  },
  onConfigChange(ctx, node) {
    fill(ctx, node);
  },
};
