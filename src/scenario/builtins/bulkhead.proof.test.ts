import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  BULKHEAD_FAULT_DURATION_MS,
  BULKHEAD_FAULT_START_MS,
  bulkheadBuiltin,
} from './bulkhead.ts';

const FAULT_END_MS = BULKHEAD_FAULT_START_MS + BULKHEAD_FAULT_DURATION_MS;
const failures = (d: { failed: Record<string, number> }) =>
  Object.values(d.failed).reduce((a, b) => a + b, 0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs one variant; figures before the fault (0–30 s) and during it (30–70 s). */
function run(variant: 'with' | 'without') {
  const sim = createSimulation(bulkheadBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(BULKHEAD_FAULT_START_MS);
  const before = sim.nodeDetail('client');
  const aBefore = sim.nodeDetail('a').arrivals;
  const aP99BeforeMs = sim.nodeDetail('a').latencyMs.p99;
  sim.advanceTo(FAULT_END_MS);
  const during = sim.nodeDetail('client');
  const aDuring = sim.nodeDetail('a').arrivals - aBefore;
  const aP99ThroughFaultMs = sim.nodeDetail('a').latencyMs.p99;
  sim.runToEnd();
  const ok = during.ok - before.ok;
  const failed = failures(during) - failures(before);
  const clientP99s = perSecondP99s(sim, 'client', BULKHEAD_FAULT_START_MS, FAULT_END_MS);
  const aP99sBefore = perSecondP99s(sim, 'a', 0, BULKHEAD_FAULT_START_MS);
  const aP99sDuring = perSecondP99s(sim, 'a', BULKHEAD_FAULT_START_MS, FAULT_END_MS);
  return {
    sim,
    baselineP99Ms: before.latencyMs.p99,
    aPerSecBefore: aBefore / (BULKHEAD_FAULT_START_MS / 1000),
    aPerSecDuring: aDuring / (BULKHEAD_FAULT_DURATION_MS / 1000),
    successDuring: ok / (ok + failed),
    medianP99DuringMs: median(clientP99s),
    a: {
      p99BeforeMs: aP99BeforeMs,
      p99ThroughFaultMs: aP99ThroughFaultMs,
      medianP99BeforeMs: median(aP99sBefore),
      worstP99BeforeMs: Math.max(...aP99sBefore),
      medianP99DuringMs: median(aP99sDuring),
      worstP99DuringMs: Math.max(...aP99sDuring),
      secondsAnsweringDuring: aP99sDuring.length,
    },
  };
}

/** A node's per-second p99s over [fromMs, toMs), counting only seconds with answers. */
function perSecondP99s(sim: Simulation, id: string, fromMs: number, toMs: number): number[] {
  const series = sim.series(id, 'whole');
  return series.startMs.flatMap((t, i) =>
    t >= fromMs && t < toMs && (series.fields['completed']?.[i] ?? 0) > 0
      ? [series.fields['p99Ms']?.[i] ?? 0]
      : [],
  );
}

describe('R4 proof: bulkheads vs none, dependency B +5 s latency from 30 s for 40 s', () => {
  const withB = run('with');
  const without = run('without');

  it('A keeps its throughput with bulkheads and is starved without (measured: 197 → 199 req/s vs 197 → 7.7 req/s)', () => {
    expect(withB.aPerSecDuring).toBeGreaterThanOrEqual(0.95 * withB.aPerSecBefore);
    expect(without.aPerSecDuring).toBeLessThan(0.1 * without.aPerSecBefore);
  });

  it('and A keeps its latency: its own p99 during the fault stays at its baseline with bulkheads (measured: per-second median 44 vs 47 ms before, worst 58 vs 64 ms; p99 over 0–70 s 47 ms vs 49 ms over 0–30 s); without, A answers in only 8 of the 40 seconds', () => {
    const a = withB.a;
    expect(a.secondsAnsweringDuring).toBe(40);
    expect(a.medianP99DuringMs).toBeLessThanOrEqual(1.1 * a.medianP99BeforeMs);
    expect(a.worstP99DuringMs).toBeLessThanOrEqual(1.1 * a.worstP99BeforeMs);
    expect(a.p99ThroughFaultMs).toBeLessThanOrEqual(1.1 * a.p99BeforeMs);
    // Without, A is not slower but starved: the frontend's workers all wait on B.
    expect(without.a.secondsAnsweringDuring).toBeLessThanOrEqual(10);
  });

  it('client success during the fault stays ≥ 95% with bulkheads and collapses without (measured: 99.5% vs 0.3%)', () => {
    expect(withB.successDuring).toBeGreaterThanOrEqual(0.95);
    expect(without.successDuring).toBeLessThan(0.05);
    expect(without.sim.nodeDetail('client').failed['timeout'] ?? 0).toBeGreaterThan(5000);
  });

  it("the frontend's workers stay free with bulkheads; without, its queue runs away (measured: max queue 0 vs 7686)", () => {
    expect(withB.sim.nodeDetail('frontend').maxQueueDepth).toBeLessThanOrEqual(20);
    expect(without.sim.nodeDetail('frontend').maxQueueDepth).toBeGreaterThan(5000);
  });

  it('client p99 stays near its baseline with bulkheads, hits the 1 s timeout without (measured: 63 ms baseline; per-second median 50 ms vs 1000 ms; run 61 ms vs 1000 ms)', () => {
    expect(withB.medianP99DuringMs).toBeLessThanOrEqual(1.5 * withB.baselineP99Ms);
    expect(withB.sim.nodeDetail('client').latencyMs.p99).toBeLessThanOrEqual(
      1.2 * withB.baselineP99Ms,
    );
    expect(without.medianP99DuringMs).toBeGreaterThanOrEqual(900);
    expect(without.sim.nodeDetail('client').latencyMs.p99).toBeGreaterThanOrEqual(900);
  });

  it('the bulkhead in front of B turns the excess away fast and never needs the one in front of A (measured: 3979 rejected vs 0)', () => {
    const b = withB.sim.nodeDetail('bulkhead-b');
    expect(b.metrics['rejected'] ?? 0).toBeGreaterThan(3000);
    expect(b.failed['bulkhead-full']).toBe(b.metrics['rejected']);
    expect(b.maxQueueDepth).toBe(0);
    expect(withB.sim.nodeDetail('bulkhead-a').metrics['rejected'] ?? 0).toBe(0);
    // The optional B call's failure never fails a client request.
    expect(withB.sim.nodeDetail('client').failed['bulkhead-full'] ?? 0).toBe(0);
  });

  it('conservation holds in both runs, with the same traffic (measured: 19 982 requests each)', () => {
    expect(withB.sim.conservation().ok).toBe(true);
    expect(without.sim.conservation().ok).toBe(true);
    expect(withB.sim.nodeDetail('client').arrivals).toBe(without.sim.nodeDetail('client').arrivals);
  });
});
