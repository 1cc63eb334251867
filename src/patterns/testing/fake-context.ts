import {
  CallPhase,
  DEFAULT_EDGE_CONFIG,
  type Call,
  type EdgeConfig,
  type RequestInfo,
  type SimContext,
} from '../../engine/index.ts';

// Test support for the kit's unit tests (not a kind): a SimContext that records what a kind
// asks of it instead of simulating, so one mechanism can be tested call by call.

export const request = (over: Partial<RequestInfo> = {}): RequestInfo => ({
  id: 1,
  client: 0,
  createdUs: 0,
  deadlineUs: Infinity,
  key: -1,
  userId: -1,
  attrs: null,
  resolved: false,
  openRootCalls: 0,
  ...over,
});

let nextId = 100;

/** A live call waiting at node 1, as the engine hands it to `onCall`. */
export function waitingCall(over: Partial<Call> = {}): Call {
  return {
    id: nextId++,
    gen: 0,
    request: request(),
    from: 0,
    to: 1,
    edge: 0,
    parent: null,
    parentGen: 0,
    sentUs: 0,
    arrivedUs: 0,
    phase: CallPhase.AtNode,
    ok: false,
    cause: '',
    abandoned: false,
    parked: false,
    senderTimers: 0,
    step: 0,
    pending: 0,
    failCause: '',
    traceId: -1,
    slot: -1,
    callerSlot: -1,
    ...over,
  };
}

export interface Answer {
  call: Call;
  ok: boolean;
  cause: string;
}

export interface Timer {
  node: number;
  delayUs: number;
  tag: number;
  call: Call | null;
  token: number;
}

/**
 * A recording context: node 1 has outgoing edges `edges` (edge i points to node 10 + i);
 * `send` returns a child call that is `Outbound`; `respond` records the answer and marks the
 * call `Returning`. `live` holds every call it made, for `callById`.
 */
export function fakeContext(
  opts: { edges?: number; nowUs?: number; edgeConfig?: Partial<EdgeConfig>[] } = {},
) {
  const sent: Call[] = [];
  const answers: Answer[] = [];
  const timers: Timer[] = [];
  const counts: Record<string, number> = {};
  const abandoned: Call[] = [];
  const live = new Map<number, Call>();
  const edges = Array.from({ length: opts.edges ?? 1 }, (_, i) => i);
  const ctx = {
    nowUs: opts.nowUs ?? 0,
    seed: 1,
    tracing: false,
    timerToken: 0,
    outEdges: () => edges,
    edgeConfig: (e: number) => ({ ...DEFAULT_EDGE_CONFIG, ...opts.edgeConfig?.[e] }),
    edgeTarget: (e: number) => 10 + e,
    nodeId: (n: number) => `n${n}`,
    causeClass: () => undefined,
    /** Every stream draws 0.5. */
    rng: () => ({
      next: () => 0.5,
      chance: (p: number) => 0.5 < p,
      nextInt: (n: number) => Math.floor(n / 2),
    }),
    send(from: number, edge: number, req: RequestInfo, parent: Call | null) {
      const child = waitingCall({
        from,
        to: 10 + edge,
        edge,
        request: req,
        parent,
        parentGen: parent?.gen ?? 0,
        phase: CallPhase.Outbound,
        sentUs: ctx.nowUs,
      });
      sent.push(child);
      live.set(child.id, child);
      return child;
    },
    respond(call: Call, ok: boolean, cause = '') {
      if (call.phase !== CallPhase.AtNode || call.parked) throw new Error('not waiting');
      call.phase = CallPhase.Returning;
      answers.push({ call, ok, cause });
    },
    abandon(call: Call) {
      call.abandoned = true;
      abandoned.push(call);
    },
    isLive: (call: Call, gen: number) => call.gen === gen && call.phase !== CallPhase.Free,
    callById: (id: number, gen: number) => {
      const c = live.get(id);
      return c && c.gen === gen && c.phase !== CallPhase.Free ? c : undefined;
    },
    setTimer(node: number, delayUs: number, tag: number, call: Call | null, token = 0) {
      timers.push({ node, delayUs, tag, call, token });
    },
    count(_node: number, metric: string, amount = 1) {
      counts[metric] = (counts[metric] ?? 0) + amount;
    },
    setGauges() {},
    trace() {},
  };
  const track = (call: Call) => {
    live.set(call.id, call);
    return call;
  };
  return {
    ctx: ctx as unknown as SimContext & { nowUs: number },
    sent,
    answers,
    timers,
    counts,
    abandoned,
    track,
  };
}
