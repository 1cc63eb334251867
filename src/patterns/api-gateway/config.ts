import { z } from 'zod';
import { probability } from '../../engine/index.ts';
import { breakerConfigSchema, pathPrefixSchema } from '../kit/index.ts';

/**
 * One gateway route. `targets` are node ids the gateway has an edge to: one target is a plain
 * route, several make an aggregation route (called in parallel). A token bucket of
 * `rateLimitPerSec` (capacity `burst`, default one second's worth) and a breaker are optional.
 */
export const gatewayRouteSchema = z.strictObject({
  prefix: pathPrefixSchema,
  targets: z.array(z.string().min(1).max(100)).min(1).max(16),
  rateLimitPerSec: z
    .number()
    .positive()
    .max(1_000_000)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No rate limit', suggested: 100 }),
  // Without a burst the bucket holds one second's worth of requests.
  burst: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'Same as rate', suggested: 10 }),
  breaker: z.boolean().default(false),
});
export type GatewayRoute = z.infer<typeof gatewayRouteSchema>;

export const apiGatewayConfigSchema = z.strictObject({
  /** Share of requests whose credentials fail: answered 401 without calling any backend. */
  authFailureRate: probability.default(0.02),
  routes: z.array(gatewayRouteSchema).max(64).default([]),
  /**
   * Settings of every route breaker (routes with `breaker: true`), as the circuit-breaker kind
   * (trip policy, recorded failure causes, windows, HALF_OPEN decision) minus what only that
   * kind implements: the automatic OPEN → HALF_OPEN timer and the live manual states.
   */
  breakerSettings: breakerConfigSchema
    .omit({ automaticTransitionToHalfOpen: true, forcedState: true })
    .prefault({}),
});
export type ApiGatewayConfig = z.infer<typeof apiGatewayConfigSchema>;
