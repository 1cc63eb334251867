/**
 * The CLOSED breaker's sliding window over plain data (used by breaker-machine.ts): count-based (the
 * last `slidingWindowSize` outcomes) or time-based (one bucket per whole second of the last
 * `slidingWindowSize` seconds), as in Resilience4j.
 */

/** Window entries: bit 1 = failed, bit 2 = slow. */
export const OUTCOME_FAILED = 1;
export const OUTCOME_SLOW = 2;

/** The outcomes of one second (`second` = ⌊µs / 1e6⌋) of a time-based window. */
export interface TimeBucket {
  second: number;
  calls: number;
  failed: number;
  slow: number;
}

/** The config fields the window reads. */
export interface WindowSettings {
  slidingWindowType: 'count' | 'time';
  slidingWindowSize: number;
  minimumCalls: number;
}

export interface WindowRates {
  failureRate: number;
  slowRate: number;
}

/** Failure and slow-call rates over the window; null until it holds enough calls. */
export function windowRates(cfg: WindowSettings, window: readonly number[]): WindowRates | null {
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
  cfg: WindowSettings,
  buckets: readonly TimeBucket[],
  nowUs: number,
): TimeBucket[] {
  const oldest = Math.floor(nowUs / 1e6) - cfg.slidingWindowSize + 1;
  return buckets.filter((b) => b.second >= oldest);
}

/** Failure and slow-call rates over a time window; null until it holds `minimumCalls` calls. */
export function timeWindowRates(
  cfg: WindowSettings,
  buckets: readonly TimeBucket[],
): WindowRates | null {
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
  cfg: WindowSettings,
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
 * Records one outcome in the window the config selects (new arrays, inputs untouched) and
 * returns the rates over it (null while too few calls are in).
 */
export function recordOutcome(
  cfg: WindowSettings,
  window: number[],
  buckets: TimeBucket[],
  outcome: number,
  nowUs: number,
): { window: number[]; buckets: TimeBucket[]; rates: WindowRates | null } {
  if (cfg.slidingWindowType === 'time') {
    const next = recordInTime(cfg, buckets, outcome, nowUs);
    return { window, buckets: next, rates: timeWindowRates(cfg, next) };
  }
  const next = [...window, outcome];
  if (next.length > cfg.slidingWindowSize) next.splice(0, next.length - cfg.slidingWindowSize);
  return { window: next, buckets, rates: windowRates(cfg, next) };
}
