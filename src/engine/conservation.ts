import { CallPhase, type CallPool } from './model/call.ts';
import type { NodeStats } from './metrics/node-stats.ts';
import type { InFlightCounters } from './in-flight-counters.ts';
import type { MessageCounts } from './model/message.ts';

export interface ConservationReport {
  ok: boolean;
  /** Virtual time of the check, ms. */
  checkedAtMs: number;
  /** One sentence per broken identity. */
  violations: string[];
  /** Requests (clients) or calls (nodes) still in flight, by node id. */
  inFlight: Record<string, number>;
  /** Each broker's message counts (fates and where the rest are), by node id. */
  messages: Record<string, MessageCounts>;
}

export class ConservationError extends Error {
  constructor(message: string) {
    super(`Conservation violated: ${message}`);
    this.name = 'ConservationError';
  }
}

/**
 * Checks `sent = succeeded + failed + in flight` per client and
 * `arrivals = completed + failed + in flight` per node, counting "in flight" independently
 * from the live calls themselves — so a lost or double-counted request cannot hide. Walks
 * every live call: the end of a run and tests use it; frames use `checkCounters`.
 */
export function checkConservation(
  ids: readonly string[],
  isSource: readonly boolean[],
  stats: readonly NodeStats[],
  pool: CallPool,
  nowMs: number,
): ConservationReport {
  const atNode = new Array<number>(ids.length).fill(0);
  const openRequests = new Array<number>(ids.length).fill(0);
  for (const call of pool.calls) {
    if (call.phase === CallPhase.Free) continue;
    if (call.phase === CallPhase.AtNode && call.to >= 0)
      atNode[call.to] = (atNode[call.to] ?? 0) + 1;
    const client = call.request.client;
    if (call.parent === null && !call.abandoned && !call.request.resolved && client >= 0) {
      openRequests[client] = (openRequests[client] ?? 0) + 1;
    }
  }
  return judge(ids, isSource, stats, nowMs, (i) =>
    isSource[i] ? (openRequests[i] as number) : (atNode[i] as number),
  );
}

/** The same identities, with "in flight" from the counters kept as calls move: O(nodes). */
export function checkCounters(
  ids: readonly string[],
  isSource: readonly boolean[],
  stats: readonly NodeStats[],
  counters: InFlightCounters,
  nowMs: number,
): ConservationReport {
  return judge(ids, isSource, stats, nowMs, (i) =>
    isSource[i] ? counters.requestsOf(i) : counters.callsAt(i),
  );
}

/**
 * True when every identity holds with the counters: the frame check's common case, which
 * allocates nothing (a graph of a thousand nodes is checked tens of times a second).
 */
export function countersHold(
  isSource: readonly boolean[],
  stats: readonly NodeStats[],
  counters: InFlightCounters,
): boolean {
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i] as NodeStats;
    let failed = 0;
    for (const cause in s.failed) failed += s.failed[cause] as number;
    const counted = isSource[i] ? counters.requestsOf(i) : counters.callsAt(i);
    if (failed !== s.failedTotal || s.arrivals !== s.ok + s.failedTotal + counted) return false;
  }
  return true;
}

function judge(
  ids: readonly string[],
  isSource: readonly boolean[],
  stats: readonly NodeStats[],
  nowMs: number,
  inFlightOf: (node: number) => number,
): ConservationReport {
  const violations: string[] = [];
  const inFlight: Record<string, number> = {};
  ids.forEach((id, i) => {
    const s = stats[i] as NodeStats;
    const counted = inFlightOf(i);
    let failed = 0;
    for (const cause in s.failed) failed += s.failed[cause] as number;
    inFlight[id] = counted;
    if (failed !== s.failedTotal) {
      violations.push(
        `${id}: failures by cause sum to ${failed} but the total is ${s.failedTotal}`,
      );
    }
    if (s.arrivals !== s.ok + s.failedTotal + counted) {
      const what = isSource[i] ? 'sent' : 'arrivals';
      violations.push(
        `${id}: ${what} ${s.arrivals} ≠ succeeded ${s.ok} + failed ${s.failedTotal} + in flight ${counted}`,
      );
    }
  });
  return { ok: violations.length === 0, checkedAtMs: nowMs, violations, inFlight, messages: {} };
}

/** Throws (loudly) when any identity is broken; returns the report otherwise. */
export function assertConserved(report: ConservationReport): ConservationReport {
  if (!report.ok) throw new ConservationError(report.violations.join('; '));
  return report;
}
