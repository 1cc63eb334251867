import type { AnyFaultTypeDefinition } from '../fault-type.ts';
import { capacityFault } from './capacity.ts';
import { crashFault } from './crash.ts';
import { edgeLatencyFault } from './edge-latency.ts';
import { errorRateFault } from './error-rate.ts';
import { hangFault } from './hang.ts';
import { latencyFault } from './latency.ts';
import { partitionFault } from './partition.ts';
import { poisonFault } from './poison.ts';
import { trafficSpikeFault } from './traffic-spike.ts';

/**
 * The engine's own fault types, in menu order. A kind-specific fault type lives in its kind's
 * folder and joins the registry through the kind's `kindFaults`.
 */
export const CORE_FAULT_TYPES: readonly AnyFaultTypeDefinition[] = [
  crashFault,
  hangFault,
  errorRateFault,
  latencyFault,
  capacityFault,
  partitionFault,
  edgeLatencyFault,
  trafficSpikeFault,
  poisonFault,
];
