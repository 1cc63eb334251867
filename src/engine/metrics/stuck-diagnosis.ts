import type { StuckFacts, StuckFigures } from '../stuck-calls.ts';

export type { StuckFacts } from '../stuck-calls.ts';
import type { SimSummary } from '../summary.ts';
import { formatWhole } from './figure-format.ts';

/**
 * The sentence that says why a node is stuck, from the engine's figures (stuck-calls.ts):
 * "all 4 workers waiting on a partitioned call; 12 000 queued; no timeout is set". The app
 * (the node's status, its inspector, the banner) and the CLI's report all say it with this
 * function, each prefixing the node's name.
 */

export interface StuckDiagnosis {
  /** Every worker (or request, or call) it has is in such a wait: the node is Stuck. */
  all: boolean;
  /** "all 4 workers waiting on a partitioned call; 12 000 queued; no timeout is set". */
  text: string;
}

/** A source's waiters are its requests; a node's are its workers, or without any, its calls. */
export type StuckRole = 'source' | 'node';

function plural(n: number, word: string): string {
  return `${formatWhole(n)} ${word}${n === 1 ? '' : 's'}`;
}

function onWhat(f: StuckFigures): string {
  if (f.partitioned > 0 && f.hung > 0) return 'partitioned or hung calls';
  return f.partitioned > 0 ? 'a partitioned call' : 'a hung call';
}

/** The diagnosis of a node with stuck waits; null when it has none. */
export function stuckDiagnosis(f: StuckFacts, role: StuckRole): StuckDiagnosis | null {
  const waiting = f.partitioned + f.hung;
  if (waiting <= 0) return null;
  const workers = role === 'node' && (f.capacity > 0 || f.busy > 0);
  const noun = role === 'source' ? 'request' : workers ? 'worker' : 'call';
  // A capacity fault may leave more workers busy than configured: they all count.
  const total = workers ? Math.max(f.busy, f.capacity) : f.inFlight;
  const all = waiting >= total;
  const suffix = workers || role === 'source' ? '' : ' in flight';
  let who: string;
  if (!all) who = `${formatWhole(waiting)} of ${plural(total, noun)}${suffix}`;
  else if (waiting === 1) who = `its only ${noun}${suffix}`;
  else who = `all ${plural(waiting, noun)}${suffix}`;
  const parts = [`${who} waiting on ${onWhat(f)}`];
  if (f.queueDepth > 0) parts.push(`${formatWhole(f.queueDepth)} queued`);
  parts.push('no timeout is set');
  return { all, text: parts.join('; ') };
}

/**
 * A finished run's stuck clients and nodes, clients first, each with its sentence: what the
 * CLI's report and the app's Summary list under "Stuck".
 */
export function summaryStuck(summary: SimSummary): { id: string; text: string }[] {
  const said: { id: string; text: string }[] = [];
  for (const [id, c] of Object.entries(summary.clients)) {
    if (!c.stuck) continue;
    const facts = { ...c.stuck, busy: 0, capacity: 0, queueDepth: 0, inFlight: c.inFlight };
    const d = stuckDiagnosis(facts, 'source');
    if (d) said.push({ id, text: d.text });
  }
  for (const [id, n] of Object.entries(summary.nodes)) {
    const d = n.stuck && stuckDiagnosis(n.stuck, 'node');
    if (d) said.push({ id, text: d.text });
  }
  return said;
}
