import { z } from 'zod';
import { healthCheckConfigSchema } from '../kit/health-machine.ts';
import { discoveryConfigSchema } from '../kit/discovery.ts';
import { outlierConfigSchema } from './outlier.ts';
import { STRATEGIES } from './strategy.ts';

/**
 * The load balancer's config: a strategy plus three optional sections, each off (null) by
 * default — active health checks (R8), outlier detection (E3) and client-side service
 * discovery (R10). An enabled section with `{}` takes the practitioners' defaults.
 */
export const loadBalancerConfigSchema = z.strictObject({
  strategy: z.enum(STRATEGIES).default('round-robin'),
  healthCheck: healthCheckConfigSchema.nullable().default(null),
  outlierDetection: outlierConfigSchema.nullable().default(null),
  discovery: discoveryConfigSchema.nullable().default(null),
});
export type LoadBalancerConfig = z.infer<typeof loadBalancerConfigSchema>;
