import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { competingConsumersBuiltin } from './competing-consumers.ts';

function run(variant: 'with' | 'without') {
  const sim = createSimulation(competingConsumersBuiltin.build(variant), { registry: REGISTRY });
  sim.runToEnd();
  const report = sim.conservation();
  const metrics = sim.nodeDetail('orders-queue').metrics ?? {};
  const processed = ['a', 'b', 'c'].reduce((n, id) => n + sim.nodeDetail(id).ok, 0);
  return { report, q: report.messages['orders-queue'], metrics, processed };
}

describe('built-in: competing consumers (M2)', () => {
  const on = run('with');
  const off = run('without');

  it('keeps message conservation', () => {
    expect(on.report.ok).toBe(true);
    expect(off.report.ok).toBe(true);
  });

  it("with a visibility timeout above the work: the hung consumer's messages come back once, none lost, none twice", () => {
    // B held its prefetch (10) when it hung; each came back once, after the timeout.
    expect(on.metrics['visibilityTimeouts']).toBe(10);
    expect(on.q?.lost).toBe(0);
    expect(on.metrics['duplicateAcks'] ?? 0).toBe(0);
    // Every order was processed once by A or C (B's ten are held by B for ever, never answered).
    expect(on.processed).toBe(on.q?.acked);
    expect((on.q?.ready ?? 0) + (on.q?.inFlight ?? 0)).toBeLessThan(40);
  });

  it('without: a visibility timeout below the work hands slow messages to a second consumer', () => {
    expect(off.metrics['duplicateAcks'] ?? 0).toBeGreaterThan(200);
    expect(off.processed).toBeGreaterThan((off.q?.acked ?? 0) + 200);
  });
});
