import { z } from 'zod';
import { OUTCOME_FAILED, OUTCOME_SLOW, recordOutcome, type TimeBucket } from './window.ts';

export {
  OUTCOME_FAILED,
  OUTCOME_SLOW,
  liveBuckets,
  timeWindowRates,
  windowRates,
  type TimeBucket,
} from './window.ts';

/**
 * The circuit breaker's state machine over plain data (PATTERNS.md R1, Resilience4j's model),
 * with no engine in sight: CLOSED → OPEN → HALF_OPEN → CLOSED, plus the manual FORCED_OPEN and
 * DISABLED. Every function returns a new state and never mutates its input.
 *
 * - CLOSED admits every call. It opens on `failureThreshold` consecutive failures, or, once
 *   the window holds enough outcomes (window.ts), when the failure rate over it is
 *   ≥ `failureRateThreshold` or (with `slowCallDurationMs` set) the slow-call rate is
 *   ≥ `slowCallRateThreshold`. A success resets the consecutive count.
 * - OPEN rejects every call until `waitDurationInOpenMs` has elapsed; the next call then moves
 *   it to HALF_OPEN and is admitted as the first probe. With `automaticTransitionToHalfOpen`
 *   the host also calls `onWaitElapsed` from a timer, which moves it at the exact moment.
 * - HALF_OPEN admits exactly `permittedCallsInHalfOpen` probes and rejects the rest. With
 *   `halfOpenDecision` "first-failure" one bad probe (failed, or slow when slow detection is
 *   on) re-opens it and `min(successesToClose, permittedCallsInHalfOpen)` good probes close it;
 *   with "rate" it waits for all permitted probes and opens when their failure rate (or
 *   slow-call rate) is ≥ the threshold, else closes.
 * - `forcedState` "forced-open" (FORCED_OPEN) rejects every call and never leaves by itself;
 *   "disabled" (DISABLED) admits every call and records nothing. Back to "none" → CLOSED
 *   with a fresh window. Every function first reconciles the state with `forcedState`.
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
  /** OPEN → HALF_OPEN when the wait elapses (a timer) rather than on the next call. */
  automaticTransitionToHalfOpen: z.boolean().default(false),
  permittedCallsInHalfOpen: z.number().int().min(1).default(3),
  /** HALF_OPEN: "first-failure" (successesToClose close it) or "rate" (all probes decide). */
  halfOpenDecision: z.enum(['first-failure', 'rate']).default('first-failure'),
  successesToClose: z.number().int().min(1).default(2),
  /** Resilience4j's manual states, as a live toggle. */
  forcedState: z.enum(['none', 'forced-open', 'disabled']).default('none'),
});
export type BreakerConfig = z.infer<typeof breakerConfigSchema>;

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
export function initialBreaker(nowUs = 0, cfg?: BreakerConfig): BreakerState {
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

function manualPhase(cfg: BreakerConfig): 'forced-open' | 'disabled' | null {
  return cfg.forcedState === 'none' ? null : cfg.forcedState;
}

/**
 * Brings the state in line with an edited config: enters or leaves a manual state as
 * `forcedState` says (leaving → CLOSED, fresh window), and lets HALF_OPEN decide at once if
 * the probes already in suffice under the new settings. Unchanged state is returned as is.
 */
export function reconcile(cfg: BreakerConfig, s: BreakerState, nowUs: number): ReconcileOutcome {
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

/** HALF_OPEN's verdict over the probe results in so far: null while undecided. */
function halfOpenVerdict(cfg: BreakerConfig, s: BreakerState): 'opened' | 'closed' | null {
  if (cfg.halfOpenDecision === 'rate') {
    if (s.probeResults < cfg.permittedCallsInHalfOpen) return null;
    const bad =
      s.probeFailed / s.probeResults >= cfg.failureRateThreshold ||
      (cfg.slowCallDurationMs !== null &&
        s.probeSlow / s.probeResults >= cfg.slowCallRateThreshold);
    return bad ? 'opened' : 'closed';
  }
  if (s.probeFailed > 0 || s.probeSlow > 0) return 'opened';
  const needed = Math.min(cfg.successesToClose, cfg.permittedCallsInHalfOpen);
  return s.probeSuccesses >= needed ? 'closed' : null;
}

function decideHalfOpen(cfg: BreakerConfig, s: BreakerState, nowUs: number): ResultOutcome {
  const verdict = halfOpenVerdict(cfg, s);
  if (verdict === null) return { next: s, transition: null };
  return {
    next: enter(verdict === 'opened' ? 'open' : 'closed', s.epoch, nowUs),
    transition: verdict,
  };
}

/** A call arrives: is it let through, and does that change the state? */
export function onCallAllowed(cfg: BreakerConfig, s0: BreakerState, nowUs: number): AdmitResult {
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
export function onWaitElapsed(cfg: BreakerConfig, s0: BreakerState, nowUs: number): ResultOutcome {
  const s = reconcile(cfg, s0, nowUs).next;
  if (!cfg.automaticTransitionToHalfOpen || s.phase !== 'open')
    return { next: s, transition: null };
  if (nowUs - s.sinceUs < cfg.waitDurationInOpenMs * 1000) return { next: s, transition: null };
  return { next: enter('half-open', s.epoch, nowUs), transition: 'half-open' };
}

/** When an automatic OPEN → HALF_OPEN timer should fire (µs), or null when none is due. */
export function halfOpenDueUs(cfg: BreakerConfig, s: BreakerState): number | null {
  if (!cfg.automaticTransitionToHalfOpen || s.phase !== 'open') return null;
  return s.sinceUs + Math.ceil(cfg.waitDurationInOpenMs * 1000);
}

function isSlow(cfg: BreakerConfig, durationUs: number): boolean {
  return cfg.slowCallDurationMs !== null && durationUs > cfg.slowCallDurationMs * 1000;
}

/**
 * The result of a call admitted in epoch `epoch` arrives (`ok` false for any failure;
 * `durationUs` from sending it downstream to its response).
 */
export function onResult(
  cfg: BreakerConfig,
  s0: BreakerState,
  epoch: number,
  ok: boolean,
  durationUs: number,
  nowUs: number,
): ResultOutcome {
  const s = reconcile(cfg, s0, nowUs).next;
  if (epoch !== s.epoch || (s.phase !== 'closed' && s.phase !== 'half-open')) {
    return { next: s, transition: null };
  }
  const slow = isSlow(cfg, durationUs);
  if (s.phase === 'half-open') {
    const probed: BreakerState = {
      ...s,
      probeResults: s.probeResults + 1,
      probeSuccesses: s.probeSuccesses + (ok && !slow ? 1 : 0),
      probeFailed: s.probeFailed + (ok ? 0 : 1),
      probeSlow: s.probeSlow + (slow ? 1 : 0),
    };
    return decideHalfOpen(cfg, probed, nowUs);
  }
  // CLOSED
  const consecutiveFailures = ok ? 0 : s.consecutiveFailures + 1;
  const outcome = (ok ? 0 : OUTCOME_FAILED) | (slow ? OUTCOME_SLOW : 0);
  const { window, buckets, rates } = recordOutcome(cfg, s.window, s.buckets, outcome, nowUs);
  const trip =
    consecutiveFailures >= cfg.failureThreshold ||
    (rates !== null &&
      (rates.failureRate >= cfg.failureRateThreshold ||
        (cfg.slowCallDurationMs !== null && rates.slowRate >= cfg.slowCallRateThreshold)));
  if (trip) return { next: enter('open', s.epoch, nowUs), transition: 'opened' };
  return { next: { ...s, consecutiveFailures, window, buckets }, transition: null };
}
