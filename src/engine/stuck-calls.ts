import { CallPhase, type Call } from './model/call.ts';

/**
 * Waits that nothing will end, per node. A call lost to a partition (on the way out or
 * back) or parked at a hung node is never answered; only a timeout of its sender ends it. When
 * its sender set none, whoever waits on it waits for the rest of the run: a worker of the
 * node that sent it (the call the node is serving, its parent), or for a source, its request.
 *
 * A node's figures count those waiters: `partitioned`, waiting on at least one lost call, and
 * `hung`, waiting only on calls a hung node holds. The core reports every change that can
 * start or end such a wait (`update`: a call lost, parked or unparked, abandoned, released, a
 * sender's timer set or fired; `waiterDone`: a call answered, so its node stops waiting on
 * its children), and the counts are kept as calls move, so a frame reads them in O(1)
 * (`stuckByWalk` is the definition they must equal; a property test holds them equal).
 */

/** A node's waits that nothing will end; see `StuckCalls`. */
export interface StuckFigures {
  /** Waiting on a call lost to a partition, with no timeout set on it. */
  partitioned: number;
  /** Waiting on a call held by a hung node (and on none lost), with no timeout set on it. */
  hung: number;
}

/** What the sentence is made of: the stuck waits and the node's gauges at the same time. */
export interface StuckFacts extends StuckFigures {
  /** Workers busy and the configured capacity: 0 and 0 for kinds without workers. */
  busy: number;
  capacity: number;
  /** Calls waiting in its queue. */
  queueDepth: number;
  /** Calls at the node (a source: its requests in flight). */
  inFlight: number;
}

const NONE = 0;
const LOST = 1;
const HUNG = 2;

/** What a call is to its waiter now: LOST, HUNG or NONE (answered, watched, given up …). */
function stuckKind(call: Call): number {
  if (call.phase === CallPhase.Free || call.abandoned || call.senderTimers > 0) return NONE;
  if (call.phase === CallPhase.Lost) return LOST;
  return call.parked ? HUNG : NONE;
}

/** The call whose node waits on `call` (its parent), if it still does. */
function waitingParent(call: Call): Call | null {
  const p = call.parent;
  return p && p.gen === call.parentGen && p.phase === CallPhase.AtNode ? p : null;
}

function classOf(lost: number, hung: number): number {
  return lost > 0 ? LOST : hung > 0 ? HUNG : NONE;
}

export class StuckCalls {
  /** Per node: waiters on a lost call, and on hung calls only. */
  private readonly lostWaiters: Int32Array;
  private readonly hungWaiters: Int32Array;
  /** Per call id: how it is counted now (NONE, LOST, HUNG). */
  private counted = new Uint8Array(256);
  /** Per call id, as a waiting parent: its counted children, lost and hung. */
  private lostChildren = new Uint16Array(256);
  private hungChildren = new Uint16Array(256);

  /** `changed(node)` hears of every change of a node's figures (so its next frame has them). */
  constructor(
    nodeCount: number,
    private readonly changed: (node: number) => void = () => {},
  ) {
    this.lostWaiters = new Int32Array(nodeCount);
    this.hungWaiters = new Int32Array(nodeCount);
  }

  /** The node's figures now; null when no wait of it is stuck. */
  figures(node: number): StuckFigures | null {
    const partitioned = this.lostWaiters[node] as number;
    const hung = this.hungWaiters[node] as number;
    return partitioned + hung > 0 ? { partitioned, hung } : null;
  }

  /** Call after anything that may have changed whether `call` is a stuck wait. */
  update(call: Call): void {
    const id = call.id;
    if (id >= this.counted.length) this.grow(id);
    const was = this.counted[id] as number;
    const kind = stuckKind(call);
    if (kind === was) return;
    this.counted[id] = kind;
    if (call.parent === null) {
      // A source's call: the request is the waiter, until the call is abandoned.
      this.shift(call.from, was, -1);
      this.shift(call.from, kind, 1);
      return;
    }
    const parent = waitingParent(call);
    // The parent stopped waiting (waiterDone already took its children out): nothing to move.
    if (!parent) return;
    const pid = parent.id;
    const lost = this.lostChildren[pid] as number;
    const hung = this.hungChildren[pid] as number;
    const nextLost = lost + (kind === LOST ? 1 : 0) - (was === LOST ? 1 : 0);
    const nextHung = hung + (kind === HUNG ? 1 : 0) - (was === HUNG ? 1 : 0);
    this.lostChildren[pid] = nextLost;
    this.hungChildren[pid] = nextHung;
    this.shift(parent.to, classOf(lost, hung), -1);
    this.shift(parent.to, classOf(nextLost, nextHung), 1);
  }

  /**
   * Call when `call` leaves its node (answered): the node no longer waits on its children.
   * Children still counted stay marked; `update` sees their parent gone and moves nothing.
   */
  waiterDone(call: Call): void {
    const id = call.id;
    if (id >= this.counted.length) return;
    const lost = this.lostChildren[id] as number;
    const hung = this.hungChildren[id] as number;
    if (lost + hung === 0) return;
    this.shift(call.to, classOf(lost, hung), -1);
    this.lostChildren[id] = 0;
    this.hungChildren[id] = 0;
  }

  private shift(node: number, kind: number, delta: number): void {
    if (kind === LOST) this.lostWaiters[node] = (this.lostWaiters[node] as number) + delta;
    else if (kind === HUNG) this.hungWaiters[node] = (this.hungWaiters[node] as number) + delta;
    else return;
    this.changed(node);
  }

  private grow(id: number): void {
    let n = this.counted.length;
    while (n <= id) n *= 2;
    const counted = new Uint8Array(n);
    counted.set(this.counted);
    const lost = new Uint16Array(n);
    lost.set(this.lostChildren);
    const hung = new Uint16Array(n);
    hung.set(this.hungChildren);
    this.counted = counted;
    this.lostChildren = lost;
    this.hungChildren = hung;
  }
}

/**
 * The definition the counters keep, by a walk over every live call (tests; O(calls)): for
 * each node, its waiters — parents at it, or for a source its own calls — waiting on a stuck
 * call with no timer of its sender pending.
 */
export function stuckByWalk(calls: readonly Call[], nodeCount: number): (StuckFigures | null)[] {
  const lost = new Int32Array(nodeCount);
  const hung = new Int32Array(nodeCount);
  const parents = new Map<Call, { node: number; lost: boolean }>();
  for (const call of calls) {
    const kind = stuckKind(call);
    if (kind === NONE) continue;
    if (call.parent === null) {
      const counts = kind === LOST ? lost : hung;
      counts[call.from] = (counts[call.from] as number) + 1;
      continue;
    }
    const parent = waitingParent(call);
    if (!parent) continue;
    const seen = parents.get(parent);
    parents.set(parent, { node: parent.to, lost: (seen?.lost ?? false) || kind === LOST });
  }
  for (const { node, lost: anyLost } of parents.values()) {
    const counts = anyLost ? lost : hung;
    counts[node] = (counts[node] as number) + 1;
  }
  return Array.from({ length: nodeCount }, (_, i) => {
    const partitioned = lost[i] as number;
    const h = hung[i] as number;
    return partitioned + h > 0 ? { partitioned, hung: h } : null;
  });
}
