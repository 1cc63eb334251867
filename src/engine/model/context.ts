import type { RandomStream } from '../kernel/rng.ts';
import type { Call, RequestInfo } from './call.ts';
import type { EdgeConfig } from './scenario-types.ts';
import type { CauseClass } from './causes.ts';

// The engine's own failure causes live with the cause classes; re-exported for kinds.
export { Cause } from './causes.ts';

/** Faults currently in force on one node, aggregated over every active fault. */
/** The fold of the faults active on an edge (kept by the fault book). */
export interface EdgeFaultState {
  partitioned: boolean;
  addLatencyUs: number;
  /** What edge fault types outside the engine fold in, keyed by fault type. */
  custom: Record<string, number>;
}

export interface NodeFaultState {
  crashed: boolean;
  hung: boolean;
  /** Extra error probability (the largest active error-rate fault); 0 when none. */
  errorRate: number;
  addLatencyUs: number;
  latencyMultiplier: number;
  /** Multiplier on worker capacity (1 = none); `capacityWorkers` overrides when not null. */
  capacityFactor: number;
  capacityWorkers: number | null;
  /** Traffic-spike multiplier for sources (1 = none). */
  trafficMultiplier: number;
  /**
   * What kind-specific fault types fold in, keyed by fault type; each type's folder reads its
   * own entry (absent = not active).
   */
  custom: Record<string, number>;
}

export interface TraceEvent {
  timeUs: number;
  type: string;
  node: string;
  requestId?: number;
  cause?: string;
  detail?: string;
  /** Hop events of sampled requests: the call, its caller's call, and the other end. */
  callId?: number;
  parentCallId?: number;
  peer?: string;
}

/**
 * What a kind may do to the world. Implemented by the simulation; kinds never touch the
 * event queue, the call pool or the metrics directly.
 */
export interface SimContext {
  readonly nowUs: number;
  readonly seed: number;
  /** The node's named random stream, e.g. rng(node, "service-time"). Cached per pair. */
  rng(node: number, purpose: string): RandomStream;
  nodeId(node: number): string;
  /** Edge indexes leaving the node, in document order. */
  outEdges(node: number): readonly number[];
  edgeConfig(edge: number): EdgeConfig;
  /** The node an edge points to (its callee), e.g. for a router reading a target's faults. */
  edgeTarget(edge: number): number;
  faults(node: number): NodeFaultState;
  /** The class of a failure cause (declared by the engine or a kind); undefined if unknown. */
  causeClass(cause: string): CauseClass | undefined;

  /** A new request originating at a source node. Counted as sent. */
  createRequest(client: number, deadlineUs: number, key: number, userId: number): RequestInfo;
  /**
   * The request a broker's delivery call carries: no client owns it (nothing resolves it), its
   * attributes name the message. A new id, or the message's own `id` for a redelivery.
   */
  createMessageRequest(
    broker: number,
    key: number,
    attrs: Record<string, string | number>,
    id?: number,
  ): RequestInfo;
  /** Resolves a request at its client: counted once as succeeded or failed, with latency. */
  resolveRequest(request: RequestInfo, ok: boolean, cause: string): void;

  /** Sends a call along `edge` from node `from`, on behalf of `parent` (null at a client). */
  send(from: number, edge: number, request: RequestInfo, parent: Call | null): Call;
  /** Answers a call that arrived at this node. Exactly once per call, or the run fails loudly. */
  respond(call: Call, ok: boolean, cause?: string): void;
  /**
   * The caller stops waiting for `call`; a later response is discarded and counted late.
   * May recycle the call at once (when it was lost): read what you need from it first.
   */
  abandon(call: Call): void;
  /** True while `call` is the same live call a holder saw (id and generation match). */
  isLive(call: Call, gen: number): boolean;
  /** The live call with this id and generation, if it still exists. */
  callById(id: number, gen: number): Call | undefined;

  /** Schedules `onTimer(tag, call)` after `delayUs`; `token` travels with call-less timers. */
  setTimer(node: number, delayUs: number, tag: number, call: Call | null, token?: number): void;
  /** The token of the call-less timer being delivered (for lazy cancellation by tokens). */
  readonly timerToken: number;

  /** Gauges for utilisation and queue-depth metrics. */
  setGauges(node: number, busy: number, capacity: number, queueDepth: number): void;
  /** Adds to a kind-declared counter metric. */
  count(node: number, metric: string, amount?: number): void;
  readonly tracing: boolean;
  trace(node: number, type: string, request?: RequestInfo, cause?: string, detail?: string): void;
}
