import type { Call, KindDefinition, NodeRuntime, SimContext } from '../../engine/index.ts';
import {
  admit,
  answered,
  forwarded,
  initialShedder,
  shedderConfigSchema,
  type ShedderConfig,
  type ShedderState,
} from './shedder-machine.ts';
import {
  counter,
  downstreamOrNoRoute,
  ONE_DOWNSTREAM,
  perArrival,
  relayAnswer,
  SHED,
} from '../kit/index.ts';

export interface LoadShedderState {
  shedder: ShedderState;
  /** Whether the last arrival was shed (the node shows "shedding"). */
  shedding: boolean;
}

type N = NodeRuntime<ShedderConfig, LoadShedderState>;

function setShedding(ctx: SimContext, node: N, shedding: boolean, estimateMs: number | null): void {
  if (node.state.shedding === shedding) return;
  node.state.shedding = shedding;
  if (ctx.tracing) {
    const type = shedding ? 'shedder.shedding' : 'shedder.admitting';
    const estimate =
      estimateMs === null ? 'no delay estimate' : `~${estimateMs.toFixed(0)} ms wait`;
    const detail = `${node.state.shedder.outstanding} outstanding, ${estimate}`;
    ctx.trace(node.index, type, undefined, undefined, detail);
  }
}

export const loadShedderKind: KindDefinition<ShedderConfig, LoadShedderState> = {
  kind: 'load-shedder',
  label: 'Load shedder',
  category: 'resilience',
  description:
    'Server-side load shedding in front of one service. It tracks the calls it forwarded that are still unanswered (queued or running) and refuses new ones at once with "shed" when there are maxOutstanding of them — queued plus running, not the queue alone (the shedder cannot tell them apart; for a queue of Q in front of W workers set W + Q) — or when the estimated queueing delay — outstanding ÷ the service\'s throughput over the last second (Little\'s law) — exceeds maxQueueDelayMs. The service keeps a short queue and answers what it admits in time, instead of serving a growing backlog of requests whose clients have given up.',
  configSchema: shedderConfigSchema,
  causes: [SHED],
  outputs: ONE_DOWNSTREAM,
  metrics: [
    { name: 'forwarded', label: 'Admitted', unit: 'count' },
    { name: 'shed', label: 'Shed', unit: 'count' },
    { name: 'shedOutstanding', label: 'Shed: too many outstanding', unit: 'count' },
    { name: 'shedDelay', label: 'Shed: queueing delay too long', unit: 'count' },
  ],
  init: () => ({ shedder: initialShedder(), shedding: false }),
  onCall(ctx, node, call) {
    const edge = downstreamOrNoRoute(ctx, node.index, call);
    if (edge < 0) return;
    const st = node.state;
    const a = admit(node.config, st.shedder, ctx.nowUs);
    st.shedder = a.next;
    setShedding(ctx, node, a.shed, a.estimatedDelayMs);
    if (a.shed) {
      ctx.count(node.index, 'shed');
      ctx.count(node.index, a.reason === 'outstanding' ? 'shedOutstanding' : 'shedDelay');
      ctx.respond(call, false, SHED.cause);
      return;
    }
    st.shedder = forwarded(st.shedder, ctx.nowUs);
    ctx.count(node.index, 'forwarded');
    ctx.send(node.index, edge, call.request, call);
  },
  onResponse(ctx, node, child: Call) {
    node.state.shedder = answered(node.state.shedder, ctx.nowUs);
    relayAnswer(ctx, child);
  },
  stateLabel(node) {
    if (node.state.shedding) return { text: 'SHEDDING', tone: 'bad' };
    return { text: `${node.state.shedder.outstanding} outstanding`, tone: 'ok' };
  },
  report(f) {
    return {
      shedShare: perArrival(f, 'shed'),
      shedForOutstanding: counter(f, 'shedOutstanding'),
      shedForDelay: counter(f, 'shedDelay'),
      admittedShare: perArrival(f, 'forwarded'),
    };
  },
};
