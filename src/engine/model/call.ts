/**
 * Requests and calls. A request is what a client sends; a call is one hop of it along an
 * edge. Calls are kept in a pool and reused; `gen` increases on every reuse, so an event or
 * a child holding (id, gen) can tell a live call from a recycled one — that is the engine's
 * lazy cancellation.
 *
 * A call waiting in a queue is, in memory, its call record and its request and nothing else
 * (no arrays, closures, trace data or histograms of its own), and neither holds a boxed
 * number: every field is a small integer, a boolean, a string or a reference. A call's times
 * live in its pool's columns, a request's are split in two small integers (below). So a
 * queued call costs two small objects and a few column slots (`call-memory.test.ts`).
 */

export interface RequestInfo {
  id: number;
  /** Node index of the client that created it. */
  client: number;
  createdUs: number;
  /** Absolute deadline, or Infinity. */
  deadlineUs: number;
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
  /**
   * Engine bookkeeping: timers its sender (`from`) has pending on it — its timeout. A lost or
   * parked call with none is a wait that nothing will end (stuck-calls.ts).
   */
  senderTimers: number;
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

/**
 * A request's times, kept as two small integers. V8 stores a number that is not a small
 * integer (a "Smi": 31 bits in Chrome, 32 in Node) in a heap box of its own, 12–16 bytes plus
 * the field, and a time in µs passes 2^30 after 18 virtual minutes: a request holding its
 * times as plain numbers drags a box per time. Split at 2^30, both halves stay small
 * integers inline. (Calls, reused from a pool, keep theirs in the pool's columns instead.)
 * Exact for every time; engine times are whole µs, and a fractional one (never produced)
 * would still round-trip, its low half then a plain number. Infinity (no deadline) is a
 * reserved high half.
 */

const SPLIT = 2 ** 30;
/** The high half meaning Infinity: beyond any real time (2^59 µs is 18 000 years). */
const INFINITE_HI = SPLIT - 1;

/**
 * `n` as an int32 when it is one. An integral result of arithmetic on doubles is still a
 * double to V8 and would be boxed in the field; `| 0` makes it a small integer.
 */
function small(n: number): number {
  const int = n | 0;
  return int === n ? int : n;
}

function splitHi(us: number): number {
  return us === Infinity ? INFINITE_HI : small(Math.floor(us / SPLIT));
}

function splitLo(us: number, hi: number): number {
  return hi === INFINITE_HI ? 0 : small(us - hi * SPLIT);
}

function joinUs(hi: number, lo: number): number {
  return hi === INFINITE_HI ? Infinity : hi * SPLIT + lo;
}

/** The engine's request: the `RequestInfo` fields, with its two times kept compact. */
export class RequestRecord implements RequestInfo {
  private createdHi: number;
  private createdLo: number;
  private deadlineHi: number;
  private deadlineLo: number;
  attrs: Record<string, string | number> | null = null;
  resolved = false;
  openRootCalls = 0;

  constructor(
    public id: number,
    public client: number,
    createdUs: number,
    deadlineUs: number,
    public key: number,
    public userId: number,
  ) {
    this.createdHi = splitHi(createdUs);
    this.createdLo = splitLo(createdUs, this.createdHi);
    this.deadlineHi = splitHi(deadlineUs);
    this.deadlineLo = splitLo(deadlineUs, this.deadlineHi);
  }

  get createdUs(): number {
    return joinUs(this.createdHi, this.createdLo);
  }
  set createdUs(us: number) {
    this.createdHi = splitHi(us);
    this.createdLo = splitLo(us, this.createdHi);
  }
  get deadlineUs(): number {
    return joinUs(this.deadlineHi, this.deadlineLo);
  }
  set deadlineUs(us: number) {
    this.deadlineHi = splitHi(us);
    this.deadlineLo = splitLo(us, this.deadlineHi);
  }
}

/**
 * A copy of `request` carrying another deadline (for the hops below a timeout that tightens
 * it). Requests are shared by every hop, so the hops above keep seeing their own deadline.
 * A record's times are accessors, which an object spread would drop: copy through here.
 */
export function requestWithDeadlineUs(request: RequestInfo, deadlineUs: number): RequestInfo {
  const copy = new RequestRecord(
    request.id,
    request.client,
    request.createdUs,
    deadlineUs,
    request.key,
    request.userId,
  );
  copy.attrs = request.attrs;
  copy.resolved = request.resolved;
  copy.openRootCalls = request.openRootCalls;
  return copy;
}

const NO_REQUEST: RequestInfo = new RequestRecord(-1, -1, 0, Infinity, -1, -1);
NO_REQUEST.resolved = true;

/**
 * Per-call numbers kept beside the records, by call id: the two times (a double in an object
 * field would be boxed, as above) and the sender's timers (read only when a call is stuck).
 * Grown by doubling; records read them through this holder, so growth is seen by all.
 */
interface CallColumns {
  /** sentUs at 2·id, arrivedUs at 2·id + 1. */
  timesUs: Float64Array;
  senderTimers: Int32Array;
}

/** The pool's call: the `Call` fields, its times and sender's timers in the pool's columns. */
class CallRecord implements Call {
  gen = 0;
  request: RequestInfo = NO_REQUEST;
  from = -1;
  to = -1;
  edge = -1;
  parent: Call | null = null;
  parentGen = 0;
  phase: CallPhase = CallPhase.Free;
  ok = false;
  cause = '';
  abandoned = false;
  parked = false;
  step = 0;
  pending = 0;
  failCause = '';
  traceId = -1;
  slot = -1;
  callerSlot = -1;

  constructor(
    readonly id: number,
    private readonly columns: CallColumns,
  ) {}

  get sentUs(): number {
    return this.columns.timesUs[this.id * 2] as number;
  }
  set sentUs(us: number) {
    this.columns.timesUs[this.id * 2] = us;
  }
  get arrivedUs(): number {
    return this.columns.timesUs[this.id * 2 + 1] as number;
  }
  set arrivedUs(us: number) {
    this.columns.timesUs[this.id * 2 + 1] = us;
  }
  get senderTimers(): number {
    return this.columns.senderTimers[this.id] as number;
  }
  set senderTimers(n: number) {
    this.columns.senderTimers[this.id] = n;
  }
}

export class CallPool {
  readonly calls: Call[] = [];
  private readonly free: number[] = [];
  private readonly columns: CallColumns = {
    timesUs: new Float64Array(128),
    senderTimers: new Int32Array(64),
  };
  live = 0;

  allocate(): Call {
    const id = this.free.pop();
    this.live++;
    if (id !== undefined) {
      const call = this.calls[id] as Call;
      call.gen++;
      return call;
    }
    const call = new CallRecord(this.calls.length, this.columns);
    this.calls.push(call);
    this.growColumns();
    return call;
  }

  release(call: Call): void {
    if (call.phase === CallPhase.Free) throw new Error(`call ${call.id} released twice`);
    call.phase = CallPhase.Free;
    call.parent = null;
    call.request = NO_REQUEST;
    call.senderTimers = 0;
    call.gen++;
    this.live--;
    this.free.push(call.id);
  }

  /** Room in the columns for every call made so far. */
  private growColumns(): void {
    const c = this.columns;
    if (c.senderTimers.length >= this.calls.length) return;
    const timesUs = new Float64Array(c.timesUs.length * 2);
    timesUs.set(c.timesUs);
    const senderTimers = new Int32Array(c.senderTimers.length * 2);
    senderTimers.set(c.senderTimers);
    c.timesUs = timesUs;
    c.senderTimers = senderTimers;
  }

  /** The call with this id if it still has generation `gen`. */
  get(id: number, gen: number): Call | undefined {
    const call = this.calls[id];
    return call && call.gen === gen && call.phase !== CallPhase.Free ? call : undefined;
  }
}
