import type { EdgeFaultState, NodeFaultState } from './context.ts';
import type { AnyFaultTypeDefinition } from './fault-type.ts';
import type { SimFault } from './scenario-types.ts';

export type { EdgeFaultState } from './context.ts';

export function noFaults(): NodeFaultState {
  return {
    crashed: false,
    hung: false,
    errorRate: 0,
    addLatencyUs: 0,
    latencyMultiplier: 1,
    capacityFactor: 1,
    capacityWorkers: null,
    trafficMultiplier: 1,
    custom: {},
  };
}

export function noEdgeFaults(): EdgeFaultState {
  return { partitioned: false, addLatencyUs: 0, custom: {} };
}

/** Looks a fault type up by name (a registry's `faultType`). */
export type FaultTypeLookup = (type: string) => AnyFaultTypeDefinition | undefined;

/**
 * Folds every active fault on one node into its effective state, each through its own type's
 * `foldNode`. Overlapping faults combine the way each type says (the worst error rate wins,
 * latencies add up, multipliers multiply, capacity takes the smallest).
 */
export function foldNodeFaults(
  active: readonly SimFault[],
  lookup: FaultTypeLookup,
): NodeFaultState {
  const s = noFaults();
  for (const f of active) lookup(f.type)?.foldNode?.(s, f);
  return s;
}

export function foldEdgeFaults(
  active: readonly SimFault[],
  lookup: FaultTypeLookup,
): EdgeFaultState {
  const s = noEdgeFaults();
  for (const f of active) lookup(f.type)?.foldEdge?.(s, f);
  return s;
}

/** The badge words of the active faults, once each, in registry order ("crash", "errors", …). */
export function faultWords(
  active: readonly SimFault[],
  types: readonly AnyFaultTypeDefinition[],
): string[] {
  if (active.length === 0) return [];
  const words: string[] = [];
  for (const def of types) {
    if (!words.includes(def.badge) && active.some((f) => f.type === def.type))
      words.push(def.badge);
  }
  return words;
}
