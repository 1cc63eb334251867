import { z } from 'zod';

/**
 * Failure causes answered with the fallback by default: the engine's own (error, timeout,
 * refused, queue-full, no-route) and the resilience patterns' fast failures. Written out
 * rather than imported so this folder depends on no other pattern.
 */
export const DEFAULT_FALLBACK_ON = [
  'error',
  'timeout',
  'refused',
  'circuit-open',
  'bulkhead-full',
  'rate-limited',
  'queue-full',
  'no-route',
] as const;

export const fallbackConfigSchema = z.strictObject({
  /** Failure causes that get the degraded answer; any other failure is passed on as it is. */
  fallbackOn: z
    .array(z.string().min(1).max(64))
    .max(64)
    .default(() => [...DEFAULT_FALLBACK_ON]),
  /** Time to produce the degraded answer: 0 for a static default, a little for a cache read. */
  fallbackLatencyMs: z.number().min(0).max(60_000).default(0),
});
export type FallbackConfig = z.infer<typeof fallbackConfigSchema>;
