/**
 * The retry budget as a token bucket over plain data (Finagle's RetryBudget, Envoy's retry
 * budgets): every incoming request deposits `budgetRatio` tokens, time adds
 * `budgetMinPerSec` tokens per second, the bucket holds at most `budgetBurst`, and a retry
 * takes one whole token. So over any stretch of T seconds with R requests,
 * retries ≤ budgetBurst + budgetRatio · R + budgetMinPerSec · T — the amplification of a
 * full outage tends to 1 + budgetRatio + budgetMinPerSec / rate. The bucket starts full.
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
