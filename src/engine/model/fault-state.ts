import type { NodeFaultState } from './context.ts';
import type { SimFault } from './scenario-types.ts';

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
    legacyFormatRate: 0,
  };
}

export interface EdgeFaultState {
  partitioned: boolean;
  addLatencyUs: number;
}

export function noEdgeFaults(): EdgeFaultState {
  return { partitioned: false, addLatencyUs: 0 };
}

/**
 * Folds every active fault on one node into its effective state. Overlapping faults combine
 * the way people expect: the worst error rate (and legacy-format share) wins, latencies add up, multipliers multiply,
 * capacity takes the smallest.
 */
export function foldNodeFaults(active: readonly SimFault[]): NodeFaultState {
  const s = noFaults();
  for (const f of active) {
    switch (f.type) {
      case 'crash':
        s.crashed = true;
        break;
      case 'hang':
        s.hung = true;
        break;
      case 'error-rate':
        s.errorRate = Math.max(s.errorRate, f.rate);
        break;
      case 'latency':
        s.addLatencyUs += Math.round(f.addMs * 1000);
        s.latencyMultiplier *= f.multiplier;
        break;
      case 'capacity':
        if (f.workers !== null) {
          s.capacityWorkers = Math.min(s.capacityWorkers ?? Infinity, f.workers);
        } else {
          s.capacityFactor = Math.min(s.capacityFactor, f.factor);
        }
        break;
      case 'traffic-spike':
        s.trafficMultiplier *= f.multiplier;
        break;
      case 'legacy-format':
        s.legacyFormatRate = Math.max(s.legacyFormatRate, f.rate);
        break;
      default:
        break;
    }
  }
  return s;
}

export function foldEdgeFaults(active: readonly SimFault[]): EdgeFaultState {
  const s = noEdgeFaults();
  for (const f of active) {
    if (f.type === 'partition') s.partitioned = true;
    else if (f.type === 'edge-latency') s.addLatencyUs += Math.round(f.addMs * 1000);
  }
  return s;
}

export function isEdgeFault(f: SimFault): boolean {
  return f.type === 'partition' || f.type === 'edge-latency';
}
