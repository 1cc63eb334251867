import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { REGISTRY } from '../../patterns/index.ts';
import { PUBSUB_OUTAGE_DURATION_MS, PUBSUB_OUTAGE_START_MS, pubSubBuiltin } from './pub-sub.ts';

const OUTAGE_END_MS = PUBSUB_OUTAGE_START_MS + PUBSUB_OUTAGE_DURATION_MS;
const failures = (d: { failed: Record<string, number> }) =>
  Object.values(d.failed).reduce((a, b) => a + b, 0);

function run(variant: 'with' | 'without') {
  const sim = createSimulation(pubSubBuiltin.build(variant), { registry: REGISTRY });
  sim.advanceTo(PUBSUB_OUTAGE_START_MS);
  const before = { checkout: sim.nodeDetail('checkout'), email: sim.nodeDetail('email').ok };
  sim.advanceTo(OUTAGE_END_MS);
  const during = { checkout: sim.nodeDetail('checkout'), email: sim.nodeDetail('email').ok };
  const backlogAtRecovery = sim.conservation().messages['inventory-queue']?.ready ?? 0;
  sim.advanceTo(OUTAGE_END_MS + 15_000);
  const backlogLater = sim.conservation().messages['inventory-queue']?.ready ?? 0;
  sim.runToEnd();
  const report = sim.conservation();
  const sent = during.checkout.arrivals - before.checkout.arrivals;
  return {
    report,
    sentDuring: sent,
    failedDuring: failures(during.checkout) - failures(before.checkout),
    emailPerSecDuring: (during.email - before.email) / (PUBSUB_OUTAGE_DURATION_MS / 1000),
    backlogAtRecovery,
    backlogLater,
    meanBeforeMs: before.checkout.latencyMs.mean,
    inventoryOk: sim.nodeDetail('inventory').ok,
    emailOk: sim.nodeDetail('email').ok,
    topic: report.messages['order-events'],
  };
}

describe('built-in: publish/subscribe (M1)', () => {
  const on = run('with');
  const off = run('without');

  it('keeps request and message conservation', () => {
    expect(on.report.ok).toBe(true);
    expect(off.report.ok).toBe(true);
  });

  it('with a topic: no order fails, the others keep their pace, inventory catches up', () => {
    expect(on.failedDuring).toBe(0);
    expect(on.emailPerSecDuring).toBeGreaterThan(45);
    expect(on.backlogAtRecovery).toBeGreaterThan(1200);
    expect(on.backlogLater).toBeLessThan(20);
    // Every event reached every subscriber by the end (a few still moving).
    expect(on.topic?.dropped).toBe(0);
    expect(Math.abs(on.inventoryOk - on.emailOk)).toBeLessThan(20);
  });

  it('without: the API calls every subscriber and waits for all three; every order fails while one is down', () => {
    expect(off.failedDuring).toBeGreaterThan(0.95 * off.sentDuring);
    // And before the outage every order already waited for all three, one after the other.
    expect(on.meanBeforeMs).toBeLessThan(10);
    expect(off.meanBeforeMs).toBeGreaterThan(4 * on.meanBeforeMs);
  });
});
