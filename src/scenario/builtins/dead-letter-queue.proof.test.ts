import { describe, expect, it } from 'vitest';
import { createSimulation, type TraceEvent } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import {
  DLQ_MAX_DELIVERIES,
  DLQ_POISON_SHARE,
  deadLetterQueueBuiltin,
} from './dead-letter-queue.ts';

function run(variant: 'with' | 'without') {
  const deadLetters: TraceEvent[] = [];
  const sim = createSimulation(deadLetterQueueBuiltin.build(variant), {
    registry: REGISTRY,
    trace: (e) => {
      if (e.type === 'message.dead-lettered') deadLetters.push(e);
    },
  });
  sim.advanceTo(60_000);
  const readyAtMinute = sim.conservation().messages['orders-queue']?.ready ?? 0;
  sim.runToEnd();
  const report = sim.conservation();
  const queue = sim.nodeDetail('orders-queue');
  return {
    report,
    readyAtMinute,
    q: report.messages['orders-queue'],
    dlq: report.messages['orders-dlq'],
    metrics: queue.metrics ?? {},
    poisoned: queue.metrics?.['poisoned'] ?? 0,
    fulfilment: sim.nodeDetail('fulfilment'),
    deadLetters,
  };
}

describe('built-in: dead-letter queue (M2)', () => {
  const on = run('with');
  const off = run('without');

  it('keeps message conservation in both variants', () => {
    expect(on.report.ok).toBe(true);
    expect(off.report.ok).toBe(true);
  });

  it('poisons about 2 % of the orders', () => {
    const share = on.poisoned / (on.q?.published ?? 1);
    expect(Math.abs(share - DLQ_POISON_SHARE)).toBeLessThan(0.005);
  });

  it('delivers each poison message exactly maxDeliveries times, then dead-letters it', () => {
    const deadLettered = on.q?.deadLettered ?? 0;
    // Every poison message published long enough before the end is dead-lettered.
    expect(deadLettered).toBeGreaterThan(0.95 * on.poisoned);
    expect(deadLettered).toBeLessThanOrEqual(on.poisoned);
    // Each one after exactly maxDeliveries deliveries, every one of them failed.
    expect(on.deadLetters).toHaveLength(deadLettered);
    for (const e of on.deadLetters) {
      expect(e.detail).toBe(`after ${DLQ_MAX_DELIVERIES} deliveries`);
      expect(e.cause).toBe('poison-message');
    }
    const poisonFailures = on.fulfilment.failed['poison-message'] ?? 0;
    expect(poisonFailures).toBeGreaterThanOrEqual(DLQ_MAX_DELIVERIES * deadLettered);
    expect(poisonFailures).toBeLessThanOrEqual(DLQ_MAX_DELIVERIES * on.poisoned);
    // The dead-letter queue holds every one of them (nobody consumes it).
    expect(on.dlq?.published).toBe(deadLettered);
    expect(on.dlq?.ready).toBe(deadLettered);
  });

  it('with the pattern the queue drains; without it poison circles for ever and the backlog grows', () => {
    expect(on.q?.ready ?? 0).toBeLessThan(20);
    expect(off.q?.deadLettered).toBe(0);
    // Without: the backlog grows through the run (~700 waiting at the end, 5 with the pattern).
    expect(off.q?.ready ?? 0).toBeGreaterThan(1.5 * off.readyAtMinute);
    expect(off.q?.ready ?? 0).toBeGreaterThan(50 * Math.max(1, on.q?.ready ?? 0));
    expect(off.metrics['redelivered'] ?? 0).toBeGreaterThan(4 * (on.metrics['redelivered'] ?? 0));
    // More good orders are done with the pattern (the rest wait behind the poison).
    expect(on.q?.acked ?? 0).toBeGreaterThan((off.q?.acked ?? 0) + 300);
  });
});
