import { z } from 'zod';
import {
  discoveryConfigSchema,
  healthCheckConfigSchema,
  outlierConfigSchema,
  STRATEGIES,
} from '../kit/index.ts';

/**
 * The load balancer's config: a strategy plus three optional sections, each off (null) by
 * default — active health checks (R8), outlier detection (E3) and client-side service
 * discovery (R10). An enabled section with `{}` takes the practitioners' defaults.
 */
export const loadBalancerConfigSchema = z.strictObject({
  strategy: z.enum(STRATEGIES).default('round-robin'),
  healthCheck: healthCheckConfigSchema
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No active health checks' }),
  outlierDetection: outlierConfigSchema
    .nullable()
    .default(null)
    .meta({ noneLabel: 'No outlier detection' }),
  discovery: discoveryConfigSchema
    .nullable()
    .default(null)
    .meta({ noneLabel: 'Fixed instances (no registry)' }),
});
export type LoadBalancerConfig = z.infer<typeof loadBalancerConfigSchema>;
