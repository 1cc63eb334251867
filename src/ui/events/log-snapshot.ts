import type { TraceEvent } from '../../store/index.ts';

/** What the log view needs from the telemetry store's ring buffer. */
export interface LogRing {
  readonly size: number;
  /** Total events ever pushed. */
  readonly pushed: number;
  toArray(): TraceEvent[];
}

/** A copy of the log, oldest first. */
export interface LogSnapshot {
  events: readonly TraceEvent[];
  /** Sequence number of `events[0]`: event i has seq firstSeq + i, stable across reads. */
  firstSeq: number;
  /** The store's `logVersion` when read. */
  version: number;
}

/** The log is re-read at most ~10 times a second, whatever the simulation speed. */
export const MIN_READ_INTERVAL_MS = 100;

/** Statuses after which no frame may come for a while: read at once so the last state shows. */
const SETTLED: ReadonlySet<string> = new Set(['empty', 'ready', 'paused', 'done', 'error']);

export function readLog(ring: LogRing, version: number): LogSnapshot {
  return { events: ring.toArray(), firstSeq: ring.pushed - ring.size, version };
}

/** Throttle decision for one telemetry update. */
export function shouldReadLog(input: {
  version: number;
  readVersion: number;
  status: string;
  nowMs: number;
  lastReadMs: number;
}): boolean {
  if (input.version === input.readVersion) return false;
  return SETTLED.has(input.status) || input.nowMs - input.lastReadMs >= MIN_READ_INTERVAL_MS;
}

/** Index of the first event with seq ≥ `seq` (binary search over rows sorted by seq). */
export function indexAtOrAfter(seqs: readonly number[], seq: number): number {
  let lo = 0;
  let hi = seqs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((seqs[mid] as number) < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
