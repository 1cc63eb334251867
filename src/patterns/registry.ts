import { BUILTIN_KINDS, createRegistry, type AnyKindDefinition } from '../engine/index.ts';
import { autoscaledServiceKind } from './autoscaled-service/autoscaled-service.ts';
import { hedgeKind } from './hedge/hedge.ts';
import { adaptiveThrottleKind } from './adaptive-throttle/adaptive-throttle.ts';
import { loadShedderKind } from './load-shedder/load-shedder.ts';
import { circuitBreakerKind } from './circuit-breaker/circuit-breaker.ts';
import { loadBalancerKind } from './load-balancer/load-balancer.ts';
import { bulkheadKind } from './bulkhead/bulkhead.ts';
import { fallbackKind } from './fallback/fallback.ts';
import { rateLimiterKind } from './rate-limiter/rate-limiter.ts';
import { retryKind } from './retry/retry.ts';
import { timeoutKind } from './timeout/timeout.ts';
import { apiGatewayKind } from './api-gateway/api-gateway.ts';
import { bffKind } from './bff/bff.ts';
import { antiCorruptionLayerKind } from './anti-corruption-layer/anti-corruption-layer.ts';
import { legacySystemKind } from './legacy-system/legacy-system.ts';
import { domainServiceKind } from './domain-service/domain-service.ts';
import { stranglerFigKind } from './strangler-fig/strangler-fig.ts';
import { sidecarKind } from './sidecar/sidecar.ts';
import { queueKind } from './queue/queue.ts';
import { topicKind } from './topic/topic.ts';

/**
 * Every component kind Faultline knows: the engine's own (client, service, database) and
 * the pattern kinds of this folder. A new pattern is a folder here plus one line below.
 */
export const ALL_KINDS: readonly AnyKindDefinition[] = [
  ...BUILTIN_KINDS,
  circuitBreakerKind,
  loadBalancerKind,
  autoscaledServiceKind,
  adaptiveThrottleKind,
  loadShedderKind,
  hedgeKind,
  retryKind,
  timeoutKind,
  bulkheadKind,
  rateLimiterKind,
  fallbackKind,
  apiGatewayKind,
  bffKind,
  antiCorruptionLayerKind,
  legacySystemKind,
  domainServiceKind,
  stranglerFigKind,
  sidecarKind,
  queueKind,
  topicKind,
];

export const REGISTRY = createRegistry(ALL_KINDS);
