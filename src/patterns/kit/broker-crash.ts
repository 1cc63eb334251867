import { z } from 'zod';
import { defineFaultType, type CauseDefinition, type NodeFaultState } from '../../engine/index.ts';

const TYPE = 'broker-crash';

/** A broker (queue, topic) that is down refused the publish. */
export const BROKER_UNAVAILABLE: CauseDefinition = {
  cause: 'broker-unavailable',
  class: 'dependency-failure',
  label: 'the broker was down',
};

/**
 * A message broker is down: publishes are refused with `broker-unavailable` and nothing is
 * delivered until it is back; a broker that is not durable loses what it held. Only brokers
 * list it in `kindFaults`, so only they may be its target.
 */
export const brokerCrashFault = defineFaultType({
  type: TYPE,
  label: 'broker crash',
  targets: 'kind',
  params: z.strictObject({}),
  summary: () => 'Broker down',
  badge: 'broker down',
  toggle: { label: 'Broker down', title: 'Take the broker down: publishes refused, no deliveries' },
  foldNode(s) {
    s.custom[TYPE] = 1;
  },
});

/** True while a broker-crash fault is active on the node. */
export function brokerDown(faults: NodeFaultState): boolean {
  return (faults.custom[TYPE] ?? 0) > 0;
}
