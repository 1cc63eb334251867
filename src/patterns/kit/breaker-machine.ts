import type { BreakerRules, CallResult } from './breaker-config.ts';
import {
  OUTCOME_FAILED,
  OUTCOME_SLOW,
  recordOutcome,
  type TimeBucket,
  type WindowRates,
} from './breaker-window.ts';

/**
 * The circuit breaker's state machine over plain data (docs/patterns.md, R1; Resilience4j's model),
 * with no engine in sight: CLOSED → OPEN → HALF_OPEN → CLOSED, plus the manual FORCED_OPEN and
 * DISABLED. Every function returns a new state and never mutates its input. The config and
 * its defaults are in breaker-config.ts, the sliding window in breaker-window.ts. Used by the
 * circuit-breaker kind and by the API gateway's per-route breakers.
 *
 * - Results are classified first (`classifyResult`): ok is a success, a failure whose cause
 *   is in `recordFailureOn` is a failure, any other failure is ignored — it changes nothing,
 *   except that an ignored HALF_OPEN probe frees its permit for another probe.
 * - CLOSED admits every call. By `tripPolicy` it opens on `failureThreshold` consecutive
 *   failures ("consecutive-failures"), on a failure rate ≥ `failureRateThreshold` over the
 *   window once it holds enough outcomes (window.ts; "failure-rate"), or on either ("either").
 *   With `slowCallDurationMs` set, a slow-call rate ≥ `slowCallRateThreshold` over the window
 *   also opens it, under every policy. A success resets the consecutive count.
 * - OPEN rejects every call until `waitDurationInOpenMs` has elapsed; the next call then moves
 *   it to HALF_OPEN and is admitted as the first probe. With `automaticTransitionToHalfOpen`
 *   the host also calls `onWaitElapsed` from a timer, which moves it at the exact moment.
 * - HALF_OPEN admits exactly `permittedCallsInHalfOpen` probes and rejects the rest. With
 *   `halfOpenDecision` "rate" (default) it waits for all permitted probes and opens when their
 *   failure rate (or slow-call rate) is ≥ the threshold, else closes; "rate-after-minimum-calls"
 *   (Resilience4j's rule) judges the same rates as soon as
 *   `min(minimumCalls, permittedCallsInHalfOpen)` probe results are in; with "first-failure"
 *   one bad probe (failed, or slow when slow detection is on) re-opens it and
 *   `min(successesToClose, permittedCallsInHalfOpen)` good probes close it.
 * - `forcedState` "forced-open" (FORCED_OPEN) rejects every call and never leaves by itself;
 *   "disabled" (DISABLED) admits every call and records nothing. Back to "none" → CLOSED
 *   with a fresh window. Every function first reconciles the state with `forcedState`.
 *
 * Results are tagged with the epoch (number of transitions so far) in which their call was
 * admitted; a result from an earlier epoch is ignored, so a call admitted while CLOSED can
 * never count as a HALF_OPEN probe.
 */

export type BreakerPhase = 'closed' | 'open' | 'half-open' | 'forced-open' | 'disabled';

/** What a call or result changed: the state entered, or null. */
export type BreakerTransition = 'opened' | 'half-open' | 'closed' | null;

/** What a config edit (`reconcile`) may change: also entering a manual state. */
export type ReconcileTransition = BreakerTransition | 'forced-open' | 'disabled';

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
  /** HALF_OPEN: probes admitted, probe results in, and of those: good, failed, slow. */
  probesAdmitted: number;
  probeResults: number;
  probeSuccesses: number;
  probeFailed: number;
  probeSlow: number;
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

export interface ReconcileOutcome {
  next: BreakerState;
  transition: ReconcileTransition;
}

/** The starting state: CLOSED, or the manual state `cfg.forcedState` asks for. */
export function initialBreaker(nowUs = 0, cfg?: BreakerRules): BreakerState {
  return enter((cfg && manualPhase(cfg)) ?? 'closed', -1, nowUs);
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
    probeResults: 0,
    probeSuccesses: 0,
    probeFailed: 0,
    probeSlow: 0,
  };
}

function manualPhase(cfg: BreakerRules): 'forced-open' | 'disabled' | null {
  const forced = cfg.forcedState ?? 'none';
  return forced === 'none' ? null : forced;
}

/**
 * Brings the state in line with an edited config: enters or leaves a manual state as
 * `forcedState` says (leaving → CLOSED, fresh window), and lets HALF_OPEN decide at once if
 * the probes already in suffice under the new settings. Unchanged state is returned as is.
 */
export function reconcile(cfg: BreakerRules, s: BreakerState, nowUs: number): ReconcileOutcome {
  const manual = manualPhase(cfg);
  if (manual !== null) {
    if (s.phase === manual) return { next: s, transition: null };
    return { next: enter(manual, s.epoch, nowUs), transition: manual };
  }
  if (s.phase === 'forced-open' || s.phase === 'disabled') {
    return { next: enter('closed', s.epoch, nowUs), transition: 'closed' };
  }
  if (s.phase === 'half-open') return decideHalfOpen(cfg, s, nowUs);
  return { next: s, transition: null };
}

/** The rate rules' verdict once `needed` probe results are in: null before. */
function rateVerdict(
  cfg: BreakerRules,
  s: BreakerState,
  needed: number,
): 'opened' | 'closed' | null {
  if (s.probeResults < needed) return null;
  const bad =
    s.probeFailed / s.probeResults >= cfg.failureRateThreshold ||
    (cfg.slowCallDurationMs !== null && s.probeSlow / s.probeResults >= cfg.slowCallRateThreshold);
  return bad ? 'opened' : 'closed';
}

/** HALF_OPEN's verdict over the probe results in so far: null while undecided. */
function halfOpenVerdict(cfg: BreakerRules, s: BreakerState): 'opened' | 'closed' | null {
  switch (cfg.halfOpenDecision) {
    case 'rate':
      return rateVerdict(cfg, s, cfg.permittedCallsInHalfOpen);
    case 'rate-after-minimum-calls':
      // Resilience4j's HALF_OPEN metrics: a count window of the permitted probes, judged once
      // min(minimumNumberOfCalls, its size) results are in; later probes come too late to count.
      return rateVerdict(cfg, s, Math.min(cfg.minimumCalls, cfg.permittedCallsInHalfOpen));
    case 'first-failure':
      break;
  }
  if (s.probeFailed > 0 || s.probeSlow > 0) return 'opened';
  const needed = Math.min(cfg.successesToClose, cfg.permittedCallsInHalfOpen);
  return s.probeSuccesses >= needed ? 'closed' : null;
}

function decideHalfOpen(cfg: BreakerRules, s: BreakerState, nowUs: number): ResultOutcome {
  const verdict = halfOpenVerdict(cfg, s);
  if (verdict === null) return { next: s, transition: null };
  return {
    next: enter(verdict === 'opened' ? 'open' : 'closed', s.epoch, nowUs),
    transition: verdict,
  };
}

/** A call arrives: is it let through, and does that change the state? */
export function onCallAllowed(cfg: BreakerRules, s0: BreakerState, nowUs: number): AdmitResult {
  const s = reconcile(cfg, s0, nowUs).next;
  switch (s.phase) {
    case 'closed':
    case 'disabled':
      return { allowed: true, epoch: s.epoch, next: s, transition: null };
    case 'forced-open':
      return { allowed: false, epoch: s.epoch, next: s, transition: null };
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

/**
 * The automatic OPEN → HALF_OPEN timer fired: moves to HALF_OPEN (no probe admitted yet) when
 * `automaticTransitionToHalfOpen` is on and the wait has elapsed; otherwise nothing, so a
 * stale timer (the wait was lengthened, or the option turned off) is harmless.
 */
export function onWaitElapsed(cfg: BreakerRules, s0: BreakerState, nowUs: number): ResultOutcome {
  const s = reconcile(cfg, s0, nowUs).next;
  if (!cfg.automaticTransitionToHalfOpen || s.phase !== 'open')
    return { next: s, transition: null };
  if (nowUs - s.sinceUs < cfg.waitDurationInOpenMs * 1000) return { next: s, transition: null };
  return { next: enter('half-open', s.epoch, nowUs), transition: 'half-open' };
}

/** When an automatic OPEN → HALF_OPEN timer should fire (µs), or null when none is due. */
export function halfOpenDueUs(cfg: BreakerRules, s: BreakerState): number | null {
  if (!cfg.automaticTransitionToHalfOpen || s.phase !== 'open') return null;
  return s.sinceUs + Math.ceil(cfg.waitDurationInOpenMs * 1000);
}

function isSlow(cfg: BreakerRules, durationUs: number): boolean {
  return cfg.slowCallDurationMs !== null && durationUs > cfg.slowCallDurationMs * 1000;
}

/** Does CLOSED trip on these counts, under the config's trip policy and slow-call rule? */
function trips(cfg: BreakerRules, consecutiveFailures: number, rates: WindowRates | null) {
  const byCount = cfg.tripPolicy !== 'failure-rate' && consecutiveFailures >= cfg.failureThreshold;
  const byRate =
    cfg.tripPolicy !== 'consecutive-failures' &&
    rates !== null &&
    rates.failureRate >= cfg.failureRateThreshold;
  const bySlow =
    cfg.slowCallDurationMs !== null &&
    rates !== null &&
    rates.slowRate >= cfg.slowCallRateThreshold;
  return byCount || byRate || bySlow;
}

/**
 * The result of a call admitted in epoch `epoch` arrives, classified by `classifyResult`
 * (`durationUs` from sending it downstream to its response).
 */
export function onResult(
  cfg: BreakerRules,
  s0: BreakerState,
  epoch: number,
  result: CallResult,
  durationUs: number,
  nowUs: number,
): ResultOutcome {
  const s = reconcile(cfg, s0, nowUs).next;
  if (epoch !== s.epoch || (s.phase !== 'closed' && s.phase !== 'half-open')) {
    return { next: s, transition: null };
  }
  const ok = result === 'success';
  const slow = isSlow(cfg, durationUs);
  if (s.phase === 'half-open') {
    // An ignored probe frees its permit: another call may probe in its place.
    if (result === 'ignored') {
      return {
        next: { ...s, probesAdmitted: Math.max(0, s.probesAdmitted - 1) },
        transition: null,
      };
    }
    const probed: BreakerState = {
      ...s,
      probeResults: s.probeResults + 1,
      probeSuccesses: s.probeSuccesses + (ok && !slow ? 1 : 0),
      probeFailed: s.probeFailed + (ok ? 0 : 1),
      probeSlow: s.probeSlow + (slow ? 1 : 0),
    };
    return decideHalfOpen(cfg, probed, nowUs);
  }
  // CLOSED: an ignored result is neither a success nor a failure, and is not in the window.
  if (result === 'ignored') return { next: s, transition: null };
  const consecutiveFailures = ok ? 0 : s.consecutiveFailures + 1;
  const outcome = (ok ? 0 : OUTCOME_FAILED) | (slow ? OUTCOME_SLOW : 0);
  const { window, buckets, rates } = recordOutcome(cfg, s.window, s.buckets, outcome, nowUs);
  if (trips(cfg, consecutiveFailures, rates)) {
    return { next: enter('open', s.epoch, nowUs), transition: 'opened' };
  }
  return { next: { ...s, consecutiveFailures, window, buckets }, transition: null };
}
