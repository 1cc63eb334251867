import type { EventQueue } from './kernel/event-queue.ts';
import type { MetricWindows } from './metrics/metric-windows.ts';
import { CallPhase, type CallPool } from './model/call.ts';
import { Cause, type EdgeFaultState, type SimContext } from './model/context.ts';
import type { KindRegistry } from './model/kind.ts';
import type { FaultBookHost } from './fault-book.ts';
import { EV_FAULT, PRIORITY_FAULT } from './simulation-constants.ts';
import type { SimGraph } from './simulation-graph.ts';
import type { StuckCalls } from './stuck-calls.ts';

/** What the fault book's host needs of the simulation core (the core is one, structurally). */
export interface FaultHostCore extends SimContext {
  readonly nowUs: number;
  readonly tracing: boolean;
  readonly registry: KindRegistry;
  readonly queue: EventQueue;
  readonly pool: CallPool;
  readonly graph: SimGraph;
  readonly metrics: MetricWindows;
  readonly stuck: StuckCalls;
}

/**
 * The fault book's view of a running simulation: fault events go on the core's queue, fault
 * state changes reach the graph, the metrics and the kinds. Kept apart so the core stays a
 * clock, a queue and a call transport.
 */
export class CoreFaultHost implements FaultBookHost {
  constructor(private readonly core: FaultHostCore) {}

  get nowUs(): number {
    return this.core.nowUs;
  }

  get tracing(): boolean {
    return this.core.tracing;
  }

  get registry(): KindRegistry {
    return this.core.registry;
  }

  scheduleFault(atUs: number, index: number, starting: boolean): void {
    this.core.queue.push(atUs, PRIORITY_FAULT, EV_FAULT, index, starting ? 1 : 0);
  }

  nodeIndexOf(id: string): number | undefined {
    return this.core.graph.nodeIndex.get(id);
  }

  edgeIndexOf(id: string): number | undefined {
    return this.core.graph.edgeIndex.get(id);
  }

  edgeSource(edge: number): number {
    return this.core.graph.edge(edge).source;
  }

  nodeFaultsChanged(node: number, crashedNow: boolean): void {
    const { graph, metrics } = this.core;
    metrics.node(node).dirty = true;
    if (crashedNow) this.failParkedCalls(node);
    graph.def(node).onFaultChange?.(this.core, graph.node(node));
    // Kinds that send to this node and asked to know (a broker stops delivering to a crashed
    // consumer and resumes when it is back). Faults change rarely: a scan of the edges is fine.
    for (const e of graph.edges) {
      if (e.target !== node) continue;
      graph.def(e.source).onDownstreamFaultChange?.(this.core, graph.node(e.source), e.index);
    }
  }

  edgeFaultsChanged(edge: number, state: EdgeFaultState): void {
    this.core.graph.edge(edge).faults = state;
    this.core.metrics.edge(edge).dirty = true;
  }

  traceFault(node: number, type: string, detail: string): void {
    this.core.trace(node, type, undefined, undefined, detail);
  }

  /** A crash ends the hung process too: its parked calls fail like every other open call. */
  private failParkedCalls(node: number): void {
    for (const call of this.core.pool.calls) {
      if (call.phase === CallPhase.AtNode && call.to === node && call.parked) {
        call.parked = false;
        this.core.stuck.update(call);
        this.core.respond(call, false, Cause.Refused);
      }
    }
  }
}
