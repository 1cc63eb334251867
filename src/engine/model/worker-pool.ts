import type { Call } from './call.ts';
import { CallPhase } from './call.ts';
import type { SimContext } from './context.ts';
import { Cause } from './context.ts';
import { POISON_ATTR } from './message.ts';
import type { NodeRuntime } from './kind.ts';

/**
 * The shared behaviour of a node with `workers` and a FIFO wait queue (services, databases):
 * admit or queue or reject, do local work for a sampled time, optionally call downstream
 * edges before or after the work (sequentially or in parallel), then answer.
 * A worker stays busy while its downstream calls are outstanding (thread-per-request), which
 * is what lets a slow dependency exhaust a caller — the failure bulkheads exist to contain.
 */

export interface PoolConfig {
  queueCapacity: number | null;
  errorRate: number;
}

export interface PoolState {
  /** Waiting calls as (id, gen) pairs, FIFO from `head`. */
  queue: number[];
  head: number;
  /** Calls holding a worker, as (id, gen) pairs. */
  active: number[];
}

export interface PoolBehaviour<C extends PoolConfig> {
  /** Local work time for this call, before latency faults, in µs. */
  workTimeUs(ctx: SimContext, node: NodeRuntime<C, PoolState>, call: Call): number;
  /** Configured concurrency (workers, connections …); `node` for kinds that vary it at run time. */
  workers(config: C, node: NodeRuntime<C, PoolState>): number;
  callsDownstream: boolean;
  callOrder(config: C): 'after-work' | 'before-work';
  callMode(config: C): 'sequential' | 'parallel';
}

export const TAG_WORK_DONE = 1;

/** Calls that had to wait for a worker (P(wait) = queued / arrivals). */
export const QUEUED_METRIC = { name: 'queued', label: 'Waited in queue', unit: 'count' } as const;

// A call's step inside the pool (call.step): where it is (the low bits) and, from the moment
// it takes a worker, its plan (the flags). The plan is read from the config once, at the
// start: a live edit of callOrder or callMode applies to calls that start after it, never to a
// call half-way through its plan — `pending` counts outstanding calls in parallel mode and
// holds the edge position in sequential mode, so reading a call under the other mode's rules
// answered it twice (or never).
const STEP_QUEUED = 1;
const STEP_WORK = 2;
const STEP_CALLS = 3;
const STEP_MASK = 3;
/** Plan flag: downstream calls go out all at once (else one after another). */
const PLAN_PARALLEL = 4;
/** Plan flag: downstream calls come before the work (else after it, if any). */
const PLAN_CALLS_FIRST = 8;

export function initPool(): PoolState {
  return { queue: [], head: 0, active: [] };
}

/** Workers available now: the configured number, reduced by any capacity fault. */
export function effectiveCapacity(ctx: SimContext, node: number, workers: number): number {
  const f = ctx.faults(node);
  // A reduced pool keeps at least one worker unless the factor is 0 (half of 1 worker is 1).
  let cap = workers;
  if (f.capacityFactor < 1) {
    cap = f.capacityFactor > 0 ? Math.max(1, Math.round(workers * f.capacityFactor)) : 0;
  }
  // Overlapping capacity faults: the smallest capacity wins.
  return f.capacityWorkers !== null ? Math.min(cap, f.capacityWorkers) : cap;
}

function queueLength(s: PoolState): number {
  return (s.queue.length - s.head) / 2;
}

export function createPoolHandlers<C extends PoolConfig>(b: PoolBehaviour<C>) {
  type N = NodeRuntime<C, PoolState>;

  const capacityOf = (ctx: SimContext, node: N) =>
    effectiveCapacity(ctx, node.index, b.workers(node.config, node));

  function publish(ctx: SimContext, node: N): void {
    const s = node.state;
    ctx.setGauges(node.index, s.active.length / 2, capacityOf(ctx, node), queueLength(s));
  }

  /** The call's plan flags, from the config as it is now (when the call takes a worker). */
  function planOf(config: C): number {
    if (!b.callsDownstream) return 0;
    return (
      (b.callMode(config) === 'parallel' ? PLAN_PARALLEL : 0) |
      (b.callOrder(config) === 'before-work' ? PLAN_CALLS_FIRST : 0)
    );
  }

  function start(ctx: SimContext, node: N, call: Call): void {
    call.slot = node.state.active.length;
    node.state.active.push(call.id, call.gen);
    const plan = planOf(node.config);
    if (plan & PLAN_CALLS_FIRST) beginCalls(ctx, node, call, plan);
    else beginWork(ctx, node, call, plan);
  }

  function beginWork(ctx: SimContext, node: N, call: Call, plan: number): void {
    const f = ctx.faults(node.index);
    const us = Math.round(b.workTimeUs(ctx, node, call) * f.latencyMultiplier + f.addLatencyUs);
    call.step = STEP_WORK | plan;
    ctx.setTimer(node.index, us, TAG_WORK_DONE, call);
  }

  /** The work is done: with calls first, the call is answered; else its calls go out now. */
  function workDone(ctx: SimContext, node: N, call: Call): void {
    const plan = call.step & ~STEP_MASK;
    const f = ctx.faults(node.index);
    const p = Math.max(node.config.errorRate, f.errorRate);
    if (call.request.attrs?.[POISON_ATTR] === 1) {
      // A poisoned message: the work is done and fails, every time it is delivered.
      finish(ctx, node, call, false, Cause.Poison);
    } else if (p > 0 && ctx.rng(node.index, 'errors').chance(p)) {
      finish(ctx, node, call, false, Cause.Error);
    } else if (b.callsDownstream && !(plan & PLAN_CALLS_FIRST)) {
      beginCalls(ctx, node, call, plan);
    } else {
      finish(ctx, node, call, true, '');
    }
  }

  function beginCalls(ctx: SimContext, node: N, call: Call, plan: number): void {
    call.step = STEP_CALLS | plan;
    call.failCause = '';
    call.pending = 0;
    const edges = ctx.outEdges(node.index);
    if (plan & PLAN_PARALLEL) {
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i] as number;
        if (takesEdge(ctx, node.index, e)) {
          call.pending++;
          ctx.send(node.index, e, call.request, call);
        }
      }
      if (call.pending === 0) afterCalls(ctx, node, call);
    } else {
      nextSequential(ctx, node, call, 0);
    }
  }

  /** Sends the next sequential call from edge position `from`; `call.pending` keeps the position. */
  function nextSequential(ctx: SimContext, node: N, call: Call, from: number): void {
    const edges = ctx.outEdges(node.index);
    for (let i = from; i < edges.length; i++) {
      const e = edges[i] as number;
      if (takesEdge(ctx, node.index, e)) {
        call.pending = i;
        ctx.send(node.index, e, call.request, call);
        return;
      }
    }
    afterCalls(ctx, node, call);
  }

  function afterCalls(ctx: SimContext, node: N, call: Call): void {
    const plan = call.step & ~STEP_MASK;
    if (call.failCause) finish(ctx, node, call, false, call.failCause);
    else if (plan & PLAN_CALLS_FIRST) beginWork(ctx, node, call, plan);
    else finish(ctx, node, call, true, '');
  }

  function finish(ctx: SimContext, node: N, call: Call, ok: boolean, cause: string): void {
    removeActive(ctx, node.state, call);
    ctx.respond(call, ok, cause);
    drain(ctx, node);
  }

  /** Starts queued calls while workers are free. */
  function drain(ctx: SimContext, node: N): void {
    const s = node.state;
    const cap = capacityOf(ctx, node);
    while (s.active.length / 2 < cap && s.head < s.queue.length) {
      const id = s.queue[s.head] as number;
      const gen = s.queue[s.head + 1] as number;
      s.head += 2;
      const call = ctx.callById(id, gen);
      if (call && call.phase === CallPhase.AtNode && call.step === STEP_QUEUED)
        start(ctx, node, call);
    }
    if (s.head > 64 && s.head * 2 > s.queue.length) {
      s.queue.splice(0, s.head);
      s.head = 0;
    }
    publish(ctx, node);
  }

  return {
    init: initPool,
    onCall(ctx: SimContext, node: N, call: Call): void {
      const s = node.state;
      if (s.active.length / 2 < capacityOf(ctx, node) && queueLength(s) === 0) {
        start(ctx, node, call);
      } else if (node.config.queueCapacity === null || queueLength(s) < node.config.queueCapacity) {
        call.step = STEP_QUEUED;
        s.queue.push(call.id, call.gen);
        ctx.count(node.index, 'queued');
      } else {
        ctx.respond(call, false, Cause.QueueFull);
        return;
      }
      publish(ctx, node);
    },
    onTimer(ctx: SimContext, node: N, tag: number, call: Call | null): void {
      if (
        tag === TAG_WORK_DONE &&
        call &&
        call.phase === CallPhase.AtNode &&
        (call.step & STEP_MASK) === STEP_WORK
      ) {
        workDone(ctx, node, call);
      }
    },
    onResponse(ctx: SimContext, node: N, child: Call): void {
      const parent = child.parent;
      // The parent may have been answered already (crash abort): then the response is moot.
      if (!parent || !ctx.isLive(parent, child.parentGen)) return;
      if (parent.phase !== CallPhase.AtNode || (parent.step & STEP_MASK) !== STEP_CALLS) return;
      const failed = !child.ok && ctx.edgeConfig(child.edge).required;
      if (parent.step & PLAN_PARALLEL) {
        if (failed && !parent.failCause) parent.failCause = child.cause;
        if (--parent.pending === 0) afterCalls(ctx, node, parent);
      } else if (failed) {
        parent.failCause = child.cause;
        afterCalls(ctx, node, parent);
      } else {
        nextSequential(ctx, node, parent, parent.pending + 1);
      }
    },
    onFaultChange(ctx: SimContext, node: N): void {
      if (ctx.faults(node.index).crashed) abortAll(ctx, node);
      else drain(ctx, node);
    },
    onConfigChange(ctx: SimContext, node: N): void {
      drain(ctx, node);
    },
  };

  /** A crash kills the process: every queued and running call fails at once. */
  function abortAll(ctx: SimContext, node: N): void {
    const s = node.state;
    const victims: Call[] = [];
    const collect = (list: number[], from: number) => {
      for (let i = from; i < list.length; i += 2) {
        const call = ctx.callById(list[i] as number, list[i + 1] as number);
        if (call && call.phase === CallPhase.AtNode && !call.parked) victims.push(call);
      }
    };
    collect(s.active, 0);
    collect(s.queue, s.head);
    s.active.length = 0;
    s.queue.length = 0;
    s.head = 0;
    for (const call of victims) ctx.respond(call, false, Cause.Refused);
    publish(ctx, node);
  }
}

/** Coin flip for an edge's callProbability; certain edges draw nothing (and cost nothing). */
function takesEdge(ctx: SimContext, node: number, edge: number): boolean {
  const p = ctx.edgeConfig(edge).callProbability;
  return p >= 1 || (p > 0 && ctx.rng(node, 'calls').chance(p));
}

/** O(1) swap-remove: the last active call takes the freed place and learns its new slot. */
function removeActive(ctx: SimContext, s: PoolState, call: Call): void {
  const a = s.active;
  const i = call.slot;
  if (i < 0 || a[i] !== call.id || a[i + 1] !== call.gen) {
    throw new Error(`worker pool lost track of call ${call.id}`);
  }
  const last = a.length - 2;
  if (i !== last) {
    const movedId = a[last] as number;
    const movedGen = a[last + 1] as number;
    a[i] = movedId;
    a[i + 1] = movedGen;
    const moved = ctx.callById(movedId, movedGen);
    if (moved) moved.slot = i;
  }
  // Two pops: cheaper than assigning `length`, which deoptimises in V8.
  a.pop();
  a.pop();
  call.slot = -1;
}
