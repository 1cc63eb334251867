import {
  BUILTIN_REGISTRY,
  DEFAULT_EDGE_CONFIG,
  type AnyKindDefinition,
  type SimNode,
  type SimScenario,
} from '../../engine/index.ts';
import { circuitBreakerKind } from './circuit-breaker.ts';

/** Error-rate fault on the service: 80% of its answers fail from 30 s for 30 s. */
export const BREAKER_FAULT_START_MS = 30_000;
export const BREAKER_FAULT_DURATION_MS = 30_000;

function kindDef(kind: string): AnyKindDefinition {
  const def = kind === circuitBreakerKind.kind ? circuitBreakerKind : BUILTIN_REGISTRY.get(kind);
  if (!def) throw new Error(`unknown kind ${kind}`);
  return def;
}

function node(
  id: string,
  kind: string,
  label: string,
  x: number,
  config: Record<string, unknown>,
): SimNode {
  return {
    id,
    kind,
    label,
    position: { x, y: 300 },
    config: kindDef(kind).configSchema.parse(config) as Record<string, unknown>,
  };
}

/**
 * R1: client (Poisson 100 req/s, 2 s timeout) → circuit breaker (defaults) → service (8
 * workers, exponential 20 ms), and the service fails 80% of its calls from 30 s to 60 s.
 * `without` removes the breaker and lets the client call the service directly; node ids and
 * the seed are unchanged, so every random stream matches.
 */
export function breakerScenario(variant: 'with' | 'without'): SimScenario {
  const withBreaker = variant === 'with';
  const nodes: SimNode[] = [
    node('client', 'client', 'Client', 100, {
      arrival: { type: 'poisson', ratePerSec: 100 },
      timeoutMs: 2000,
    }),
    ...(withBreaker ? [node('breaker', 'circuit-breaker', 'Circuit breaker', 360, {})] : []),
    node('service', 'service', 'Service', 620, {
      workers: 8,
      serviceTime: { type: 'exponential', meanMs: 20 },
    }),
  ];
  const edge = (source: string, target: string) => ({
    id: `${source}-${target}`,
    source,
    target,
    config: { ...DEFAULT_EDGE_CONFIG },
  });
  return {
    format: 'faultline-scenario',
    version: 2,
    meta: {
      title: withBreaker ? 'Circuit breaker' : 'Circuit breaker (without)',
      description:
        'A client calls a service through a circuit breaker. At 30 s the service starts failing 80% of its calls for 30 s: watch the breaker open within a few calls, the service load drop to almost nothing while it is open (the client gets fast "circuit-open" failures instead), then the half-open probes close it again once the fault is over. Remove the breaker to compare the load on the service.',
      patterns: ['R1'],
    },
    seed: 7,
    durationMs: 120_000,
    nodes,
    edges: withBreaker
      ? [edge('client', 'breaker'), edge('breaker', 'service')]
      : [edge('client', 'service')],
    faults: [
      {
        id: 'service-errors',
        type: 'error-rate',
        target: 'service',
        startMs: BREAKER_FAULT_START_MS,
        durationMs: BREAKER_FAULT_DURATION_MS,
        rate: 0.8,
      },
    ],
    groups: [],
  };
}
