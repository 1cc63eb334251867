import type { ConservationReport } from './conservation.ts';
import type { LatencySummaryMs } from './metrics/histogram.ts';
import type { MetricWindows } from './metrics/metric-windows.ts';
import type { SimGraph } from './simulation-graph.ts';
import type { StuckCalls, StuckFacts, StuckFigures } from './stuck-calls.ts';

export interface ClientSummary {
  sent: number;
  succeeded: number;
  failed: Record<string, number>;
  inFlight: number;
  latencyMs: LatencySummaryMs;
  /** Responses that came back after the client had given up (its `timeoutMs`). */
  lateResponses?: number;
  /** Only when some requests wait for ever: lost or held by a hung node, no timeout set. */
  stuck?: StuckFigures;
}

export interface NodeSummary {
  arrivals: number;
  completed: number;
  failed: Record<string, number>;
  latencyMs: LatencySummaryMs;
  utilization: number;
  maxQueueDepth: number;
  /** Kind-declared counters (e.g. reads and writes), present when the kind has any. */
  metrics?: Record<string, number>;
  /** Responses that came back after this node had stopped waiting (timed out). */
  lateResponses?: number;
  /**
   * Only when, at the end, some of its workers wait for ever (on a call lost to a partition or
   * held by a hung node, no timeout set), with its gauges then: busy, capacity, queue, in flight.
   */
  stuck?: StuckFacts;
}

/** The run's figures in the CLI's `--json` shape (a public contract). */
export interface SimSummary {
  seed: number;
  durationMs: number;
  events: number;
  clients: Record<string, ClientSummary>;
  nodes: Record<string, NodeSummary>;
  conservation: ConservationReport;
}

const round = (x: number, digits = 3) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

function latency(s: LatencySummaryMs): LatencySummaryMs {
  return {
    mean: round(s.mean),
    p50: round(s.p50),
    p95: round(s.p95),
    p99: round(s.p99),
    p999: round(s.p999),
    max: round(s.max),
  };
}

/** What a summary reads from a running simulation. */
export interface SummarySource {
  readonly graph: SimGraph;
  readonly metrics: MetricWindows;
  readonly nowUs: number;
  readonly seed: number;
  readonly events: number;
  readonly scenario: { readonly durationMs: number };
  readonly stuck: StuckCalls;
  conservation(): ConservationReport;
}

export function summarize(core: SummarySource): SimSummary {
  const conservation = core.conservation();
  const clients: Record<string, ClientSummary> = {};
  const nodes: Record<string, NodeSummary> = {};
  const { graph, metrics } = core;
  graph.ids.forEach((id, i) => {
    const s = metrics.node(i);
    const stuck = core.stuck.figures(i);
    if (graph.isSource[i]) {
      clients[id] = {
        sent: s.arrivals,
        succeeded: s.ok,
        failed: { ...s.failed },
        inFlight: s.inFlight,
        latencyMs: latency(s.latency.summaryMs()),
      };
      if (s.lateResponses > 0) clients[id].lateResponses = s.lateResponses;
      if (stuck) clients[id].stuck = stuck;
      return;
    }
    const entry: NodeSummary = {
      arrivals: s.arrivals,
      completed: s.ok,
      failed: { ...s.failed },
      latencyMs: latency(s.latency.summaryMs()),
      utilization: round(s.utilization(core.nowUs), 4),
      maxQueueDepth: s.maxQueueDepth,
    };
    if (Object.keys(s.custom).length > 0) entry.metrics = { ...s.custom };
    if (s.lateResponses > 0) entry.lateResponses = s.lateResponses;
    if (stuck) {
      const { busy, capacity, queueDepth, inFlight } = s;
      entry.stuck = { ...stuck, busy, capacity, queueDepth, inFlight };
    }
    nodes[id] = entry;
  });
  return {
    seed: core.seed,
    durationMs: core.scenario.durationMs,
    events: core.events,
    clients,
    nodes,
    conservation,
  };
}
