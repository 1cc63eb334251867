import { z } from 'zod';

/** The admission algorithms a rate limiter can run (docs/patterns.md, R5 and R6). */
export const RATE_LIMIT_ALGORITHMS = [
  'token-bucket',
  'fixed-window',
  'sliding-window-log',
  'sliding-window-counter',
  'leaky-bucket',
] as const;
export type RateLimitAlgorithm = (typeof RATE_LIMIT_ALGORITHMS)[number];

/**
 * One flat config for every algorithm, so switching `algorithm` in the inspector keeps the
 * other settings. Which fields an algorithm reads:
 * - token-bucket: `capacity` (bucket size = largest burst) and `refillPerSec`;
 * - fixed-window, sliding-window-log, sliding-window-counter: `limit` per `windowMs`;
 * - leaky-bucket: `capacity` (how many requests may wait) and `drainPerSec`.
 */
export const rateLimiterConfigSchema = z.strictObject({
  algorithm: z.enum(RATE_LIMIT_ALGORITHMS).default('token-bucket'),
  capacity: z.number().int().min(1).max(1_000_000).default(100),
  refillPerSec: z.number().positive().max(1_000_000).default(10),
  limit: z.number().int().min(1).max(100_000).default(100),
  windowMs: z.number().min(1).max(86_400_000).default(60_000),
  drainPerSec: z.number().positive().max(1_000_000).default(10),
});
export type RateLimiterConfig = z.infer<typeof rateLimiterConfigSchema>;

export const US_PER_SEC = 1_000_000;
export const US_PER_MS = 1000;
