/**
 * The retry budget: a token bucket over plain data. It starts full at `budgetBurst` tokens;
 * every incoming request deposits `budgetRatio` tokens, time adds `budgetMinPerSec` tokens per
 * second, the bucket never holds more than `budgetBurst`, and a retry goes only if it can take
 * one whole token. So over any stretch of T seconds with R requests,
 * retries ≤ budgetBurst + budgetRatio · R + budgetMinPerSec · T — the amplification of a
 * full outage tends to 1 + budgetRatio + budgetMinPerSec / rate.
 *
 * Lineage: earning retries per request and paying per retry is Finagle's RetryBudget, but
 * there deposits expire after a TTL (10 s by default) and the minimum is a fixed reserve of
 * minRetriesPerSec × TTL; here nothing expires, the minimum refills with time, and
 * `budgetBurst` caps what can be banked. Envoy's retry budget is a different mechanism: it
 * caps concurrent retries (retries in flight ≤ budget_percent, 20 %, of active and pending
 * requests, never below min_retry_concurrency, 3) and banks nothing over time.
 * Functions return new states and never mutate their input.
 */
export interface BudgetConfig {
  /** Retries earned per incoming request; null = no budget. */
  budgetRatio: number | null;
  budgetMinPerSec: number;
  /** Most retries the bucket can bank (its size). */
  budgetBurst: number;
}

export interface BudgetState {
  tokens: number;
  /** When `tokens` was last brought up to date (µs). */
  updatedUs: number;
}

export interface WithdrawResult {
  allowed: boolean;
  next: BudgetState;
}

/** Sums of ratios such as 10 × 0.1 land a hair under 1 in floating point. */
const EPSILON = 1e-9;

export function fullBudget(cfg: BudgetConfig, nowUs: number): BudgetState {
  return { tokens: cfg.budgetBurst, updatedUs: nowUs };
}

/** Adds the time-based allowance since the last update, up to the bucket's size. */
export function refillBudget(cfg: BudgetConfig, s: BudgetState, nowUs: number): BudgetState {
  const elapsedUs = Math.max(0, nowUs - s.updatedUs);
  const tokens = Math.min(cfg.budgetBurst, s.tokens + (cfg.budgetMinPerSec * elapsedUs) / 1e6);
  return { tokens, updatedUs: Math.max(nowUs, s.updatedUs) };
}

/** A request came in: it earns `budgetRatio` retries. */
export function depositRequest(cfg: BudgetConfig, s: BudgetState, nowUs: number): BudgetState {
  const r = refillBudget(cfg, s, nowUs);
  return { ...r, tokens: Math.min(cfg.budgetBurst, r.tokens + (cfg.budgetRatio ?? 0)) };
}

/** A retry wants to go: allowed when a whole token is in the bucket, which it takes. */
export function withdrawRetry(cfg: BudgetConfig, s: BudgetState, nowUs: number): WithdrawResult {
  const r = refillBudget(cfg, s, nowUs);
  if (r.tokens + EPSILON < 1) return { allowed: false, next: r };
  return { allowed: true, next: { ...r, tokens: Math.max(0, r.tokens - 1) } };
}

/** A live edit: the bucket appears full when a budget is switched on and shrinks with it. */
export function reconfigureBudget(
  cfg: BudgetConfig,
  s: BudgetState | null,
  nowUs: number,
): BudgetState | null {
  if (cfg.budgetRatio === null) return null;
  if (s === null) return fullBudget(cfg, nowUs);
  return { ...s, tokens: Math.min(cfg.budgetBurst, s.tokens) };
}
