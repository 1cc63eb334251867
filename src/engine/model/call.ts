/**
 * Requests and calls. A request is what a client sends; a call is one hop of it along an
 * edge. Calls are plain objects kept in a pool and reused; `gen` increases on every reuse,
 * so an event or a child holding (id, gen) can tell a live call from a recycled one — that
 * is the engine's lazy cancellation.
 */

export interface RequestInfo {
  id: number;
  /** Node index of the client that created it. */
  client: number;
  createdUs: number;
  /** Absolute deadline, or Infinity. */
  deadlineUs: number;
  attempt: number;
  /** Key index for caches / partitions / idempotency; -1 when the client draws none. */
  key: number;
  /** User id for sticky routing; -1 when none. */
  userId: number;
  /** Small attribute bag (route, region, value …); null when empty. */
  attrs: Record<string, string | number> | null;
  /** Set once the client counted its outcome; a second resolution is a conservation bug. */
  resolved: boolean;
  /** Engine bookkeeping: live root calls carrying it, not abandoned (while unresolved). */
  openRootCalls: number;
}

export const CallPhase = {
  /** Travelling along the edge towards the callee. */
  Outbound: 0,
  /** Arrived; the callee owns it until it responds. */
  AtNode: 1,
  /** Answered; the response travels back. */
  Returning: 2,
  /** Lost to a partition on the way out or back; only the caller's timeout ends it. */
  Lost: 3,
  /** In the pool, free. */
  Free: 4,
} as const;
export type CallPhase = (typeof CallPhase)[keyof typeof CallPhase];

export interface Call {
  id: number;
  gen: number;
  request: RequestInfo;
  from: number;
  to: number;
  edge: number;
  /** The caller's own call this one serves (null for a client's root call). */
  parent: Call | null;
  parentGen: number;
  sentUs: number;
  arrivedUs: number;
  phase: CallPhase;
  ok: boolean;
  cause: string;
  /** The caller stopped waiting (timeout); a later response is discarded and counted. */
  abandoned: boolean;
  /** Parked by a hang fault: accepted and never answered. */
  parked: boolean;
  // Scratch owned by the kind handling the call at `to` (plain numbers, no allocation).
  step: number;
  pending: number;
  failCause: string;
  /** Id in hop traces of sampled requests; -1 when this call is not traced. */
  traceId: number;
  /** Scratch owned by the callee: e.g. the call's index in a worker pool's active list. */
  slot: number;
  /** Scratch owned by the caller (`from`), e.g. a timeout timer or attempt index. */
  callerSlot: number;
}

const NO_REQUEST: RequestInfo = {
  id: -1,
  client: -1,
  createdUs: 0,
  deadlineUs: Infinity,
  attempt: 0,
  key: -1,
  userId: -1,
  attrs: null,
  resolved: true,
  openRootCalls: 0,
};

export class CallPool {
  readonly calls: Call[] = [];
  private readonly free: number[] = [];
  live = 0;

  allocate(): Call {
    const id = this.free.pop();
    this.live++;
    if (id !== undefined) {
      const call = this.calls[id] as Call;
      call.gen++;
      return call;
    }
    const call: Call = {
      id: this.calls.length,
      gen: 0,
      request: NO_REQUEST,
      from: -1,
      to: -1,
      edge: -1,
      parent: null,
      parentGen: 0,
      sentUs: 0,
      arrivedUs: 0,
      phase: CallPhase.Free,
      ok: false,
      cause: '',
      abandoned: false,
      parked: false,
      step: 0,
      pending: 0,
      failCause: '',
      slot: -1,
      callerSlot: -1,
      traceId: -1,
    };
    this.calls.push(call);
    return call;
  }

  release(call: Call): void {
    if (call.phase === CallPhase.Free) throw new Error(`call ${call.id} released twice`);
    call.phase = CallPhase.Free;
    call.parent = null;
    call.request = NO_REQUEST;
    call.gen++;
    this.live--;
    this.free.push(call.id);
  }

  /** The call with this id if it still has generation `gen`. */
  get(id: number, gen: number): Call | undefined {
    const call = this.calls[id];
    return call && call.gen === gen && call.phase !== CallPhase.Free ? call : undefined;
  }
}
