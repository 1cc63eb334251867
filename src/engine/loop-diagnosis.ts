import type { EventSample } from './event-sample.ts';
import { quantity } from './model/load-words.ts';
import { BudgetError, LivelockError } from './run-stopped.ts';
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
 * What loops when virtual time stops advancing, from the events watched at that instant —
 * in this order, since an earlier shape explains the later ones:
 * - calls going round a cycle of nodes (each hop a new call, at the same instant);
 * - a source sending request after request at the same instant (a closed loop of users
 *   with no think time whose requests end at once, or a constant rate whose gap rounds to
 *   0 µs), in its kind's words (`describeLoad`);
 * - a node setting timer after timer with no delay (an interval that rounds to 0 µs);
 * - else the nodes busiest at that instant.
 */
export function explainLoop(host: StopHost, sample: EventSample): LivelockError {
  const at = `Stopped at ${timeWords(host.nowUs)}: virtual time cannot advance —`;
  const timeMs = host.nowUs / 1000;
  const ids = (nodes: readonly number[]) => nodes.map((i) => host.graph.nodeId(i));

  const cycle = callCycle(host, sample);
  if (cycle) {
    const round = [...cycle, cycle[0] as number].map((i) => nodeName(host, i)).join(' → ');
    return new LivelockError(
      `${at} calls go round ${round} with no delay, each hop a new call at the same instant. Give one of these calls some network latency, or remove the cycle.`,
      timeMs,
      ids(cycle),
      'call-cycle',
    );
  }

  const source = busiest(
    host.graph.nodes.map((n) => (host.graph.isSource[n.index] ? sample.sent(n.index) : 0)),
  );
  if (source >= 0) {
    const sent = sample.sent(source);
    let how = 'so it sends request after request at the same instant';
    if (sample.answered(source) * 2 >= sent) {
      const callee = busiest(sample.perNode.map((n, i) => (i === source ? 0 : n)));
      const name = callee >= 0 ? nodeName(host, callee) : '';
      const cause = sample.topFailure(source);
      const fate = cause
        ? `fails at once${name ? ` at ${name}` : ''} (${cause})`
        : `is answered at once${name ? ` by ${name}` : ''}`;
      how = `so each request ${fate} and the next one is sent at the same instant`;
    }
    const advice = loadWords(host, source)?.advice || 'give the loop some delay';
    return new LivelockError(
      `${at} ${sourceClause(host, source)}, ${how}.${adviceSentence([advice])}`,
      timeMs,
      ids([source]),
      'source',
    );
  }

  // No source and no cycle: only a timer that sets itself again with no delay loops on.
  const timer = busiest(sample.timers);
  if (timer >= 0) {
    const advice = loadWords(host, timer)?.advice ?? '';
    return new LivelockError(
      `${at} ${nodeWithSettings(host, timer)} sets timer after timer with no delay; one of its intervals rounds to 0 µs.${adviceSentence([advice || 'make its intervals at least 1 µs'])}`,
      timeMs,
      ids([timer]),
      'timer',
    );
  }

  const nodes = topNodes(sample.perNode, 3);
  const names = nodes.map((i) => nodeName(host, i)).join(', ');
  return new LivelockError(
    `${at} ${names || 'the scenario'} keep handing work on with no delay. Give their calls some network latency.`,
    timeMs,
    ids(nodes),
    'unknown',
  );
}

/** Too many events in one virtual second: where they happen, and the source behind them. */
export function explainBusy(host: StopHost, sample: EventSample, cap: number): BudgetError {
  const node = busiest(sample.perNode);
  const source = busiest(
    host.graph.nodes.map((n) => (host.graph.isSource[n.index] ? sample.sent(n.index) : 0)),
  );
  const where = node >= 0 ? `, most of them ${atNodeBySource(host, node, source)}` : '';
  const advice = [source >= 0 ? (loadWords(host, source)?.advice ?? '') : '', 'lower the rate'];
  return new BudgetError(
    `Stopped at ${timeWords(host.nowUs)}: more than ${quantity(cap)} events in one second of virtual time${where}.${adviceSentence(advice)}`,
    host.nowUs / 1000,
    [...new Set([node, source])].filter((i) => i >= 0).map((i) => host.graph.nodeId(i)),
    'events-per-second',
  );
}

/** A cycle among the edges the sampled calls crossed, as node indexes in call order; or null. */
function callCycle(host: StopHost, sample: EventSample): number[] | null {
  const next = host.graph.nodes.map((): number[] => []);
  host.graph.edges.forEach((e) => {
    if ((sample.perEdge[e.index] as number) > 0) next[e.source]?.push(e.target);
  });
  const state = new Int8Array(next.length); // 0 unseen, 1 on the path, 2 done
  const path: number[] = [];
  const visit = (n: number): number[] | null => {
    state[n] = 1;
    path.push(n);
    for (const m of next[n] ?? []) {
      if (state[m] === 1) return path.slice(path.indexOf(m));
      if (state[m] === 0) {
        const found = visit(m);
        if (found) return found;
      }
    }
    path.pop();
    state[n] = 2;
    return null;
  };
  // From the busiest node first, so the cycle named is the one the calls go round most.
  const order = topNodes(sample.perNode, next.length);
  for (const n of order)
    if (state[n] === 0) {
      const found = visit(n);
      if (found) return found;
    }
  return null;
}

/** Up to `k` node indexes with a non-zero count, busiest first. */
function topNodes(counts: Int32Array, k: number): number[] {
  return [...counts.keys()]
    .filter((i) => (counts[i] as number) > 0)
    .sort((x, y) => (counts[y] as number) - (counts[x] as number) || x - y)
    .slice(0, k);
}
