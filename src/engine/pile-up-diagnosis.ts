import { CallPhase } from './model/call.ts';
import { quantity } from './model/load-words.ts';
import { BudgetError, type BudgetLimit } from './run-stopped.ts';
import { EV_CALL_ARRIVE, EV_RESPONSE_ARRIVE, EV_TIMER_BASE } from './simulation-constants.ts';
import {
  adviceSentence,
  atNodeBySource,
  busiest,
  loadWords,
  nodeName,
  nodeWithSettings,
  sourceClause,
  timeWords,
  type StopHost,
} from './stop-words.ts';

/**
 * Where calls pile up when a cap on calls is passed, and the source behind them: "200 000
 * calls are queued at Orders (4 workers, no queue limit) — the client Users sends 50 000
 * req/s. Lower the rate or add a queue limit." Walks every live call once (the cap bounds
 * them). Null when nearly all of them were made at this very instant: that is a loop with no
 * delay, which the loop diagnosis explains better.
 */
export function explainCallPileUp(
  host: StopHost,
  limit: Exclude<BudgetLimit, 'pending-events' | 'events-per-second'>,
  queuedNode: number,
): BudgetError | null {
  const n = host.graph.nodeCount;
  const at = new Int32Array(n);
  const toward = new Int32Array(n);
  let live = 0;
  let madeNow = 0;
  for (const call of host.pool.calls) {
    if (call.phase === CallPhase.Free) continue;
    live++;
    if (call.sentUs === host.nowUs) madeNow++;
    if (call.phase === CallPhase.AtNode) at[call.to] = (at[call.to] as number) + 1;
    else if (call.phase === CallPhase.Outbound) toward[call.to] = (toward[call.to] as number) + 1;
  }
  if (live > 0 && madeNow * 10 >= live * 9) return null;

  const node =
    limit === 'queued' ? queuedNode : busiest(at.map((x, i) => x + (toward[i] as number)));
  if (node < 0) return null;
  const queued = host.metrics.node(node).queueDepth;
  const held = at[node] as number;
  let count: number;
  let where: string;
  let nodeAdvice = '';
  if (limit === 'queued' || (queued > 0 && queued * 2 >= held)) {
    count = queued;
    where = `queued at ${nodeWithSettings(host, node)}`;
    nodeAdvice = loadWords(host, node)?.advice ?? '';
  } else if (held >= (toward[node] as number)) {
    count = held;
    where = `held at ${nodeWithSettings(host, node)}`;
  } else {
    count = toward[node] as number;
    where = `on their way to ${nodeName(host, node)}`;
  }
  const source = sourceOf(host, node);
  const head =
    limit === 'queued' || count * 10 >= live * 9
      ? `${quantity(count)} calls are ${where}`
      : `${quantity(live)} calls are in flight, ${quantity(count)} of them ${where}`;
  const by = source >= 0 ? ` — ${sourceClause(host, source)}` : '';
  const advice = [source >= 0 ? (loadWords(host, source)?.advice ?? '') : '', nodeAdvice];
  return new BudgetError(
    `Stopped at ${timeWords(host.nowUs)}: ${head}${by}.${adviceSentence(advice)}`,
    host.nowUs / 1000,
    [...new Set([node, source])].filter((i) => i >= 0).map((i) => host.graph.nodeId(i)),
    limit,
  );
}

/** The source whose requests most of the calls at or towards `node` carry; -1 if none. */
function sourceOf(host: StopHost, node: number): number {
  const bySource = new Int32Array(host.graph.nodeCount);
  for (const call of host.pool.calls) {
    if (call.phase === CallPhase.Free || call.to !== node) continue;
    const client = call.request.client;
    if (client >= 0) bySource[client] = (bySource[client] as number) + 1;
  }
  return busiest(bySource);
}

/** Too many events scheduled: which node they are for, and the source behind them. */
export function explainPendingEvents(host: StopHost): BudgetError {
  const perNode = new Int32Array(host.graph.nodeCount);
  let total = 0;
  host.queue.forEachPending((type, target, a) => {
    total++;
    let node = -1;
    if (type >= EV_TIMER_BASE) node = target;
    else if (type === EV_CALL_ARRIVE || type === EV_RESPONSE_ARRIVE) {
      const call = host.pool.get(target, a);
      if (call) node = type === EV_CALL_ARRIVE ? call.to : call.from;
    }
    if (node >= 0) perNode[node] = (perNode[node] as number) + 1;
  });
  const node = busiest(perNode);
  const source = busiest(perNode.map((x, i) => (host.graph.isSource[i] ? x : 0)));
  const count = perNode[node] as number;
  const where =
    node >= 0 ? `, ${quantity(count)} of them ${atNodeBySource(host, node, source)}` : '';
  const advice = source >= 0 ? (loadWords(host, source)?.advice ?? '') : '';
  return new BudgetError(
    `Stopped at ${timeWords(host.nowUs)}: ${quantity(total)} events are scheduled${where}.${adviceSentence([advice || 'lower the rate'])}`,
    host.nowUs / 1000,
    [node, source]
      .filter((i, k, all) => i >= 0 && all.indexOf(i) === k)
      .map((i) => host.graph.nodeId(i)),
    'pending-events',
  );
}
