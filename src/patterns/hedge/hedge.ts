import {
  CallPhase,
  Cause,
  type Call,
  type KindDefinition,
  type NodeRuntime,
  type SimContext,
} from '../../engine/index.ts';
import {
  attemptEdgePosition,
  emptyHistory,
  hedgeConfigSchema,
  hedgeDelayUs,
  recordLatency,
  type HedgeConfig,
  type LatencyHistory,
} from './machine.ts';
import { counter, perArrival, ratio, waitingParent } from '../kit/index.ts';

/** A request's attempts in flight: how many were sent and the open ones as (id, gen) pairs. */
export interface OpenAttempts {
  sent: number;
  calls: number[];
}

export interface HedgeState {
  history: LatencyHistory;
  /** Round-robin cursor for primaries. */
  cursor: number;
  /**
   * Indexed by the id of the call waiting at this node; null once answered. Call ids are
   * pool slots, so the array is never longer than the most calls ever live at once.
   */
  open: (OpenAttempts | null)[];
}

type N = NodeRuntime<HedgeConfig, HedgeState>;

const TAG_HEDGE = 1;
// call.step of a request at this node.
const STEP_WAITING = 1;
const STEP_DONE = 2;

function sendAttempt(ctx: SimContext, node: N, parent: Call, entry: OpenAttempts): void {
  const edges = ctx.outEdges(node.index);
  const attempt = entry.sent++;
  const edge = edges[attemptEdgePosition(parent.slot, attempt, edges.length)] as number;
  const child = ctx.send(node.index, edge, parent.request, parent);
  child.callerSlot = attempt;
  entry.calls.push(child.id, child.gen);
  if (attempt > 0) {
    ctx.count(node.index, 'hedges');
    if (ctx.tracing)
      ctx.trace(node.index, 'hedge.sent', parent.request, undefined, `hedge ${attempt}`);
  } else {
    ctx.count(node.index, 'primaries');
  }
}

function armHedge(ctx: SimContext, node: N, parent: Call): void {
  const delayUs = hedgeDelayUs(node.config, node.state.history);
  if (delayUs !== null) ctx.setTimer(node.index, delayUs, TAG_HEDGE, parent);
}

/** Answers the request and cancels its other attempts (their late answers are discarded). */
function finish(ctx: SimContext, node: N, parent: Call, ok: boolean, cause: string): void {
  const entry = node.state.open[parent.id];
  node.state.open[parent.id] = null;
  if (entry) {
    for (let i = 0; i < entry.calls.length; i += 2) {
      const other = ctx.callById(entry.calls[i] as number, entry.calls[i + 1] as number);
      if (!other) continue;
      ctx.count(node.index, 'cancelled');
      ctx.abandon(other);
    }
  }
  parent.step = STEP_DONE;
  ctx.respond(parent, ok, cause);
}

function removeOpen(entry: OpenAttempts, child: Call): void {
  const c = entry.calls;
  for (let i = 0; i < c.length; i += 2) {
    if (c[i] === child.id && c[i + 1] === child.gen) {
      c.splice(i, 2);
      return;
    }
  }
}

export const hedgeKind: KindDefinition<HedgeConfig, HedgeState> = {
  kind: 'hedge',
  label: 'Hedged requests',
  category: 'resilience',
  description:
    'Sends each request to one of its downstream replicas (round robin or random over its outgoing edges). If no answer came after the hedge delay — hedgeDelayMs, or by default the p95 of its recent request latencies — it sends the same request to the next replica, up to maxHedges times. The first success wins and the other attempts are cancelled; a failure waits for the attempts still out (or, with hedgeOnFailure, hedges at once). Cuts tail latency at the cost of a few percent extra calls.',
  configSchema: hedgeConfigSchema,
  metrics: [
    { name: 'primaries', label: 'Primary calls', unit: 'count' },
    { name: 'hedges', label: 'Hedges sent', unit: 'count' },
    { name: 'hedgeWins', label: 'Won by a hedge', unit: 'count' },
    { name: 'primaryWins', label: 'Won by the primary', unit: 'count' },
    { name: 'cancelled', label: 'Attempts cancelled', unit: 'count' },
  ],
  init: () => ({ history: emptyHistory(), cursor: 0, open: [] }),
  onCall(ctx, node, call) {
    const edges = ctx.outEdges(node.index);
    if (edges.length === 0) {
      ctx.respond(call, false, Cause.NoRoute);
      return;
    }
    const st = node.state;
    if (node.config.pick === 'random') {
      call.slot = ctx.rng(node.index, 'pick').nextInt(edges.length);
    } else {
      call.slot = st.cursor % edges.length;
      st.cursor = (st.cursor + 1) % edges.length;
    }
    call.step = STEP_WAITING;
    const entry: OpenAttempts = { sent: 0, calls: [] };
    st.open[call.id] = entry;
    sendAttempt(ctx, node, call, entry);
    armHedge(ctx, node, call);
  },
  onTimer(ctx, node, tag, parent) {
    if (tag !== TAG_HEDGE || !parent) return;
    if (parent.phase !== CallPhase.AtNode || parent.parked || parent.step !== STEP_WAITING) return;
    // No hedge for a request whose caller has already given up on it.
    if (parent.abandoned) return;
    const entry = node.state.open[parent.id];
    if (!entry || entry.sent > node.config.maxHedges) return;
    sendAttempt(ctx, node, parent, entry);
    if (entry.sent <= node.config.maxHedges) armHedge(ctx, node, parent);
  },
  onResponse(ctx, node, child) {
    const parent = waitingParent(ctx, child);
    if (!parent || parent.step !== STEP_WAITING) return;
    const entry = node.state.open[parent.id];
    if (!entry) return;
    removeOpen(entry, child);
    if (child.ok) {
      ctx.count(node.index, child.callerSlot > 0 ? 'hedgeWins' : 'primaryWins');
      const st = node.state;
      st.history = recordLatency(node.config, st.history, ctx.nowUs - parent.arrivedUs);
      finish(ctx, node, parent, true, '');
      return;
    }
    if (entry.calls.length > 0) return; // another attempt may still succeed
    if (node.config.hedgeOnFailure && entry.sent <= node.config.maxHedges && !parent.abandoned) {
      sendAttempt(ctx, node, parent, entry);
      return;
    }
    finish(ctx, node, parent, false, child.cause);
  },
  report(f) {
    const hedges = counter(f, 'hedges');
    // Downstream attempts per request (1 = no hedging), and the share of it that is extra.
    const loadFactor = ratio(counter(f, 'primaries') + hedges, f.arrivals);
    return {
      loadFactor,
      extraLoad: f.arrivals > 0 ? loadFactor - 1 : 0,
      hedgeRate: perArrival(f, 'hedges'),
      hedgeWinShare: ratio(counter(f, 'hedgeWins'), hedges),
    };
  },
  stateLabel(node) {
    const us = hedgeDelayUs(node.config, node.state.history);
    if (node.config.maxHedges === 0) return { text: 'hedging off', tone: 'warn' };
    if (us === null) {
      const p = Math.round(node.config.hedgePercentile * 100);
      return { text: `learning p${p}`, tone: 'warn' };
    }
    return { text: `hedge after ${Math.round(us / 1000)} ms`, tone: 'ok' };
  },
};
