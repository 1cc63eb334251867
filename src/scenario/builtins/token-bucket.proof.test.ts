import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  TOKEN_BUCKET_CAPACITY,
  TOKEN_BUCKET_OFF_MS,
  TOKEN_BUCKET_ON_MS,
  TOKEN_BUCKET_REFILL_PER_SEC,
  tokenBucketBuiltin,
} from './token-bucket.ts';

/** Starts of the three bursts that fit whole in the run (28–30 s, 58–60 s, 88–90 s). */
const BURSTS_MS = [0, 1, 2].map(
  (k) => TOKEN_BUCKET_OFF_MS + k * (TOKEN_BUCKET_OFF_MS + TOKEN_BUCKET_ON_MS),
);
/** The most a bucket can admit in one burst: capacity + refill · T. */
const BOUND = TOKEN_BUCKET_CAPACITY + TOKEN_BUCKET_REFILL_PER_SEC * (TOKEN_BUCKET_ON_MS / 1000);

/** Runs one variant; per burst: requests sent, and calls reaching the service in each second. */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(tokenBucketBuiltin.build(variant), { registry: REGISTRY });
  const bursts = BURSTS_MS.map((startMs) => {
    sim.advanceTo(startMs);
    const sent0 = sim.nodeDetail('client').arrivals;
    const s0 = sim.nodeDetail('service').arrivals;
    sim.advanceTo(startMs + 1000);
    const s1 = sim.nodeDetail('service').arrivals;
    sim.advanceTo(startMs + TOKEN_BUCKET_ON_MS);
    const s2 = sim.nodeDetail('service').arrivals;
    return {
      sent: sim.nodeDetail('client').arrivals - sent0,
      admitted: s2 - s0,
      firstSecond: s1 - s0,
      secondSecond: s2 - s1,
    };
  });
  sim.runToEnd();
  return { sim, bursts, service: sim.nodeDetail('service') };
}

describe('R6 proof: token bucket (100 tokens, 10/s) vs none, bursts of 500 req/s for 2 s', () => {
  const withT = run('with');
  const without = run('without');

  it('each burst is admitted up to capacity + refill·T = 120 (measured: 119, 118, 119 of 972, 1015, 991 sent)', () => {
    for (const b of withT.bursts) {
      expect(b.sent).toBeGreaterThan(900);
      expect(b.admitted).toBeLessThanOrEqual(BOUND);
      expect(b.admitted).toBeGreaterThanOrEqual(BOUND - 3);
    }
  });

  it("after the bucket empties, admissions follow the refill rate (measured: 10, 10, 10 in the burst's second second)", () => {
    for (const b of withT.bursts) {
      expect(b.firstSecond).toBeGreaterThanOrEqual(TOKEN_BUCKET_CAPACITY);
      expect(Math.abs(b.secondSecond - TOKEN_BUCKET_REFILL_PER_SEC)).toBeLessThanOrEqual(1);
    }
  });

  it('without the bucket the service takes every burst whole (measured: 972, 1015, 991)', () => {
    without.bursts.forEach((b, i) => {
      expect(b.admitted).toBe(b.sent);
      expect(b.sent).toBe(withT.bursts[i]?.sent);
    });
  });

  it('the service queue and p99 stay bounded with the bucket (measured: max queue 63 vs 648, p99 360 ms vs 2914 ms)', () => {
    expect(withT.service.maxQueueDepth).toBeLessThanOrEqual(TOKEN_BUCKET_CAPACITY);
    expect(without.service.maxQueueDepth).toBeGreaterThan(500);
    expect(withT.service.latencyMs.p99).toBeLessThan(without.service.latencyMs.p99 / 4);
  });

  it('the excess is answered rate-limited at once, and conservation holds in both runs (measured: 3 537 of 4 566 rejected in 0 ms, 1 029 admitted; 4 566 requests each run)', () => {
    const l = withT.sim.nodeDetail('limiter');
    expect(l.failed['rate-limited']).toBe(l.metrics['rejected']);
    expect((l.metrics['admitted'] ?? 0) + (l.metrics['rejected'] ?? 0)).toBe(l.arrivals);
    expect((l.metrics['rejected'] ?? 0) / l.arrivals).toBeGreaterThan(0.75);
    // Over half the calls are rejections, answered without delay: the median is 0 ms.
    expect(l.latencyMs.p50).toBe(0);
    expect(without.sim.nodeDetail('client').arrivals).toBe(l.arrivals);
    expect(withT.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
  });
});
