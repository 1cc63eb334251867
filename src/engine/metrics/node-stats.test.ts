import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './histogram.ts';
import { NODE_STRIDE, NodeStats } from './node-stats.ts';
import { EdgeStats } from './edge-stats.ts';
import { budget } from '../testing/budget.ts';

const OPTIONS = { windowMs: 1000, recentCapacity: 8, maxPoints: 4 };
const WINDOW_US = 1_000_000;

function histogramOf(values: readonly number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const v of values) h.record(v);
  return h;
}

type Op =
  | { kind: 'arrival' }
  | { kind: 'outcome'; ok: boolean; cause: string; latencyUs: number }
  | { kind: 'gauges'; busy: number; capacity: number; queue: number }
  | { kind: 'count'; amount: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ kind: 'arrival' as const }),
  fc.record({
    kind: fc.constant('outcome' as const),
    ok: fc.boolean(),
    cause: fc.constantFrom('error', 'timeout'),
    latencyUs: fc.nat({ max: 3_000_000 }),
  }),
  fc.record({
    kind: fc.constant('gauges' as const),
    busy: fc.nat({ max: 4 }),
    capacity: fc.integer({ min: 1, max: 4 }),
    queue: fc.nat({ max: 9 }),
  }),
  fc.record({ kind: fc.constant('count' as const), amount: fc.integer({ min: 1, max: 3 }) }),
);

/** Steps of up to ~6 windows between operations, so some windows pass with no activity. */
const steps = fc.array(fc.tuple(fc.nat({ max: 6 * WINDOW_US }), op), { maxLength: 60 });

function apply(s: NodeStats, nowUs: number, o: Op): void {
  if (o.kind === 'arrival') s.recordArrival(nowUs);
  else if (o.kind === 'outcome') s.recordOutcome(o.ok, o.cause, o.latencyUs, nowUs);
  else if (o.kind === 'gauges') s.setGauges(nowUs, o.busy, o.capacity, o.queue);
  else s.count(nowUs, 'hits', o.amount);
}

describe('NodeStats windows', () => {
  it(
    'closed lazily, when touched or read, give the rows of windows closed on time',
    budget(300, 2),
    () => {
      fc.assert(
        fc.property(steps, fc.nat({ max: 3 * WINDOW_US }), (ops, tailUs) => {
          // Two nodes whose numbers share one array, as a run keeps them: no crosstalk.
          const numbers = new Float64Array(2 * NODE_STRIDE);
          const lazy = new NodeStats(OPTIONS, numbers, NODE_STRIDE);
          const neighbour = new NodeStats(OPTIONS, numbers, 0);
          const onTime = new NodeStats(OPTIONS);
          let nowUs = 0;
          let boundaryUs = WINDOW_US;
          for (const [gapUs, o] of ops) {
            nowUs += gapUs;
            // The reference closes every window the moment time reaches its end.
            for (; boundaryUs <= nowUs; boundaryUs += WINDOW_US) onTime.closeUpTo(boundaryUs);
            apply(lazy, nowUs, o);
            apply(onTime, nowUs, o);
            neighbour.recordArrival(nowUs);
          }
          const endUs = nowUs + tailUs + 1;
          for (; boundaryUs <= endUs; boundaryUs += WINDOW_US) onTime.closeUpTo(boundaryUs);
          // A read mid-run closes what has ended, and only that.
          expect(lazy.seriesUpTo(endUs).toJSON()).toEqual(onTime.seriesUpTo(endUs).toJSON());
          expect(lazy.utilization(endUs)).toBe(onTime.utilization(endUs));
          lazy.closeRun(endUs);
          onTime.closeRun(endUs);
          expect(lazy.seriesUpTo(endUs).toJSON()).toEqual(onTime.seriesUpTo(endUs).toJSON());
          expect(lazy.latency.toJSON()).toEqual(onTime.latency.toJSON());
          expect([lazy.arrivals, lazy.ok, lazy.failedTotal, lazy.maxQueueDepth]).toEqual([
            onTime.arrivals,
            onTime.ok,
            onTime.failedTotal,
            onTime.maxQueueDepth,
          ]);
          expect(lazy.meanInFlight(endUs)).toBe(onTime.meanInFlight(endUs));
          expect([neighbour.arrivals, neighbour.ok, neighbour.queueDepth]).toEqual([
            ops.length,
            0,
            0,
          ]);
        }),
        { numRuns: 300 },
      );
    },
  );

  it('summarises a window of a few latencies and of many alike, and keeps them all', () => {
    const s = new NodeStats(OPTIONS);
    const few = [120, 5, 4000, 77, 0];
    const many = Array.from({ length: 40 }, (_, i) => (i * 7919) % 50_000);
    few.forEach((v, i) => s.recordOutcome(true, '', v, 1000 + i));
    // Mid-window, the run's latency includes the open window's values.
    expect(s.latency.toJSON()).toEqual(histogramOf(few).toJSON());
    many.forEach((v, i) => s.recordOutcome(true, '', v, WINDOW_US + 1000 + i));
    s.closeRun(2 * WINDOW_US);
    const view = s.seriesUpTo(2 * WINDOW_US).recent();
    [few, many].forEach((values, w) => {
      const expected = histogramOf(values).summaryMs();
      expect(view.fields['meanMs']?.[w]).toBe(expected.mean);
      expect(view.fields['p50Ms']?.[w]).toBe(expected.p50);
      expect(view.fields['p95Ms']?.[w]).toBe(expected.p95);
      expect(view.fields['p99Ms']?.[w]).toBe(expected.p99);
    });
    expect(s.latency.toJSON()).toEqual(histogramOf([...few, ...many]).toJSON());
    expect(() => s.recordOutcome(true, '', -1, 2 * WINDOW_US)).toThrow(RangeError);
  });

  it('refuses numbers that do not fit its array', () => {
    const numbers = new Float64Array(2 * NODE_STRIDE);
    expect(() => new NodeStats(OPTIONS, numbers, NODE_STRIDE + 1)).toThrow(RangeError);
    expect(() => new NodeStats(OPTIONS, numbers, -1)).toThrow(RangeError);
  });

  it('an untouched node gets a row for every window once read, carrying its gauges', () => {
    const s = new NodeStats(OPTIONS);
    s.setGauges(500_000, 2, 4, 3);
    const view = s.seriesUpTo(4 * WINDOW_US).recent();
    expect(view.startMs).toEqual([0, 1000, 2000, 3000]);
    expect(view.fields['queueDepth']).toEqual([3, 3, 3, 3]);
    expect(view.fields['utilization']).toEqual([0.5, 0.5, 0.5, 0.5]); // of the time with workers
    expect(view.fields['arrivals']).toEqual([0, 0, 0, 0]);
  });
});

describe('EdgeStats windows', () => {
  it('report the last closed window, 0 after a window without traffic', () => {
    const e = new EdgeStats(WINDOW_US);
    e.sent(100);
    e.sent(200);
    e.answered(300, false);
    expect(e.lastWindowCalls(999_999)).toBe(0); // the first window is still open
    expect(e.lastWindowCalls(WINDOW_US)).toBe(2);
    expect(e.lastWindowFailed(WINDOW_US)).toBe(1);
    e.sent(WINDOW_US + 5);
    expect(e.lastWindowCalls(2 * WINDOW_US)).toBe(1);
    expect(e.lastWindowCalls(3 * WINDOW_US)).toBe(0);
    e.sent(3 * WINDOW_US + 10);
    e.closeRun(3 * WINDOW_US + 500_000); // the run ends mid-window: that window closes short
    expect(e.lastWindowCalls(3 * WINDOW_US + 500_000)).toBe(1);
    expect([e.calls, e.failed]).toEqual([4, 1]);
  });
});
