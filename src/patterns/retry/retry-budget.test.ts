import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { buildScenario, type NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { retryConfigSchema } from './config.ts';
import { retryKind } from './retry.ts';
import { crash, FIXED_50, runRetry as run } from './retry-test-harness.ts';

describe('retry kind with a budget', () => {
  it('retry budget: once the bucket is empty, failures are passed back as they are', () => {
    // No refill, 2 tokens: the first request gets both its retries, every later one none.
    const { r, c, sim } = run({
      retry: { ...FIXED_50, budgetRatio: 0, budgetMinPerSec: 0, budgetBurst: 2 },
      faults: [crash],
    });
    expect(r.metrics).toEqual({
      attempts: 12,
      retries: 2,
      attemptsExhausted: 1,
      budgetExhausted: 9,
    });
    expect(c.failed).toEqual({ refused: 10 });
    // The node shows it on the canvas.
    const frame = sim.drainFrame().nodes.find((n) => n.id === 'r');
    expect(frame?.state).toEqual({ text: 'BUDGET SPENT', tone: 'bad' });
  });

  it('retry budget: each request earns budgetRatio of a retry', () => {
    // 0.5 per request, no time refill, burst 1 (starts full, so request 1's deposit is lost):
    // requests 1, 3, 5, 7, 9 get one retry each; every other retry wanted is refused.
    const { r } = run({
      retry: { ...FIXED_50, budgetRatio: 0.5, budgetMinPerSec: 0, budgetBurst: 1 },
      faults: [crash],
    });
    expect(r.metrics).toEqual({ attempts: 15, retries: 5, budgetExhausted: 10 });
  });
  it('a live edit switching the budget on starts it full', () => {
    const budget = { ...FIXED_50, budgetRatio: 0, budgetMinPerSec: 0, budgetBurst: 1 };
    const nodes: NodeSpec[] = [
      { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
      { id: 'r', kind: 'retry', config: FIXED_50 },
      { id: 's', kind: 'service', config: {} },
    ];
    const edges = [
      { source: 'c', target: 'r' },
      { source: 'r', target: 's' },
    ];
    const scenario = buildScenario({ durationMs: 950, nodes, edges, faults: [crash] }, REGISTRY);
    const sim = createSimulation(scenario, { registry: REGISTRY });
    sim.advanceTo(450);
    expect(sim.patch({ type: 'node-config', nodeId: 'r', config: budget })).toEqual({ ok: true });
    sim.runToEnd();
    // Requests at 0 … 400 retried twice each; at 500 the one token buys one retry; then none.
    expect(sim.nodeDetail('r').metrics).toEqual({
      attempts: 5 * 3 + 2 + 4,
      retries: 5 * 2 + 1,
      attemptsExhausted: 5,
      budgetExhausted: 5,
    });
  });
});

describe('retry state label', () => {
  const node = (budget: { tokens: number; updatedUs: number } | null, backingOff: number) => ({
    index: 0,
    id: 'r',
    kind: 'retry',
    config: retryConfigSchema.parse({}),
    state: { budget, backingOff },
    derived: null,
  });
  it('shows calls backing off, and a spent budget', () => {
    const label = retryKind.stateLabel as NonNullable<typeof retryKind.stateLabel>;
    expect(label(node(null, 0))).toEqual({ text: 'PASSING', tone: 'ok' });
    expect(label(node(null, 3))).toEqual({ text: '3 BACKING OFF', tone: 'warn' });
    expect(label(node({ tokens: 0.5, updatedUs: 0 }, 3))).toEqual({
      text: 'BUDGET SPENT',
      tone: 'bad',
    });
    expect(label(node({ tokens: 1, updatedUs: 0 }, 0))).toEqual({ text: 'PASSING', tone: 'ok' });
  });
});
