import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  ACL_FAULT_DURATION_MS,
  ACL_FAULT_START_MS,
  ACL_UNEXPECTED_RATE,
  antiCorruptionLayerBuiltin,
} from './anti-corruption-layer.ts';

const FAULT_END_MS = ACL_FAULT_START_MS + ACL_FAULT_DURATION_MS;

/** The CRM's counters and the client's bad-format failures at a moment of the run. */
function sample(sim: ReturnType<typeof createSimulation>) {
  const legacy = sim.nodeDetail('legacy-crm').metrics;
  return {
    answers: legacy['legacyAnswers'] ?? 0,
    unexpected: legacy['unexpectedFormat'] ?? 0,
    badFormat: sim.nodeDetail('client').failed['bad-format'] ?? 0,
  };
}

function run(variant: 'with' | 'without') {
  const sim = createSimulation(antiCorruptionLayerBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(ACL_FAULT_START_MS);
  const before = sample(sim);
  sim.advanceTo(FAULT_END_MS);
  const during = sample(sim);
  sim.runToEnd();
  const end = sample(sim);
  return {
    sim,
    before,
    during,
    end,
    legacy: sim.nodeDetail('legacy-crm'),
    client: sim.nodeDetail('client'),
    orders: sim.nodeDetail('orders'),
  };
}

describe('E4 proof: anti-corruption layer vs none, legacy-format fault (5 %) on the CRM from 30 s to 90 s', () => {
  const on = run('with');
  const off = run('without');

  it('without the layer the consumer fails on exactly those answers, ≈ 5 % of them during the fault (measured: 610 bad-format of 12 120 answers in the window = 5.03 %, none outside it)', () => {
    expect(off.orders.failed).toEqual({ 'bad-format': off.end.unexpected });
    expect(off.client.failed).toEqual({ 'bad-format': off.end.unexpected });
    // Nothing undocumented before the fault, nothing new after it.
    expect(off.before).toMatchObject({ unexpected: 0, badFormat: 0 });
    expect(off.end.unexpected).toBe(off.during.unexpected);
    const inWindow = off.during.answers - off.before.answers;
    expect(Math.abs(off.during.unexpected / inWindow - ACL_UNEXPECTED_RATE)).toBeLessThan(0.006);
    expect(off.end.unexpected).toBeGreaterThan(500);
  });

  it('with the layer no consumer fails: the same 610 answers are mapped to the safe default', () => {
    // Same seed and streams: the CRM sends the same undocumented answers in both runs.
    expect(on.end.unexpected).toBe(off.end.unexpected);
    expect(on.client.failed).toEqual({});
    expect(on.orders.metrics['badFormat'] ?? 0).toBe(0);
    const acl = on.sim.nodeDetail('acl').metrics;
    expect(acl['defaulted']).toBe(on.end.unexpected);
    expect(acl['translated']).toBe(on.end.answers);
  });

  it('the translation cost shows: +2.00 ms per answer at the layer, client mean 28.9 → 31.0 ms', () => {
    const acl = on.sim.nodeDetail('acl');
    expect(acl.latencyMs.mean - on.legacy.latencyMs.mean).toBeCloseTo(2, 2);
    const added = on.client.latencyMs.mean - off.client.latencyMs.mean;
    // 2 ms of translation, plus the orders work the failed requests skipped without the layer.
    expect(added).toBeGreaterThan(2);
    expect(added).toBeLessThan(2.6);
  });

  it('conservation holds in both runs, with the same traffic', () => {
    expect(on.sim.conservation().ok).toBe(true);
    expect(off.sim.conservation().ok).toBe(true);
    expect(on.client.arrivals).toBe(off.client.arrivals);
  });
});
