import type { FaultBook } from './fault-book.ts';
import type { EventQueue } from './kernel/event-queue.ts';
import { US_PER_MS, US_PER_SEC } from './kernel/time.ts';
import type { MetricWindows } from './metrics/metric-windows.ts';
import type { CallPool } from './model/call.ts';
import type { NodeFaultState } from './model/context.ts';
import type { LoadWords } from './model/load-words.ts';
import type { SimGraph } from './simulation-graph.ts';

/** What the stop diagnoses read of a running simulation (the core provides it). */
export interface StopHost {
  readonly nowUs: number;
  readonly graph: SimGraph;
  readonly pool: CallPool;
  readonly metrics: MetricWindows;
  readonly queue: EventQueue;
  readonly nodeFaults: readonly NodeFaultState[];
  /** Node labels as the document has them (the canvas shows these), by index. */
  readonly labels: readonly string[];
  /** The badge words of the faults in force on each node ("hang", "slow"). */
  readonly faultBook: Pick<FaultBook, 'nodeWords'>;
}

/** "2 µs", "15.7 ms", "12.3 s": when a run stopped. */
export function timeWords(us: number): string {
  if (us < US_PER_MS) return `${us} µs`;
  if (us < US_PER_SEC) return `${(us / US_PER_MS).toFixed(1)} ms`;
  return `${(us / US_PER_SEC).toFixed(1)} s`;
}

/** The node as the canvas names it: its label, or its id. */
export function nodeName(host: StopHost, node: number): string {
  return host.labels[node] || host.graph.nodeId(node);
}

/** The node's kind in words, lower case ("client", "circuit breaker"). */
export function kindWords(host: StopHost, node: number): string {
  return host.graph.def(node).label.toLowerCase();
}

/** The node's settings in words, from its kind's `describeLoad`; null when it declares none. */
export function loadWords(host: StopHost, node: number): LoadWords | null {
  const def = host.graph.def(node);
  return (
    def.describeLoad?.(host.graph.node(node).config, host.nodeFaults[node] as NodeFaultState) ??
    null
  );
}

/**
 * "Orders (4 workers, no queue limit)", "Orders (4 workers, no queue limit; fault in force:
 * hang)" — the node's name with its settings and faults in force, when it has any.
 */
export function nodeWithSettings(host: StopHost, node: number): string {
  const words = host.graph.isSource[node] ? null : loadWords(host, node);
  const faults = host.faultBook.nodeWords[node] ?? [];
  const parts = [
    words?.setting ?? '',
    faults.length === 0
      ? ''
      : `${faults.length === 1 ? 'fault' : 'faults'} in force: ${faults.join(', ')}`,
  ].filter((p) => p !== '');
  return parts.length ? `${nodeName(host, node)} (${parts.join('; ')})` : nodeName(host, node);
}

/** "the client Users sends 50 000 req/s" — a source and what it sends. */
export function sourceClause(host: StopHost, source: number): string {
  const words = loadWords(host, source);
  const who = `the ${kindWords(host, source)} ${nodeName(host, source)}`;
  return words ? `${who} ${words.setting}` : who;
}

/** "Lower the rate or add a queue limit." from the advice of the nodes involved. */
export function adviceSentence(advice: readonly string[]): string {
  const parts = [...new Set(advice.filter((a) => a !== ''))];
  if (parts.length === 0) return '';
  const text = parts.join(' or ');
  return ` ${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The node's index with the largest count (ties: the first); -1 when every count is 0. */
export function busiest(counts: ArrayLike<number>): number {
  let best = -1;
  for (let i = 0; i < counts.length; i++) {
    if ((counts[i] as number) > 0 && (best < 0 || (counts[i] as number) > (counts[best] as number)))
      best = i;
  }
  return best;
}

/**
 * Where work happens and the source behind it: "at Orders (4 workers, no queue limit) — the
 * client Users sends 50 000 req/s", or, when the node is that source, "at the client Users,
 * which sends 50 000 req/s".
 */
export function atNodeBySource(host: StopHost, node: number, source: number): string {
  if (node === source) {
    const words = loadWords(host, node);
    const which = words ? `, which ${words.setting}` : '';
    return `at the ${kindWords(host, node)} ${nodeName(host, node)}${which}`;
  }
  const by = source >= 0 ? ` — ${sourceClause(host, source)}` : '';
  return `at ${nodeWithSettings(host, node)}${by}`;
}
