import { z } from 'zod';
import { share } from '../../engine/index.ts';
import { causeListSchema, DEFAULT_RETRY_ON } from '../kit/index.ts';

/**
 * The R2 defaults of docs/patterns.md: 3 attempts, exponential backoff from 100 ms ×2 up to
 * 5 s, full jitter.
 */
export const retryConfigSchema = z.strictObject({
  /** Attempts in all, the first call included. */
  maxAttempts: z.number().int().min(1).max(20).default(3),
  backoff: z.enum(['none', 'fixed', 'exponential']).default('exponential'),
  baseMs: z.number().min(0).max(600_000).default(100),
  multiplier: z.number().min(1).max(10).default(2),
  capMs: z.number().min(0).max(3_600_000).default(5000),
  jitter: z.enum(['none', 'full', 'equal', 'decorrelated']).default('full'),
  /** Failure classes (or single causes) retried; any other failure is passed back at once. */
  retryOn: causeListSchema(DEFAULT_RETRY_ON),
  /** Each attempt is abandoned after this long and counts as a timeout; null = wait. */
  perAttemptTimeoutMs: z
    .number()
    .positive()
    .max(3_600_000)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No per-attempt timeout', suggested: 500 }),
  /**
   * Retry budget (the kit's token bucket): retries ≤ budgetBurst + budgetRatio × requests
   * + budgetMinPerSec × seconds; null = no budget.
   */
  budgetRatio: share()
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No retry budget', suggested: 0.1 }),
  budgetMinPerSec: z.number().min(0).max(100_000).default(10),
  /** Most retries the budget can bank while nothing fails (the bucket's size). */
  budgetBurst: z.number().int().min(1).max(100_000).default(10),
});
export type RetryConfig = z.infer<typeof retryConfigSchema>;
