import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  ARR_SPIKE_DURATION_MS,
  ARR_SPIKE_START_MS,
  asyncRequestReplyBuiltin,
} from './async-request-reply.ts';

const SPIKE_END_MS = ARR_SPIKE_START_MS + ARR_SPIKE_DURATION_MS;

function run(variant: 'with' | 'without') {
  const sim = createSimulation(asyncRequestReplyBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(ARR_SPIKE_START_MS);
  const before = sim.nodeDetail('app');
  sim.advanceTo(SPIKE_END_MS);
  const during = sim.nodeDetail('app');
  const backlogAtSpikeEnd = sim.conservation().messages['jobs']?.ready ?? 0;
  sim.runToEnd();
  const report = sim.conservation();
  const series = sim.series('app', 'whole');
  const p99s = series.startMs.flatMap((t, i) =>
    t >= ARR_SPIKE_START_MS && t < SPIKE_END_MS ? [series.fields['p99Ms']?.[i] ?? 0] : [],
  );
  return {
    report,
    jobs: report.messages['jobs'],
    backlogAtSpikeEnd,
    timeoutsDuring: (during.failed['timeout'] ?? 0) - (before.failed['timeout'] ?? 0),
    sentDuring: during.arrivals - before.arrivals,
    worstP99DuringMs: Math.max(...p99s),
    workersOk: sim.nodeDetail('workers').ok,
  };
}

describe('built-in: async request-reply (M3)', () => {
  const on = run('with');
  const off = run('without');

  it('keeps request and message conservation', () => {
    expect(on.report.ok).toBe(true);
    expect(off.report.ok).toBe(true);
  });

  it('with a queue: no timeout and a flat latency through the 5× spike; the backlog absorbs it and drains', () => {
    expect(on.sentDuring).toBeGreaterThan(9000);
    expect(on.timeoutsDuring).toBe(0);
    expect(on.worstP99DuringMs).toBeLessThan(20);
    expect(on.backlogAtSpikeEnd).toBeGreaterThan(3000);
    // Drained by the end: every job published was done, or is one of the few still moving.
    expect((on.jobs?.ready ?? 0) + (on.jobs?.inFlight ?? 0)).toBeLessThan(50);
    expect(on.jobs?.acked).toBe(on.workersOk);
  });

  it('without: the callers wait for the work, and most of the spike times out', () => {
    expect(off.timeoutsDuring).toBeGreaterThan(0.5 * off.sentDuring);
    expect(off.worstP99DuringMs).toBeGreaterThan(1900);
  });
});
