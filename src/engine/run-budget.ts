/**
 * What one run may hold and do before the engine stops it with a sentence (README, "Limits").
 * Every cap counts things — calls, events —, never wall time or bytes, so where a run stops
 * is part of its determinism: the same scenario and seed stop at the same event everywhere.
 *
 * The memory caps are sized so that a run stays well under 256 MB of engine heap: a live
 * call costs ~300 bytes (the call, its request, its place in a queue and its timers), a
 * scheduled event 40 bytes of typed arrays. The built-ins hold at most ~25 000 calls (the
 * autoscaling lesson without autoscaling, nearly all queued at one node) and ~750 scheduled
 * events; the engine benchmark's retry storm ~20 000 calls. A run that goes past a cap
 * would only keep growing until the tab died (a rate of 1e9, or 100 000 users with no think
 * time, reached 4–5 GB).
 */
export interface RunBudget {
  /** Calls alive at once: travelling, queued, being worked on, waiting for their callees. */
  maxLiveCalls: number;
  /** Work waiting in one node's queue, as the node reports it (its queue-depth gauge). */
  maxQueuedAtNode: number;
  /** Events scheduled and not yet run: timers, calls and answers on their way. */
  maxPendingEvents: number;
  /**
   * Events in one second of virtual time. The engine runs ~5 M events a wall second, so a run
   * past this takes over two wall seconds per virtual second — and a 5-minute run over ten
   * minutes — without anything piling up; a built-in needs at most ~8 500, the engine
   * benchmark's 20-way fan-out ~65 000.
   */
  maxEventsPerVirtualSecond: number;
  /**
   * Events at one virtual instant. Time that never advances is a loop with no delay; the
   * largest honest burst is every closed-loop user of a client starting at once (100 000
   * users, a few events each). The built-ins see at most ~40.
   */
  maxEventsPerInstant: number;
  /**
   * Zero-delay steps in a row at one instant: an event scheduled, for the same instant, by an
   * event scheduled for that instant by… An acyclic scenario has at most ~3 a hop (a call,
   * its work, its answer), ~3000 through the largest document's 1000 nodes (the built-ins
   * reach 7); a loop with no delay adds steps forever, so even a loop of one user is caught
   * within ~10 000 events.
   */
  maxZeroDelayDepth: number;
}

export const RUN_BUDGET: Readonly<RunBudget> = {
  maxLiveCalls: 250_000,
  maxQueuedAtNode: 200_000,
  maxPendingEvents: 1_000_000,
  maxEventsPerVirtualSecond: 10_000_000,
  maxEventsPerInstant: 1_000_000,
  maxZeroDelayDepth: 10_000,
};

/**
 * Events the engine watches once a cap on events is passed, to see what they are about (which
 * nodes, which edges, which client's requests) before it says so. Deterministic, like the rest.
 */
export const SAMPLE_EVENTS = 4096;

/**
 * Zero-delay steps a suspected loop is watched for, at least: a whole round of it, so every
 * part of the loop shows — a user's round is three (the call, its answer, the next request),
 * a proxy or a retry in the way adds a few.
 */
export const SAMPLE_STEPS = 8;
