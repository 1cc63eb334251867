import { describe, expect, it } from 'vitest';
import { CallPhase } from '../../engine/index.ts';
import { fakeContext, waitingCall } from '../testing/fake-context.ts';
import {
  compactFifo,
  dequeue,
  emptyFifo,
  enqueue,
  forEachWaiting,
  peekWaiting,
} from './waiting-fifo.ts';

const WAITING = 1;

describe('waiting FIFO', () => {
  it('hands out calls oldest first, skipping those that stopped waiting', () => {
    const f = fakeContext();
    const q = emptyFifo();
    const [a, b, c, d] = [1, 2, 3, 4].map(() => f.track(waitingCall({ step: WAITING })));
    for (const call of [a, b, c, d]) if (call) enqueue(q, call);
    if (!a || !b || !c || !d) throw new Error('calls');
    a.step = 0; // its wait expired
    b.gen++; // recycled
    expect(peekWaiting(f.ctx, q, WAITING)).toBe(c);
    dequeue(q);
    d.parked = true; // a hang parked it
    expect(peekWaiting(f.ctx, q, WAITING)).toBeNull();
    expect(q.head).toBe(q.entries.length);
    compactFifo(q);
    expect(q).toEqual({ entries: [], head: 0 });
  });

  it('visits every waiting call without consuming them', () => {
    const f = fakeContext();
    const q = emptyFifo();
    const calls = [1, 2, 3].map(() => f.track(waitingCall({ step: WAITING })));
    for (const call of calls) enqueue(q, call);
    (calls[1] as { phase: number }).phase = CallPhase.Returning;
    const seen: number[] = [];
    forEachWaiting(f.ctx, q, WAITING, (call) => seen.push(call.id));
    expect(seen).toEqual([calls[0]?.id, calls[2]?.id]);
    expect(peekWaiting(f.ctx, q, WAITING)).toBe(calls[0]);
  });

  it('compacts once the passed entries are most of it, and only then', () => {
    const f = fakeContext();
    const q = emptyFifo();
    const calls = Array.from({ length: 40 }, () => f.track(waitingCall({ step: WAITING })));
    for (const call of calls) enqueue(q, call);
    for (let i = 0; i < 33; i++) dequeue(q);
    compactFifo(q);
    expect(q.head).toBe(0);
    expect(q.entries).toHaveLength(14);
    expect(peekWaiting(f.ctx, q, WAITING)).toBe(calls[33]);
    dequeue(q);
    compactFifo(q);
    expect(q.head).toBe(2);
  });
});
