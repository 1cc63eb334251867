import { CallPhase, type CallPool } from './model/call.ts';
import type { NodeStats } from './metrics/node-stats.ts';

export interface ConservationReport {
  ok: boolean;
  /** Virtual time of the check, ms. */
  checkedAtMs: number;
  /** One sentence per broken identity. */
  violations: string[];
  /** Requests (clients) or calls (nodes) still in flight, by node id. */
  inFlight: Record<string, number>;
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
 * from the live calls themselves — so a lost or double-counted request cannot hide.
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
    if (call.parent === null && !call.abandoned && !call.request.resolved && call.from >= 0) {
      openRequests[call.from] = (openRequests[call.from] ?? 0) + 1;
    }
  }
  const violations: string[] = [];
  const inFlight: Record<string, number> = {};
  ids.forEach((id, i) => {
    const s = stats[i] as NodeStats;
    const counted = isSource[i] ? openRequests[i] : atNode[i];
    const failed = Object.values(s.failed).reduce((a, b) => a + b, 0);
    inFlight[id] = counted ?? 0;
    if (failed !== s.failedTotal) {
      violations.push(
        `${id}: failures by cause sum to ${failed} but the total is ${s.failedTotal}`,
      );
    }
    if (s.arrivals !== s.ok + s.failedTotal + (counted ?? 0)) {
      const what = isSource[i] ? 'sent' : 'arrivals';
      violations.push(
        `${id}: ${what} ${s.arrivals} ≠ succeeded ${s.ok} + failed ${s.failedTotal} + in flight ${counted}`,
      );
    }
  });
  return { ok: violations.length === 0, checkedAtMs: nowMs, violations, inFlight };
}

/** What the check reads from a running simulation. */
export interface ConservationSubject {
  ids: readonly string[];
  isSource: readonly boolean[];
  stats: readonly NodeStats[];
  pool: CallPool;
  nowUs: number;
}

export function checkSubject(c: ConservationSubject): ConservationReport {
  return checkConservation(c.ids, c.isSource, c.stats, c.pool, c.nowUs / 1000);
}

/** Throws (loudly) when any identity is broken; returns the report otherwise. */
export function assertConserved(report: ConservationReport): ConservationReport {
  if (!report.ok) throw new ConservationError(report.violations.join('; '));
  return report;
}
