import { CallPhase, type Call, type SimContext } from '../../engine/index.ts';

/**
 * A FIFO of calls waiting at a node (the bulkhead's wait queue, the leaky bucket's), as plain
 * data: (id, gen) pairs from `head` on. Entries are never removed from the middle: a call
 * that stopped waiting (its wait expired, it was answered, its call recycled) is skipped when
 * it reaches the head. A call waits while it is live at the node, not parked by a hang, and
 * its `step` is the kind's waiting step.
 */
export interface WaitingFifo {
  entries: number[];
  head: number;
}

export function emptyFifo(): WaitingFifo {
  return { entries: [], head: 0 };
}

export function enqueue(q: WaitingFifo, call: Call): void {
  q.entries.push(call.id, call.gen);
}

/** The call at entry `i` if it still waits here (in step `step`), else null. */
function waitingAt(ctx: SimContext, q: WaitingFifo, i: number, step: number): Call | null {
  const call = ctx.callById(q.entries[i] as number, q.entries[i + 1] as number);
  if (!call || call.phase !== CallPhase.AtNode || call.parked) return null;
  return call.step === step ? call : null;
}

/** The oldest call still waiting (stale entries before it are dropped), or null. */
export function peekWaiting(ctx: SimContext, q: WaitingFifo, step: number): Call | null {
  while (q.head < q.entries.length) {
    const call = waitingAt(ctx, q, q.head, step);
    if (call) return call;
    q.head += 2;
  }
  return null;
}

/** Removes the head entry (after `peekWaiting` returned it). */
export function dequeue(q: WaitingFifo): void {
  q.head += 2;
}

/** Every call still waiting, oldest first (the FIFO is left as it is). */
export function forEachWaiting(
  ctx: SimContext,
  q: WaitingFifo,
  step: number,
  visit: (call: Call) => void,
): void {
  for (let i = q.head; i < q.entries.length; i += 2) {
    const call = waitingAt(ctx, q, i, step);
    if (call) visit(call);
  }
}

/** Frees the space of entries already passed: all of it when empty, else once it is most of it. */
export function compactFifo(q: WaitingFifo): void {
  if (q.head >= q.entries.length) {
    q.entries.length = 0;
    q.head = 0;
  } else if (q.head > 64 && q.head * 2 > q.entries.length) {
    q.entries.splice(0, q.head);
    q.head = 0;
  }
}
