// The built-in catalogue: one entry per scenario, each proving one or more catalogue rows.
// A new built-in is a file in this folder, a proof test next to it, and one line below.
// Catalogue order follows docs/patterns.md (R1 … R13, then E1 … E5).
import { circuitBreakerBuiltin } from './circuit-breaker.ts';
import { retryBuiltin } from './retry.ts';
import { retryBudgetBuiltin } from './retry-budget.ts';
import { timeoutBuiltin } from './timeout.ts';
import { bulkheadBuiltin } from './bulkhead.ts';
import { rateLimiterBuiltin } from './rate-limiter.ts';
import { tokenBucketBuiltin } from './token-bucket.ts';
import { fallbackBuiltin } from './fallback.ts';
import { healthCheckBuiltin } from './health-check.ts';
import { loadBalancingBuiltin } from './load-balancing.ts';
import { serviceDiscoveryBuiltin } from './service-discovery.ts';
import { autoscalingBuiltin } from './autoscaling.ts';
import { loadSheddingBuiltin } from './load-shedding.ts';
import { adaptiveThrottlingBuiltin } from './adaptive-throttling.ts';
import { hedgedRequestsBuiltin } from './hedged-requests.ts';
import { apiGatewayBuiltin } from './api-gateway.ts';
import { backendsForFrontendsBuiltin } from './backends-for-frontends.ts';
import { serviceMeshSidecarBuiltin } from './service-mesh-sidecar.ts';
import { outlierDetectionBuiltin } from './outlier-detection.ts';
import { antiCorruptionLayerBuiltin } from './anti-corruption-layer.ts';
import { stranglerFigBuiltin } from './strangler-fig.ts';
import { pubSubBuiltin } from './pub-sub.ts';
import { deadLetterQueueBuiltin } from './dead-letter-queue.ts';
import { competingConsumersBuiltin } from './competing-consumers.ts';
import { asyncRequestReplyBuiltin } from './async-request-reply.ts';
import type { BuiltinScenario } from './types.ts';

export { BUILTIN_VARIANTS, type BuiltinScenario, type BuiltinVariant } from './types.ts';

export const BUILTINS: readonly BuiltinScenario[] = [
  circuitBreakerBuiltin,
  retryBuiltin,
  retryBudgetBuiltin,
  timeoutBuiltin,
  bulkheadBuiltin,
  rateLimiterBuiltin,
  tokenBucketBuiltin,
  fallbackBuiltin,
  healthCheckBuiltin,
  loadBalancingBuiltin,
  serviceDiscoveryBuiltin,
  autoscalingBuiltin,
  loadSheddingBuiltin,
  adaptiveThrottlingBuiltin,
  hedgedRequestsBuiltin,
  apiGatewayBuiltin,
  backendsForFrontendsBuiltin,
  serviceMeshSidecarBuiltin,
  outlierDetectionBuiltin,
  antiCorruptionLayerBuiltin,
  stranglerFigBuiltin,
  pubSubBuiltin,
  deadLetterQueueBuiltin,
  competingConsumersBuiltin,
  asyncRequestReplyBuiltin,
];

export function findBuiltin(id: string): BuiltinScenario | undefined {
  return BUILTINS.find((b) => b.id === id);
}
