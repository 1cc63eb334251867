import type { TraceEvent } from '../../store/index.ts';

/**
 * The hop tree of one request, rebuilt from trace events (docs/architecture.md §3). Hop events of a
 * sampled request carry `callId` / `parentCallId`; `call.timeout` and `call.dropped` do not, so
 * they are matched to a hop by caller, callee and time. Events may be missing (evicted from the
 * log, or the run is still going): every field is then `null` and the hop or the request says so
 * instead of failing.
 */

/** ok / failed (the callee answered with a cause) / late (answered after the caller gave up) /
 * lost (never answered: timed out, dropped, or the request ended without it) / pending. */
export type HopOutcome = 'ok' | 'failed' | 'late' | 'lost' | 'pending';

export interface Hop {
  callId: number;
  parentCallId: number | null;
  caller: string | null;
  callee: string | null;
  depth: number;
  sentUs: number | null;
  arrivedUs: number | null;
  answeredUs: number | null;
  returnedUs: number | null;
  /** When the caller stopped waiting (`call.timeout`). */
  timedOutUs: number | null;
  /** When a partition dropped the call or its answer (`call.dropped`). */
  droppedUs: number | null;
  outcome: HopOutcome;
  /** The callee's failure cause, or why it was lost ('timeout', 'partition'). */
  cause: string | null;
  /** Some of the hop's events are missing from the trace. */
  incomplete: boolean;
  children: Hop[];
}

export type RequestOutcome = 'succeeded' | 'failed' | 'in-flight';

export interface RequestTrace {
  requestId: number;
  client: string | null;
  sentUs: number | null;
  resolvedUs: number | null;
  outcome: RequestOutcome;
  cause: string | null;
  latencyUs: number | null;
  roots: Hop[];
  /** Depth first, children in the order they were sent: the waterfall's rows. */
  rows: Hop[];
  /** The shared time axis (endUs > startUs). */
  startUs: number;
  endUs: number;
  /** The request has hop events (it was sampled). */
  sampled: boolean;
  /** Some events of the request are missing (log eviction, or it is still in flight). */
  incomplete: boolean;
}

interface HopBuild extends Hop {
  late: boolean;
  answerCause: string | null;
  firstUs: number;
}

function newHop(callId: number, timeUs: number): HopBuild {
  return {
    callId,
    parentCallId: null,
    caller: null,
    callee: null,
    depth: 0,
    sentUs: null,
    arrivedUs: null,
    answeredUs: null,
    returnedUs: null,
    timedOutUs: null,
    droppedUs: null,
    outcome: 'pending',
    cause: null,
    incomplete: false,
    children: [],
    late: false,
    answerCause: null,
    firstUs: timeUs,
  };
}

function applyHopEvent(hop: HopBuild, e: TraceEvent): void {
  if (e.parentCallId !== undefined) hop.parentCallId = e.parentCallId;
  const fromCaller = e.type === 'call.sent' || e.type.startsWith('call.returned');
  if (fromCaller) {
    hop.caller = e.node;
    hop.callee = e.peer ?? hop.callee;
  } else {
    hop.callee = e.node;
    hop.caller = e.peer ?? hop.caller;
  }
  if (e.type === 'call.sent') hop.sentUs = e.timeUs;
  else if (e.type === 'call.arrived') hop.arrivedUs = e.timeUs;
  else if (e.type === 'call.answered') {
    hop.answeredUs = e.timeUs;
    hop.answerCause = e.cause ?? null;
  } else if (e.type === 'call.returned' || e.type === 'call.returned-late') {
    hop.returnedUs = e.timeUs;
    hop.late = e.type === 'call.returned-late';
    if (e.cause !== undefined) hop.answerCause = e.cause;
  }
}

/** The most recently sent open call from `caller` to `callee`: the one a timeout ends. */
function timedOutHop(hops: Iterable<HopBuild>, e: TraceEvent): HopBuild | undefined {
  let best: HopBuild | undefined;
  for (const h of hops) {
    if (h.caller !== e.node || h.callee !== e.detail) continue;
    if (h.timedOutUs !== null || h.returnedUs !== null) continue;
    if (!best || (h.sentUs ?? h.firstUs) >= (best.sentUs ?? best.firstUs)) best = h;
  }
  return best;
}

/** A drop happens at the caller when sending, or at the callee when answering. */
function droppedHop(hops: Iterable<HopBuild>, e: TraceEvent): HopBuild | undefined {
  for (const h of hops) {
    if (h.droppedUs !== null) continue;
    if (h.caller === e.node && h.sentUs === e.timeUs && h.arrivedUs === null) return h;
    if (h.callee === e.node && h.answeredUs === e.timeUs && h.returnedUs === null) return h;
  }
  return undefined;
}

function settle(h: HopBuild, requestResolved: boolean): void {
  if (h.returnedUs !== null) {
    h.outcome = h.late ? 'late' : h.answerCause ? 'failed' : 'ok';
    h.cause = h.answerCause;
  } else if (h.droppedUs !== null) {
    h.outcome = 'lost';
    h.cause = 'partition';
  } else if (h.timedOutUs !== null) {
    h.outcome = 'lost';
    h.cause = 'timeout';
  } else {
    h.outcome = requestResolved ? 'lost' : 'pending';
    h.cause = h.answerCause;
  }
  h.incomplete =
    h.sentUs === null ||
    (h.arrivedUs === null && (h.answeredUs !== null || h.returnedUs !== null)) ||
    (h.answeredUs === null && h.returnedUs !== null) ||
    h.outcome === 'pending';
}

function toHop(h: HopBuild): Hop {
  const { late: _late, answerCause: _cause, firstUs: _first, ...hop } = h;
  return hop;
}

function byStart(a: HopBuild, b: HopBuild): number {
  return (a.sentUs ?? a.firstUs) - (b.sentUs ?? b.firstUs) || a.callId - b.callId;
}

/** Builds the request's trace from the log; null when the log holds nothing of it. */
export function buildRequestTrace(
  events: readonly TraceEvent[],
  requestId: number,
): RequestTrace | null {
  const hops = new Map<number, HopBuild>();
  let seen = false;
  let client: string | null = null;
  let sentUs: number | null = null;
  let resolvedUs: number | null = null;
  let outcome: RequestOutcome = 'in-flight';
  let cause: string | null = null;
  let minUs = Infinity;
  let maxUs = -Infinity;

  for (const e of events) {
    if (e.requestId !== requestId) continue;
    seen = true;
    minUs = Math.min(minUs, e.timeUs);
    maxUs = Math.max(maxUs, e.timeUs);
    if (e.callId !== undefined) {
      let hop = hops.get(e.callId);
      if (!hop) hops.set(e.callId, (hop = newHop(e.callId, e.timeUs)));
      applyHopEvent(hop, e);
    } else if (e.type === 'request.sent') {
      client = e.node;
      sentUs = e.timeUs;
    } else if (e.type === 'request.succeeded' || e.type === 'request.failed') {
      client = e.node;
      resolvedUs = e.timeUs;
      outcome = e.type === 'request.succeeded' ? 'succeeded' : 'failed';
      cause = e.cause ?? (outcome === 'failed' ? 'error' : null);
    } else if (e.type === 'call.timeout') {
      const hop = timedOutHop(hops.values(), e);
      if (hop) hop.timedOutUs = e.timeUs;
    } else if (e.type === 'call.dropped') {
      const hop = droppedHop(hops.values(), e);
      if (hop) hop.droppedUs = e.timeUs;
    }
  }
  if (!seen) return null;

  const all = [...hops.values()].sort(byStart);
  for (const h of all) settle(h, resolvedUs !== null);
  const roots: HopBuild[] = [];
  const childrenOf = new Map<number, HopBuild[]>();
  for (const h of all) {
    const parent = h.parentCallId === null ? undefined : hops.get(h.parentCallId);
    if (!parent || parent === h) {
      // A parent missing from the log leaves an orphan: shown as a root, marked incomplete.
      if (h.parentCallId !== null) h.incomplete = true;
      roots.push(h);
    } else {
      const list = childrenOf.get(parent.callId) ?? [];
      list.push(h);
      childrenOf.set(parent.callId, list);
    }
  }

  const rows: Hop[] = [];
  const visited = new Set<number>();
  const walk = (h: HopBuild, depth: number): Hop => {
    visited.add(h.callId);
    h.depth = depth;
    const hop = toHop(h);
    rows.push(hop);
    for (const c of childrenOf.get(h.callId) ?? []) {
      if (!visited.has(c.callId)) hop.children.push(walk(c, depth + 1));
    }
    return hop;
  };
  const rootHops = roots.map((h) => walk(h, 0));
  // Hops caught in a parent cycle (a corrupt trace) are never reached: show them as roots.
  for (const h of all) if (!visited.has(h.callId)) rootHops.push(walk(h, 0));

  const startUs = Math.min(minUs, sentUs ?? Infinity);
  const endUs = Math.max(maxUs, startUs + 1);
  return {
    requestId,
    client,
    sentUs,
    resolvedUs,
    outcome,
    cause,
    latencyUs: sentUs !== null && resolvedUs !== null ? resolvedUs - sentUs : null,
    roots: rootHops,
    rows,
    startUs,
    endUs,
    sampled: hops.size > 0,
    incomplete: sentUs === null || resolvedUs === null || rows.some((h) => h.incomplete),
  };
}
