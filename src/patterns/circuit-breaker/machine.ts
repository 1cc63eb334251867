import { z } from 'zod';

/**
 * The circuit breaker's state machine over plain data (PATTERNS.md R1), with no engine in
 * sight: CLOSED → OPEN → HALF_OPEN → CLOSED. Every function returns a new state and never
 * mutates its input.
 *
 * - CLOSED admits every call. It opens on `failureThreshold` consecutive failures, or, once
 *   the window holds enough outcomes, when the failure rate over the window is
 *   ≥ `failureRateThreshold` or (with `slowCallDurationMs` set) the slow-call rate is
 *   ≥ `slowCallRateThreshold`. A success resets the consecutive count. The window is either
 *   count-based (`slidingWindowType` "count": the last `slidingWindowSize` outcomes, enough
 *   once it holds `min(minimumCalls, slidingWindowSize)`) or time-based ("time": the
 *   outcomes of the last `slidingWindowSize` seconds — the current, partial second and the
 *   ones before it — kept as one bucket per whole second, enough once it holds
 *   `minimumCalls`), as in Resilience4j.
 * - OPEN rejects every call until `waitDurationInOpenMs` has elapsed; the next call then moves
 *   it to HALF_OPEN and is admitted as the first probe.
 * - HALF_OPEN admits exactly `permittedCallsInHalfOpen` probes and rejects the rest; one bad
 *   probe (failed, or slow when slow detection is on) re-opens it, and
 *   `min(successesToClose, permittedCallsInHalfOpen)` good probes close it.
 *
 * Results are tagged with the epoch (number of transitions so far) in which their call was
 * admitted; a result from an earlier epoch is ignored, so a call admitted while CLOSED can
 * never count as a HALF_OPEN probe.
 */

export const breakerConfigSchema = z.strictObject({
  failureThreshold: z.number().int().min(1).default(5),
  failureRateThreshold: z.number().gt(0).max(1).default(0.5),
  slidingWindowType: z.enum(['count', 'time']).default('count'),
  /** Calls (count window) or seconds (time window). */
  slidingWindowSize: z.number().int().min(1).max(10_000).default(20),
  minimumCalls: z.number().int().min(1).default(10),
  slowCallDurationMs: z.number().positive().nullable().default(null),
  slowCallRateThreshold: z.number().gt(0).max(1).default(1),
  waitDurationInOpenMs: z.number().min(0).default(30_000),
  permittedCallsInHalfOpen: z.number().int().min(1).default(3),
  successesToClose: z.number().int().min(1).default(2),
});
export type BreakerConfig = z.infer<typeof breakerConfigSchema>;

export type BreakerPhase = 'closed' | 'open' | 'half-open';

/** What a call or result changed: the state entered, or null. */
export type BreakerTransition = 'opened' | 'half-open' | 'closed' | null;

/** Window entries: bit 1 = failed, bit 2 = slow. */
export const OUTCOME_FAILED = 1;
export const OUTCOME_SLOW = 2;

export interface BreakerState {
  phase: BreakerPhase;
  /** Number of transitions so far; results from an older epoch are ignored. */
  epoch: number;
  /** When the current phase was entered (µs). */
  sinceUs: number;
  consecutiveFailures: number;
  /**
   * Count window: the last outcomes recorded while CLOSED, oldest first, at most
   * `slidingWindowSize`.
   */
  window: number[];
  /** Time window: outcomes recorded while CLOSED per whole second, oldest first. */
  buckets: TimeBucket[];
  /** HALF_OPEN: probes admitted and good probe results so far. */
  probesAdmitted: number;
  probeSuccesses: number;
}

/** The outcomes of one second (`second` = ⌊µs / 1e6⌋) of a time-based window. */
export interface TimeBucket {
  second: number;
  calls: number;
  failed: number;
  slow: number;
}

export interface AdmitResult {
  allowed: boolean;
  /** The epoch to pass back to `onResult` for this call. */
  epoch: number;
  next: BreakerState;
  transition: BreakerTransition;
}

export interface ResultOutcome {
  next: BreakerState;
  transition: BreakerTransition;
}

export function initialBreaker(nowUs = 0): BreakerState {
  return enter('closed', -1, nowUs);
}

function enter(phase: BreakerPhase, previousEpoch: number, nowUs: number): BreakerState {
  return {
    phase,
    epoch: previousEpoch + 1,
    sinceUs: nowUs,
    consecutiveFailures: 0,
    window: [],
    buckets: [],
    probesAdmitted: 0,
    probeSuccesses: 0,
  };
}

/** A call arrives: is it let through, and does that change the state? */
export function onCallAllowed(cfg: BreakerConfig, s: BreakerState, nowUs: number): AdmitResult {
  switch (s.phase) {
    case 'closed':
      return { allowed: true, epoch: s.epoch, next: s, transition: null };
    case 'open': {
      if (nowUs - s.sinceUs < cfg.waitDurationInOpenMs * 1000) {
        return { allowed: false, epoch: s.epoch, next: s, transition: null };
      }
      const half = enter('half-open', s.epoch, nowUs);
      half.probesAdmitted = 1;
      return { allowed: true, epoch: half.epoch, next: half, transition: 'half-open' };
    }
    case 'half-open': {
      if (s.probesAdmitted >= cfg.permittedCallsInHalfOpen) {
        return { allowed: false, epoch: s.epoch, next: s, transition: null };
      }
      const next = { ...s, probesAdmitted: s.probesAdmitted + 1 };
      return { allowed: true, epoch: s.epoch, next, transition: null };
    }
  }
}

function isSlow(cfg: BreakerConfig, durationUs: number): boolean {
  return cfg.slowCallDurationMs !== null && durationUs > cfg.slowCallDurationMs * 1000;
}

/** Failure and slow-call rates over the window; null until it holds enough calls. */
export function windowRates(
  cfg: BreakerConfig,
  window: readonly number[],
): { failureRate: number; slowRate: number } | null {
  const needed = Math.min(cfg.minimumCalls, cfg.slidingWindowSize);
  if (window.length < needed || window.length === 0) return null;
  let failed = 0;
  let slow = 0;
  for (const o of window) {
    if (o & OUTCOME_FAILED) failed++;
    if (o & OUTCOME_SLOW) slow++;
  }
  return { failureRate: failed / window.length, slowRate: slow / window.length };
}

/** The time window's buckets still inside the window at `nowUs`, oldest first. */
export function liveBuckets(
  cfg: BreakerConfig,
  buckets: readonly TimeBucket[],
  nowUs: number,
): TimeBucket[] {
  const oldest = Math.floor(nowUs / 1e6) - cfg.slidingWindowSize + 1;
  return buckets.filter((b) => b.second >= oldest);
}

/** Failure and slow-call rates over a time window; null until it holds `minimumCalls` calls. */
export function timeWindowRates(
  cfg: BreakerConfig,
  buckets: readonly TimeBucket[],
): { failureRate: number; slowRate: number } | null {
  let calls = 0;
  let failed = 0;
  let slow = 0;
  for (const b of buckets) {
    calls += b.calls;
    failed += b.failed;
    slow += b.slow;
  }
  if (calls < cfg.minimumCalls || calls === 0) return null;
  return { failureRate: failed / calls, slowRate: slow / calls };
}

/** Adds one outcome at `nowUs` to the time window (dropping what has slid out). */
function recordInTime(
  cfg: BreakerConfig,
  buckets: readonly TimeBucket[],
  outcome: number,
  nowUs: number,
): TimeBucket[] {
  const live = liveBuckets(cfg, buckets, nowUs);
  const second = Math.floor(nowUs / 1e6);
  const last = live[live.length - 1];
  const failed = outcome & OUTCOME_FAILED ? 1 : 0;
  const slow = outcome & OUTCOME_SLOW ? 1 : 0;
  if (last && last.second === second) {
    live[live.length - 1] = {
      second,
      calls: last.calls + 1,
      failed: last.failed + failed,
      slow: last.slow + slow,
    };
  } else {
    live.push({ second, calls: 1, failed, slow });
  }
  return live;
}

/**
 * The result of a call admitted in epoch `epoch` arrives (`ok` false for any failure;
 * `durationUs` from sending it downstream to its response).
 */
export function onResult(
  cfg: BreakerConfig,
  s: BreakerState,
  epoch: number,
  ok: boolean,
  durationUs: number,
  nowUs: number,
): ResultOutcome {
  if (epoch !== s.epoch || s.phase === 'open') return { next: s, transition: null };
  const slow = isSlow(cfg, durationUs);
  if (s.phase === 'half-open') {
    if (!ok || slow) return { next: enter('open', s.epoch, nowUs), transition: 'opened' };
    const successes = s.probeSuccesses + 1;
    if (successes >= Math.min(cfg.successesToClose, cfg.permittedCallsInHalfOpen)) {
      return { next: enter('closed', s.epoch, nowUs), transition: 'closed' };
    }
    return { next: { ...s, probeSuccesses: successes }, transition: null };
  }
  // CLOSED
  const consecutiveFailures = ok ? 0 : s.consecutiveFailures + 1;
  const outcome = (ok ? 0 : OUTCOME_FAILED) | (slow ? OUTCOME_SLOW : 0);
  let window = s.window;
  let buckets = s.buckets;
  let rates: { failureRate: number; slowRate: number } | null;
  if (cfg.slidingWindowType === 'time') {
    buckets = recordInTime(cfg, buckets, outcome, nowUs);
    rates = timeWindowRates(cfg, buckets);
  } else {
    window = [...window, outcome];
    if (window.length > cfg.slidingWindowSize) {
      window.splice(0, window.length - cfg.slidingWindowSize);
    }
    rates = windowRates(cfg, window);
  }
  const trip =
    consecutiveFailures >= cfg.failureThreshold ||
    (rates !== null &&
      (rates.failureRate >= cfg.failureRateThreshold ||
        (cfg.slowCallDurationMs !== null && rates.slowRate >= cfg.slowCallRateThreshold)));
  if (trip) return { next: enter('open', s.epoch, nowUs), transition: 'opened' };
  return { next: { ...s, consecutiveFailures, window, buckets }, transition: null };
}
