import { BUILTIN_KINDS, createRegistry, type AnyKindDefinition } from '../engine/index.ts';
import { circuitBreakerKind } from './circuit-breaker/circuit-breaker.ts';

/**
 * Every component kind Faultline knows: the engine's own (client, service, database) and
 * the pattern kinds of this folder. A new pattern is a folder here plus one line below.
 */
export const ALL_KINDS: readonly AnyKindDefinition[] = [...BUILTIN_KINDS, circuitBreakerKind];

export const REGISTRY = createRegistry(ALL_KINDS);
