/**
 * Backoff and jitter as pure functions (the AWS Architecture Blog formulas, "Exponential
 * Backoff And Jitter"), with `retry` = 0 for the first retry and `u` a uniform draw in [0, 1):
 *
 * - ceiling t: none → 0; fixed → min(cap, base); exponential → min(cap, base · multiplierⁿ)
 * - jitter none → t; full → rand(0, t); equal → t/2 + rand(0, t/2);
 *   decorrelated → min(cap, rand(base, previous · 3)), `previous` starting at base — it
 *   replaces the curve (the multiplier is unused), as in the AWS formula.
 *
 * With backoff "none" the retry is immediate whatever the jitter, and nothing is drawn.
 */
export interface BackoffConfig {
  backoff: 'none' | 'fixed' | 'exponential';
  baseMs: number;
  multiplier: number;
  capMs: number;
  jitter: 'none' | 'full' | 'equal' | 'decorrelated';
}

/** The un-jittered wait before retry number `retry` (0 = the first retry), ms. */
export function backoffCeilingMs(cfg: BackoffConfig, retry: number): number {
  switch (cfg.backoff) {
    case 'none':
      return 0;
    case 'fixed':
      return Math.min(cfg.capMs, cfg.baseMs);
    case 'exponential':
      return Math.min(cfg.capMs, cfg.baseMs * cfg.multiplier ** retry);
  }
}

/** Whether a delay needs a random draw; when not, none is taken (streams stay aligned). */
export function drawsJitter(cfg: BackoffConfig): boolean {
  return cfg.backoff !== 'none' && cfg.jitter !== 'none';
}

/**
 * The wait before retry number `retry`, ms. `previousMs` is the previous wait (decorrelated
 * jitter only; pass `baseMs` for the first retry); `u` is uniform in [0, 1).
 */
export function retryDelayMs(
  cfg: BackoffConfig,
  retry: number,
  previousMs: number,
  u: number,
): number {
  if (cfg.backoff === 'none') return 0;
  const t = backoffCeilingMs(cfg, retry);
  switch (cfg.jitter) {
    case 'none':
      return t;
    case 'full':
      return u * t;
    case 'equal':
      // min(): halving tiny subnormal waits rounds up, and a wait must never exceed t.
      return Math.min(t, t / 2 + u * (t / 2));
    case 'decorrelated': {
      const high = Math.max(cfg.baseMs, previousMs * 3);
      return Math.min(cfg.capMs, cfg.baseMs + u * (high - cfg.baseMs));
    }
  }
}
