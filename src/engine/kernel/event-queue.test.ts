import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { EventQueue } from './event-queue.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

function drain(q: EventQueue) {
  const out: { t: number; p: number; seq: number; target: number }[] = [];
  while (q.pop())
    out.push({ t: q.top.timeUs, p: q.top.priority, seq: q.top.seq, target: q.top.target });
  return out;
}

describe('EventQueue', () => {
  it('pops more than ten events at one time in insertion order (FIFO ties)', () => {
    const q = new EventQueue(4);
    for (let i = 0; i < 50; i++) q.push(1000, 0, 1, i);
    q.push(999, 0, 1, -1);
    const order = drain(q).map((e) => e.target);
    expect(order).toEqual([-1, ...Array.from({ length: 50 }, (_, i) => i)]);
  });

  it(
    'orders by time, then priority, then seq, for any interleaving of pushes',
    budget(RUNS, 1),
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 3 })), {
            maxLength: 400,
          }),
          (items) => {
            const q = new EventQueue(2);
            items.forEach(([t, p], i) => q.push(t, p, 0, i));
            const popped = drain(q).map((e) => e.target);
            const expected = items
              .map(([t, p], i) => ({ t, p, i }))
              .sort((x, y) => x.t - y.t || x.p - y.p || x.i - y.i)
              .map((e) => e.i);
            expect(popped).toEqual(expected);
          },
        ),
        { numRuns: RUNS },
      );
    },
  );

  it('keeps order when pushes and pops interleave', budget(RUNS, 1), () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 300 }),
        (ops) => {
          const q = new EventQueue(2);
          let now = 0;
          const seen: number[] = [];
          for (const op of ops) {
            if (op < 0) {
              if (q.pop()) seen.push(q.top.timeUs);
            } else {
              q.push(now + op, 0, 0, 0);
            }
            if (seen.length) now = seen[seen.length - 1] as number;
          }
          seen.push(...drain(q).map((e) => e.t));
          for (let i = 1; i < seen.length; i++) {
            expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1] as number);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('pops zero-delay pushes (kept apart from the heap) in exactly the heap order', () => {
    // Pushes at the time of the last pop go to a FIFO beside the heap; every pop must still
    // take the smallest (time, priority, seq) of all pending events, whatever the mix.
    const op = fc.oneof(
      fc.record({ pop: fc.constant(true as const) }),
      fc.record({
        pop: fc.constant(false as const),
        delay: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 5 })),
        priority: fc.integer({ min: 0, max: 2 }),
        cancel: fc.boolean(),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue(2);
        const pending: { t: number; p: number; seq: number; id: number }[] = [];
        let now = 0;
        let id = 0;
        const popped: number[] = [];
        const expected: number[] = [];
        const popBoth = () => {
          pending.sort((x, y) => x.t - y.t || x.p - y.p || x.seq - y.seq);
          const next = pending.shift();
          expect(q.pop()).toBe(next !== undefined);
          if (!next) return;
          expected.push(next.id);
          popped.push(q.top.target);
          now = q.top.timeUs;
        };
        for (const o of ops) {
          if (o.pop) {
            popBoth();
          } else {
            const seq = q.push(now + o.delay, o.priority, 0, id);
            // A cancelled event is never popped: leave it out of the reference.
            if (o.cancel && id % 3 === 0) q.cancel(seq);
            else pending.push({ t: now + o.delay, p: o.priority, seq, id });
            id++;
          }
          expect(q.size).toBe(pending.length);
          expect(q.peekTimeUs()).toBe(
            pending.length ? Math.min(...pending.map((e) => e.t)) : Infinity,
          );
        }
        while (pending.length) popBoth();
        expect(popped).toEqual(expected);
        expect(q.pop()).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('skips cancelled events lazily and reports live size', () => {
    const q = new EventQueue();
    const a = q.push(10, 0, 0, 1);
    q.push(20, 0, 0, 2);
    const c = q.push(5, 0, 0, 3);
    q.cancel(a);
    q.cancel(c);
    expect(q.size).toBe(1);
    expect(q.peekTimeUs()).toBe(20);
    expect(drain(q).map((e) => e.target)).toEqual([2]);
    expect(q.peekTimeUs()).toBe(Infinity);
  });

  it('carries the payload fields and refuses a bad priority', () => {
    const q = new EventQueue();
    q.push(7, 2, 3, 4, 5, -6);
    expect(q.pop()).toBe(true);
    expect(q.top).toMatchObject({ timeUs: 7, priority: 2, type: 3, target: 4, a: 5, b: -6 });
    expect(() => q.push(1, -1, 0, 0)).toThrow(RangeError);
    expect(() => q.push(1, 1.5, 0, 0)).toThrow(RangeError);
  });
});
