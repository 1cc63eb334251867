import { CallPhase, type Call, type RequestInfo } from './model/call.ts';

/**
 * In-flight figures kept up to date as calls move, so the check at every telemetry frame
 * costs O(nodes) instead of a walk over every live call (a retry storm holds tens of
 * thousands). They count exactly what the walk in `checkConservation` counts — calls at
 * each node, and each client's live root calls that are neither abandoned nor resolved —
 * and a property test holds the two equal; the walk still runs at the end of every run.
 */
export class InFlightCounters {
  private readonly atNode: Int32Array;
  private readonly openRequests: Int32Array;

  constructor(nodeCount: number) {
    this.atNode = new Int32Array(nodeCount);
    this.openRequests = new Int32Array(nodeCount);
  }

  /** Calls at `node` now (arrived, not yet answered; parked ones included). */
  callsAt(node: number): number {
    return this.atNode[node] as number;
  }

  /** Open requests of client `node`: live root calls not abandoned and not resolved. */
  requestsOf(node: number): number {
    return this.openRequests[node] as number;
  }

  /** A call was just sent (it is live, not abandoned). */
  sent(call: Call): void {
    if (call.parent === null) this.openRoot(call.request, 1);
  }

  arrived(call: Call): void {
    this.atNode[call.to] = (this.atNode[call.to] as number) + 1;
  }

  /** The callee answered: the call leaves the node. */
  answered(call: Call): void {
    this.atNode[call.to] = (this.atNode[call.to] as number) - 1;
  }

  /** Call before the caller marks the call abandoned. */
  abandoning(call: Call): void {
    if (!call.abandoned && call.phase !== CallPhase.Free && call.parent === null)
      this.openRoot(call.request, -1);
  }

  /** Call before the call goes back to the pool (answered or lost: never at a node). */
  releasing(call: Call): void {
    if (!call.abandoned && call.parent === null) this.openRoot(call.request, -1);
  }

  /** Call once the request is marked resolved: its live root calls stop counting. */
  resolved(request: RequestInfo): void {
    const client = request.client;
    if (client >= 0)
      this.openRequests[client] = (this.openRequests[client] as number) - request.openRootCalls;
    request.openRootCalls = 0;
  }

  private openRoot(request: RequestInfo, delta: number): void {
    if (request.resolved || request.client < 0) return;
    request.openRootCalls += delta;
    this.openRequests[request.client] = (this.openRequests[request.client] as number) + delta;
  }
}
