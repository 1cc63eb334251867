import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { ACL_UNEXPECTED_RATE, antiCorruptionLayerBuiltin } from './anti-corruption-layer.ts';

function run(variant: 'with' | 'without') {
  const sim = createSimulation(antiCorruptionLayerBuiltin.build(variant), { registry: REGISTRY });
  sim.runToEnd();
  const legacy = sim.nodeDetail('legacy-crm');
  return {
    sim,
    legacy,
    unexpected: legacy.metrics['unexpectedFormat'] ?? 0,
    answers: legacy.metrics['legacyAnswers'] ?? 0,
    client: sim.nodeDetail('client'),
    orders: sim.nodeDetail('orders'),
  };
}

describe('E4 proof: anti-corruption layer vs none, legacy CRM sends 5 % undocumented values', () => {
  const on = run('with');
  const off = run('without');

  it('without the layer the consumer fails on exactly those answers, ≈ 5 % of them (measured: 1253 bad-format of 24 258)', () => {
    expect(off.orders.failed).toEqual({ 'bad-format': off.unexpected });
    expect(off.client.failed).toEqual({ 'bad-format': off.unexpected });
    expect(Math.abs(off.unexpected / off.answers - ACL_UNEXPECTED_RATE)).toBeLessThan(0.005);
  });

  it('with the layer no consumer fails: the same 1253 answers are mapped to the safe default', () => {
    // Same seed and streams: the CRM sends the same undocumented answers in both runs.
    expect(on.unexpected).toBe(off.unexpected);
    expect(on.client.failed).toEqual({});
    expect(on.orders.metrics['badFormat'] ?? 0).toBe(0);
    const acl = on.sim.nodeDetail('acl').metrics;
    expect(acl['defaulted']).toBe(on.unexpected);
    expect(acl['translated']).toBe(on.answers);
  });

  it('the translation cost shows: +2.00 ms per answer at the layer, client mean 28.8 → 31.0 ms', () => {
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
