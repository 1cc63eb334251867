import {
  assertConserved,
  checkConservation,
  checkCounters,
  countersHold,
  type ConservationReport,
} from './conservation.ts';
import type { InFlightCounters } from './in-flight-counters.ts';
import { messagesHold, withMessages } from './message-conservation.ts';
import type { MetricWindows } from './metrics/metric-windows.ts';
import type { CallPool } from './model/call.ts';
import type { SimGraph } from './simulation-graph.ts';

/** What the conservation checks read of the simulation core. */
export interface ConservedCore {
  readonly nowUs: number;
  readonly graph: SimGraph;
  readonly metrics: MetricWindows;
  readonly pool: CallPool;
  readonly inFlight: InFlightCounters;
}

/** The full check: walks every live call and every broker's messages (end of a run, tests). */
export function fullConservation(core: ConservedCore): ConservationReport {
  const { ids, isSource } = core.graph;
  const nowMs = core.nowUs / 1000;
  const report = checkConservation(ids, isSource, core.metrics.nodes, core.pool, nowMs);
  return withMessages(core.graph, report, true);
}

/** The check at a frame: in flight from the counters kept as calls move, O(nodes). */
export function countedConservation(core: ConservedCore): ConservationReport {
  const { ids, isSource } = core.graph;
  const nowMs = core.nowUs / 1000;
  const report = checkCounters(ids, isSource, core.metrics.nodes, core.inFlight, nowMs);
  return withMessages(core.graph, report, false);
}

/** The frame check: allocates nothing while every identity holds; throws the report if not. */
export function assertCountersConserved(core: ConservedCore): void {
  const { isSource } = core.graph;
  if (!countersHold(isSource, core.metrics.nodes, core.inFlight) || !messagesHold(core.graph))
    assertConserved(countedConservation(core));
}
