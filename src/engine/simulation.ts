import { EventQueue } from './kernel/event-queue.ts';
import { createStream, type RandomStream } from './kernel/rng.ts';
import { msToUs } from './kernel/time.ts';
import { MetricWindows } from './metrics/metric-windows.ts';
import { CallPhase, CallPool, type Call, type RequestInfo } from './model/call.ts';
import { Cause, type NodeFaultState, type SimContext } from './model/context.ts';
import type { CauseClass } from './model/causes.ts';
import type { KindRegistry } from './model/kind.ts';
import {
  assertCountersConserved,
  countedConservation,
  fullConservation,
} from './core-conservation.ts';
import type { EdgeConfig, SimScenario } from './model/scenario-types.ts';
import { ConservationError, assertConserved, type ConservationReport } from './conservation.ts';
import { CoreFaultHost } from './core-fault-host.ts';
import { FaultBook } from './fault-book.ts';
import { InFlightCounters } from './in-flight-counters.ts';
import { BUILTIN_REGISTRY } from './model/builtin-kinds.ts';
import { SimGraph, type EdgeRuntime } from './simulation-graph.ts';
import type { SimulationOptions } from './simulation-options.ts';
import { Requests } from './simulation-requests.ts';
import { RUN_BUDGET } from './run-budget.ts';
import { RunGuard } from './run-guard.ts';
import { StuckCalls } from './stuck-calls.ts';
import {
  EV_CALL_ARRIVE,
  EV_FAULT,
  EV_RESPONSE_ARRIVE,
  EV_TIMER_BASE,
  PRIORITY_NORMAL,
} from './simulation-constants.ts';
import { emitHop, emitTrace, hashEvent } from './simulation-trace.ts';
import type { StopHost } from './stop-words.ts';
export type { FaultStatus } from './fault-book.ts';
export type { SimulationOptions } from './simulation-options.ts';

/**
 * The simulation core: the clock, the event queue, the call pool, and the `SimContext` kinds
 * act through. Its helpers own their state (`SimGraph`, `MetricWindows`, in-flight counters,
 * requests, the fault book via `CoreFaultHost`); `createSimulation` is the public API.
 */
export class SimulationCore implements SimContext, StopHost {
  nowUs = 0;
  readonly seed: number;
  readonly durationUs: number;
  events = 0;
  eventHash = 0x811c9dc5;
  timerToken = 0;
  /** Trace events are emitted only while true (a host may pause tracing to run flat out). */
  tracing: boolean;
  readonly hopsEvery: number;
  private nextTraceId = 0;

  readonly queue = new EventQueue(4096);
  readonly pool = new CallPool();
  readonly graph: SimGraph;
  readonly metrics: MetricWindows;
  readonly inFlight: InFlightCounters;
  /** Per node: waits on lost or parked calls that no timeout will end. */
  readonly stuck: StuckCalls;
  private readonly requests: Requests;
  /** Every fault of the run and the state it puts each node and edge in. */
  readonly faultBook: FaultBook;
  /** Per node: the fold of its active faults (the book's array, read on the hot path). */
  readonly nodeFaults: readonly NodeFaultState[];
  private readonly streams: Map<string, RandomStream>[];
  /** Stops the run with a sentence when it passes its budget (run-budget.ts). */
  private readonly guard: RunGuard;
  readonly labels: readonly string[];
  finished = false;

  constructor(
    readonly scenario: SimScenario,
    readonly registry: KindRegistry,
    private readonly options: SimulationOptions,
  ) {
    this.seed = scenario.seed >>> 0;
    this.durationUs = msToUs(scenario.durationMs);
    this.tracing = options.trace !== undefined;
    this.hopsEvery = Math.max(0, Math.floor(options.traceHopsEvery ?? 0));
    const graph = (this.graph = new SimGraph(scenario, registry, this.seed));
    this.metrics = new MetricWindows(graph.nodeCount, graph.edgeCount, {
      windowUs: msToUs(options.windowMs ?? 1000),
      recentWindows: options.recentWindows ?? 300,
      maxSeriesPoints: options.maxSeriesPoints ?? 512,
    });
    this.inFlight = new InFlightCounters(graph.nodeCount);
    this.stuck = new StuckCalls(graph.nodeCount, (node) => {
      this.metrics.node(node).dirty = true;
    });
    this.requests = new Requests(this, this.metrics, this.inFlight);
    this.faultBook = new FaultBook(new CoreFaultHost(this), graph.nodeCount, graph.edgeCount);
    this.nodeFaults = this.faultBook.nodeStates;
    this.streams = graph.nodes.map(() => new Map<string, RandomStream>());
    this.guard = new RunGuard({ ...RUN_BUDGET, ...options.budget });
    this.labels = scenario.nodes.map((n) => n.label ?? '');
    for (const node of graph.nodes) node.state = graph.def(node.index).init(this, node);
    for (const f of scenario.faults) this.faultBook.add(f);
    for (const node of graph.nodes) graph.def(node.index).start?.(this, node);
  }

  // ---- SimContext -------------------------------------------------------------------

  rng(node: number, purpose: string): RandomStream {
    const map = this.streams[node] as Map<string, RandomStream>;
    let s = map.get(purpose);
    if (!s) {
      s = createStream(this.seed, this.graph.nodeId(node), purpose);
      map.set(purpose, s);
    }
    return s;
  }

  nodeId(node: number): string {
    return this.graph.nodeId(node);
  }

  outEdges(node: number): readonly number[] {
    return this.graph.outEdges(node);
  }

  edgeConfig(edge: number): EdgeConfig {
    return this.graph.edge(edge).config;
  }

  edgeTarget(edge: number): number {
    return this.graph.edge(edge).target;
  }

  faults(node: number): NodeFaultState {
    return this.nodeFaults[node] as NodeFaultState;
  }

  causeClass(cause: string): CauseClass | undefined {
    return this.registry.causeClass(cause);
  }

  createRequest(client: number, deadlineUs: number, key: number, userId: number): RequestInfo {
    return this.requests.create(client, deadlineUs, key, userId);
  }

  createMessageRequest(
    _broker: number,
    key: number,
    attrs: Record<string, string | number>,
    id?: number,
  ): RequestInfo {
    return this.requests.createUnowned(key, attrs, id);
  }

  resolveRequest(request: RequestInfo, ok: boolean, cause: string): void {
    this.requests.resolve(request, ok, cause);
  }

  send(from: number, edge: number, request: RequestInfo, parent: Call | null): Call {
    const e = this.graph.edge(edge);
    const call = this.pool.allocate();
    call.request = request;
    call.from = from;
    call.to = e.target;
    call.edge = edge;
    call.parent = parent;
    call.parentGen = parent ? parent.gen : 0;
    call.sentUs = this.nowUs;
    call.arrivedUs = 0;
    call.ok = false;
    call.cause = '';
    call.abandoned = false;
    call.parked = false;
    call.step = 0;
    call.pending = 0;
    call.failCause = '';
    call.slot = -1;
    call.callerSlot = -1;
    const stats = this.metrics.edge(edge);
    stats.sent(this.nowUs);
    call.traceId = -1;
    if (this.tracing && this.hopsEvery > 0 && request.id % this.hopsEvery === 0) {
      call.traceId = this.nextTraceId++;
      this.traceHop('call.sent', from, call, this.graph.nodeId(e.target));
    }
    if (e.faults.partitioned) {
      call.phase = CallPhase.Lost;
      this.inFlight.sent(call);
      this.stuck.update(call);
      stats.dropped++;
      if (this.tracing) this.trace(from, 'call.dropped', request, 'partition', e.id);
      return call;
    }
    call.phase = CallPhase.Outbound;
    this.inFlight.sent(call);
    this.queue.push(
      this.nowUs + this.edgeDelayUs(e),
      PRIORITY_NORMAL,
      EV_CALL_ARRIVE,
      call.id,
      call.gen,
    );
    return call;
  }

  respond(call: Call, ok: boolean, cause = ''): void {
    if (call.phase !== CallPhase.AtNode || call.parked) {
      throw new ConservationError(
        `call ${call.id} at ${this.graph.nodeId(call.to)} answered when it was not waiting for an answer`,
      );
    }
    const node = call.to;
    const f = this.nodeFaults[node] as NodeFaultState;
    if (f.hung && !f.crashed) {
      // A hung process accepts and never answers: the call stays in flight at the node.
      call.parked = true;
      this.stuck.update(call);
      return;
    }
    // Answered: the node no longer waits on the calls it sent for this one.
    this.stuck.waiterDone(call);
    const outcomeCause = ok ? '' : cause || Cause.Error;
    if (call.traceId >= 0)
      this.traceHop('call.answered', node, call, this.graph.nodeId(call.from), outcomeCause);
    this.metrics
      .node(node)
      .recordOutcome(ok, outcomeCause, this.nowUs - call.arrivedUs, this.nowUs);
    this.inFlight.answered(call);
    const e = this.graph.edge(call.edge);
    const stats = this.metrics.edge(call.edge);
    stats.answered(this.nowUs, ok);
    call.ok = ok;
    call.cause = outcomeCause;
    if (e.faults.partitioned) {
      call.phase = CallPhase.Lost;
      stats.dropped++;
      if (this.tracing) this.trace(node, 'call.dropped', call.request, 'partition', e.id);
      if (call.abandoned) this.release(call);
      else this.stuck.update(call);
      return;
    }
    call.phase = CallPhase.Returning;
    this.queue.push(
      this.nowUs + this.edgeDelayUs(e),
      PRIORITY_NORMAL,
      EV_RESPONSE_ARRIVE,
      call.id,
      call.gen,
    );
  }

  abandon(call: Call): void {
    this.inFlight.abandoning(call);
    call.abandoned = true;
    this.stuck.update(call);
    if (this.tracing)
      this.trace(call.from, 'call.timeout', call.request, Cause.Timeout, this.nodeId(call.to));
    if (call.phase === CallPhase.Lost) this.release(call);
  }

  isLive(call: Call, gen: number): boolean {
    return call.gen === gen && call.phase !== CallPhase.Free;
  }

  callById(id: number, gen: number): Call | undefined {
    return this.pool.get(id, gen);
  }

  setTimer(node: number, delayUs: number, tag: number, call: Call | null, token = 0): void {
    const at = this.nowUs + Math.max(0, Math.round(delayUs));
    if (call) {
      this.queue.push(at, PRIORITY_NORMAL, EV_TIMER_BASE + tag, node, call.id, call.gen);
      // The sender's timer on its own call is its timeout: a wait that will end.
      if (node === call.from) {
        call.senderTimers++;
        this.stuck.update(call);
      }
    } else this.queue.push(at, PRIORITY_NORMAL, EV_TIMER_BASE + tag, node, -1, token);
  }

  setGauges(node: number, busy: number, capacity: number, queueDepth: number): void {
    this.metrics.node(node).setGauges(this.nowUs, busy, capacity, queueDepth);
    if (queueDepth > this.guard.maxQueuedAtNode) this.guard.queuedOver = node;
  }

  count(node: number, metric: string, amount = 1): void {
    this.metrics.node(node).count(this.nowUs, metric, amount);
  }

  trace(node: number, type: string, request?: RequestInfo, cause?: string, detail?: string): void {
    const id = this.graph.ids[node] ?? '';
    emitTrace(this.options.trace, this.nowUs, id, type, request, cause, detail);
  }

  private traceHop(type: string, node: number, call: Call, peer?: string, cause?: string): void {
    emitHop(this.options.trace, this.nowUs, type, this.graph.ids[node] ?? '', call, peer, cause);
  }

  // ---- event loop -------------------------------------------------------------------

  /** Processes the next event if it falls within the run; false when there is none. */
  step(): boolean {
    return this.runUntil(this.durationUs, 1) === 1;
  }

  /**
   * Processes events with time ≤ `limitUs` (and within the run), at most `maxEvents` of them.
   * Returns how many ran. The one hot loop of the engine: one peek and one pop per event.
   */
  runUntil(limitUs: number, maxEvents = Infinity): number {
    const q = this.queue;
    const ev = q.top;
    const limit = Math.min(limitUs, this.durationUs);
    const hash = this.options.hashEvents === true;
    const guard = this.guard;
    let ran = 0;
    while (ran < maxEvents) {
      const t = q.peekTimeUs();
      // The run covers [0, duration): an event at exactly the end belongs to no window.
      if (t > limit || t >= this.durationUs) break;
      q.pop();
      guard.beforeEvent(t, ev, q.pushed);
      if (t >= this.metrics.closesAtUs) this.metrics.closeUpTo(t);
      this.nowUs = t;
      this.events++;
      ran++;
      if (hash) this.eventHash = hashEvent(this.eventHash, this.nowUs, ev.type, ev.target, ev.a);
      this.dispatch(ev.type, ev.target, ev.a, ev.b);
      if (guard.over(this.pool.live, q.size)) guard.check(this);
    }
    return ran;
  }

  private dispatch(type: number, target: number, a: number, b: number): void {
    if (type >= EV_TIMER_BASE) {
      let call: Call | null = null;
      if (a >= 0) {
        const live = this.pool.get(a, b);
        if (!live) return; // the call it was about has finished: lazily cancelled
        call = live;
        if (target === call.from && call.senderTimers > 0) {
          call.senderTimers--;
          this.stuck.update(call);
        }
      } else {
        this.timerToken = b;
      }
      this.graph.def(target).onTimer?.(this, this.graph.node(target), type - EV_TIMER_BASE, call);
    } else if (type === EV_CALL_ARRIVE) {
      const call = this.pool.get(target, a);
      if (call) this.arrive(call);
    } else if (type === EV_RESPONSE_ARRIVE) {
      const call = this.pool.get(target, a);
      if (call) this.responseArrived(call);
    } else if (type === EV_FAULT) {
      this.faultBook.apply(target, a === 1);
    }
  }

  private arrive(call: Call): void {
    const node = call.to;
    call.phase = CallPhase.AtNode;
    call.arrivedUs = this.nowUs;
    this.inFlight.arrived(call);
    this.metrics.node(node).recordArrival(this.nowUs);
    if (call.traceId >= 0) this.traceHop('call.arrived', node, call, this.nodeId(call.from));
    const f = this.nodeFaults[node] as NodeFaultState;
    const def = this.graph.def(node);
    if (f.crashed) this.respond(call, false, Cause.Refused);
    else if (f.hung) {
      call.parked = true;
      this.stuck.update(call);
    } else if (def.onCall) def.onCall(this, this.graph.node(node), call);
    else this.respond(call, false, Cause.NoRoute);
  }

  private responseArrived(call: Call): void {
    if (call.traceId >= 0) {
      this.traceHop(
        call.abandoned ? 'call.returned-late' : 'call.returned',
        call.from,
        call,
        this.nodeId(call.to),
        call.cause,
      );
    }
    if (call.abandoned) {
      this.metrics.node(call.from).lateResponses++;
      if (this.tracing)
        this.trace(call.from, 'call.late-response', call.request, undefined, this.nodeId(call.to));
    } else {
      this.graph.def(call.from).onResponse?.(this, this.graph.node(call.from), call);
    }
    this.release(call);
  }

  private release(call: Call): void {
    this.inFlight.releasing(call);
    this.pool.release(call);
  }

  private edgeDelayUs(e: EdgeRuntime): number {
    return (e.latency ? e.latency(e.rng) : 0) + e.faults.addLatencyUs;
  }

  // ---- checks -------------------------------------------------------------------------

  /** The full check: walks every live call and every broker's messages (end of a run, tests). */
  conservation(): ConservationReport {
    return fullConservation(this);
  }

  /** The check at a frame: in flight from the counters kept as calls move, O(nodes). */
  conservationByCounters(): ConservationReport {
    return countedConservation(this);
  }

  /** The frame check: throws the counters' report if an identity is broken. */
  assertCountersConserved(): void {
    assertCountersConserved(this);
  }

  /** Runs the full conservation check and throws if any identity is broken. */
  assertConservation(): ConservationReport {
    return assertConserved(this.conservation());
  }
}

export function defaultRegistry(options: SimulationOptions): KindRegistry {
  return options.registry ?? BUILTIN_REGISTRY;
}
