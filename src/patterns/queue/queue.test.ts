import { describe, expect, it } from 'vitest';
import { createSimulation, type SimFault, type TraceEvent } from '../../engine/index.ts';
import {
  buildScenario,
  type EdgeSpec,
  type NodeSpec,
} from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';

interface RunOptions {
  queue?: Record<string, unknown>;
  worker?: Record<string, unknown>;
  client?: Record<string, unknown>;
  deadLetter?: boolean;
  faults?: SimFault[];
  durationMs?: number;
  workers?: number;
}

/**
 * Client "c" (constant 10/s) → queue "q" → service "w" (the consumer); with `deadLetter`,
 * q → queue "dlq" (role dead-letter, no consumer).
 */
function run(o: RunOptions = {}) {
  const traces: TraceEvent[] = [];
  const nodes: NodeSpec[] = [
    {
      id: 'c',
      kind: 'client',
      config: { arrival: { type: 'constant', ratePerSec: 10 }, ...o.client },
    },
    { id: 'q', kind: 'queue', config: o.queue ?? {} },
    {
      id: 'w',
      kind: 'service',
      config: {
        workers: o.workers ?? 4,
        serviceTime: { type: 'constant', valueMs: 10 },
        ...o.worker,
      },
    },
  ];
  const edges: EdgeSpec[] = [
    { source: 'c', target: 'q' },
    { source: 'q', target: 'w' },
  ];
  if (o.deadLetter) {
    nodes.push({ id: 'dlq', kind: 'queue' });
    edges.push({ source: 'q', target: 'dlq', config: { role: 'dead-letter' } });
  }
  const sim = createSimulation(
    buildScenario(
      { seed: 3, durationMs: o.durationMs ?? 10_000, nodes, edges, faults: o.faults ?? [] },
      REGISTRY,
    ),
    { registry: REGISTRY, trace: (e) => traces.push(e) },
  );
  sim.runToEnd();
  const report = sim.conservation();
  return { sim, report, traces, q: report.messages['q'], dlq: report.messages['dlq'] };
}

const poisonAll = (rate: number): SimFault => ({
  id: 'p',
  type: 'poison',
  target: 'c',
  startMs: 0,
  durationMs: null,
  rate,
});

describe('queue', () => {
  it('acknowledges every publish and delivers every message once when consumers keep up', () => {
    const { report, q, sim } = run();
    expect(report.ok).toBe(true);
    expect(q?.published).toBe(100);
    expect(q?.acked).toBe(100);
    expect(q?.ready).toBe(0);
    expect(q?.inFlight).toBe(0);
    // The client's requests end at the publish acknowledgement: all succeeded.
    expect(sim.summary().clients['c']?.succeeded).toBe(100);
    expect(sim.nodeDetail('w').ok).toBe(100);
  });

  it('delivers a poisoned message exactly maxDeliveries times, then dead-letters it', () => {
    const { report, q, dlq, sim } = run({
      queue: { maxDeliveries: 3 },
      deadLetter: true,
      faults: [poisonAll(1)],
    });
    expect(report.ok).toBe(true);
    expect(q?.published).toBe(100);
    expect(q?.deadLettered).toBe(100);
    expect(q?.acked).toBe(0);
    expect(sim.nodeDetail('w').failed['poison-message']).toBe(300);
    expect(sim.nodeDetail('q').metrics?.['delivered']).toBe(300);
    // The dead-letter queue holds them (it has no consumer).
    expect(dlq?.published).toBe(100);
    expect(dlq?.ready).toBe(100);
  });

  it('without a dead-letter queue, a message past maxDeliveries is dropped (counted)', () => {
    const { report, q } = run({ queue: { maxDeliveries: 2 }, faults: [poisonAll(1)] });
    expect(report.ok).toBe(true);
    expect(q?.dropped).toBe(100);
  });

  it('redelivers forever without maxDeliveries: poison keeps coming back', () => {
    const { report, q, sim } = run({ faults: [poisonAll(1)], durationMs: 2000 });
    expect(report.ok).toBe(true);
    expect(q?.deadLettered).toBe(0);
    expect(q?.acked).toBe(0);
    const delivered = sim.nodeDetail('q').metrics?.['delivered'] ?? 0;
    expect(delivered).toBeGreaterThan(20 * (q?.published ?? 0));
  });

  it('a visibility timeout shorter than the work redelivers: the message is processed twice', () => {
    // Work takes 300 ms; the queue waits 100 ms for an ack, so the message comes back and a
    // second worker takes it while the first is still at it.
    const { report, q, sim } = run({
      queue: { visibilityTimeoutMs: 100 },
      worker: { serviceTime: { type: 'constant', valueMs: 300 } },
      workers: 10,
      durationMs: 2000,
    });
    expect(report.ok).toBe(true);
    expect(sim.nodeDetail('q').metrics?.['visibilityTimeouts']).toBeGreaterThan(0);
    expect(sim.nodeDetail('q').metrics?.['duplicateAcks']).toBeGreaterThan(0);
    expect(sim.nodeDetail('w').ok).toBeGreaterThan(q?.acked ?? 0);
  });

  it('refuses publishes with broker-full at capacity', () => {
    const { report, q, sim } = run({
      queue: { capacity: 5, prefetch: 1 },
      worker: { serviceTime: { type: 'constant', valueMs: 1000 } },
      workers: 1,
    });
    expect(report.ok).toBe(true);
    expect(sim.summary().clients['c']?.failed['broker-full']).toBeGreaterThan(0);
    expect((q?.ready ?? 0) + (q?.inFlight ?? 0)).toBeLessThanOrEqual(5);
  });

  it('keeps at most prefetch deliveries unacknowledged per consumer', () => {
    const { sim } = run({
      queue: { prefetch: 2 },
      worker: { serviceTime: { type: 'constant', valueMs: 1000 } },
      workers: 10,
      durationMs: 3000,
    });
    // The consumer never holds more than 2, though it has 10 workers.
    expect(sim.nodeDetail('w').maxQueueDepth).toBe(0);
    const detail = sim.nodeDetail('q');
    expect(detail.metrics?.['delivered']).toBeLessThanOrEqual(2 * 3 + 2);
  });

  it('expires messages older than the time to live before they are delivered', () => {
    const { report, q } = run({
      queue: { messageTtlMs: 500, prefetch: 1 },
      worker: { serviceTime: { type: 'constant', valueMs: 1000 } },
      workers: 1,
    });
    expect(report.ok).toBe(true);
    expect(q?.expired).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const a = run({ queue: { maxDeliveries: 3 }, deadLetter: true, faults: [poisonAll(0.2)] });
    const b = run({ queue: { maxDeliveries: 3 }, deadLetter: true, faults: [poisonAll(0.2)] });
    expect(a.report.messages).toEqual(b.report.messages);
    expect(a.traces.length).toBe(b.traces.length);
  });
});

describe('queue and a crashed consumer', () => {
  it('delivers nothing to a crashed consumer, and resumes when it is back', () => {
    const crash: SimFault = {
      id: 'down',
      type: 'crash',
      target: 'w',
      startMs: 2000,
      durationMs: 3000,
    };
    const { report, q, sim } = run({ faults: [crash], durationMs: 10_000 });
    expect(report.ok).toBe(true);
    // Published throughout; the 30 published while it was down waited, then were processed.
    expect(q?.published).toBe(100);
    expect(q?.acked).toBe(100);
    expect(sim.nodeDetail('w').failed['refused'] ?? 0).toBe(0);
  });
});

describe('queue and a broker crash', () => {
  const brokerCrash: SimFault = {
    id: 'broker-down',
    type: 'broker-crash',
    target: 'q',
    startMs: 3000,
    durationMs: 2000,
  };
  // A slow consumer, so messages are waiting when the broker goes down.
  const slow = { worker: { serviceTime: { type: 'constant', valueMs: 400 } }, workers: 1 };

  it('refuses publishes while down; a durable queue keeps its messages and delivers them after', () => {
    const { report, q, sim } = run({ ...slow, faults: [brokerCrash], durationMs: 20_000 });
    expect(report.ok).toBe(true);
    expect(sim.summary().clients['c']?.failed['broker-unavailable']).toBe(20);
    expect(q?.lost).toBe(0);
    expect(q?.published).toBe(180);
  });

  it('a queue that is not durable loses what it held, counted', () => {
    const { report, q, sim } = run({
      ...slow,
      queue: { durable: false },
      faults: [brokerCrash],
      durationMs: 20_000,
    });
    expect(report.ok).toBe(true);
    expect(q?.lost).toBeGreaterThan(0);
    expect(sim.nodeDetail('q').metrics?.['lostInCrash']).toBe(q?.lost);
    // Every message has exactly one fate or a place.
    const c = q as NonNullable<typeof q>;
    expect(c.acked + c.lost + c.ready + c.inFlight + c.delayed).toBe(c.published);
  });
});

describe('queue acknowledging on receive (at most once)', () => {
  it('never redelivers: a message its consumer fails is lost, counted', () => {
    const { report, q, sim } = run({
      queue: { ack: 'on-receive', maxDeliveries: 3 },
      faults: [poisonAll(1)],
    });
    expect(report.ok).toBe(true);
    expect(q?.lost).toBe(100);
    expect(q?.deadLettered).toBe(0);
    expect(sim.nodeDetail('q').metrics?.['redelivered'] ?? 0).toBe(0);
    expect(sim.nodeDetail('q').metrics?.['lostOnReceive']).toBe(100);
  });

  it('acks what its consumer processed', () => {
    const { report, q } = run({ queue: { ack: 'on-receive' } });
    expect(report.ok).toBe(true);
    expect(q?.acked).toBe(100);
    expect(q?.lost).toBe(0);
  });
});
