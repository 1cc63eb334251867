import type { ConservationReport } from './conservation.ts';
import { messageIdentityProblem, type MessageCounts } from './model/message.ts';
import type { SimGraph } from './simulation-graph.ts';

// Message conservation (docs/architecture.md §3), beside request conservation: every broker
// (a kind that declares `messages`) must account for each message it took.

/** True when every broker's identity holds, from its counters: the frame check, no allocation. */
export function messagesHold(graph: SimGraph): boolean {
  for (const b of graph.brokers) {
    const counts = graph.def(b).messages?.(graph.node(b), false);
    if (counts && messageIdentityProblem('', counts) !== null) return false;
  }
  return true;
}

/**
 * The report with every broker's message counts and broken message identities added; `walk`
 * counts the messages each broker holds one by one (the end of a run) instead of its counters.
 */
export function withMessages(
  graph: SimGraph,
  report: ConservationReport,
  walk: boolean,
): ConservationReport {
  const messages: Record<string, MessageCounts> = {};
  const violations = [...report.violations];
  for (const b of graph.brokers) {
    const counts = graph.def(b).messages?.(graph.node(b), walk);
    if (!counts) continue;
    const id = graph.nodeId(b);
    messages[id] = counts;
    const problem = messageIdentityProblem(id, counts);
    if (problem) violations.push(problem);
  }
  return { ...report, ok: violations.length === 0, violations, messages };
}
