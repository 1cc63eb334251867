import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../create-simulation.ts';
import { constant } from '../testing/run.ts';
import { buildScenario } from '../testing/scenario-builder.ts';

// A live edit of callMode or callOrder applies to calls that take a worker after it; a call
// already under way finishes the plan it started with. Reading a half-done call under the
// other mode's rules once answered it early, twice (with a hang: "worker pool lost track of
// call N") or never (its worker held for the rest of the run).

const rate = (ratePerSec: number) => ({ type: 'constant' as const, ratePerSec });

/**
 * Client "c" (one request a second: at 0, 1000 … ms) → "svc" (10 ms of work) → "fast"
 * (100 ms) and "slow" (300 ms), constant times, no network latency, 3 s.
 */
function fanOut(svcConfig: Record<string, unknown>): Simulation {
  return createSimulation(
    buildScenario({
      seed: 7,
      durationMs: 3000,
      nodes: [
        { id: 'c', kind: 'client', config: { arrival: rate(1) } },
        { id: 'svc', kind: 'service', config: { serviceTime: constant(10), ...svcConfig } },
        { id: 'fast', kind: 'service', config: { serviceTime: constant(100) } },
        { id: 'slow', kind: 'service', config: { serviceTime: constant(300) } },
      ],
      edges: [
        { source: 'c', target: 'svc' },
        { source: 'svc', target: 'fast' },
        { source: 'svc', target: 'slow' },
      ],
    }),
  );
}

/** Requests the client has had answered by `timeMs`. */
function answeredBy(sim: Simulation, timeMs: number): number {
  sim.advanceTo(timeMs);
  return sim.nodeDetail('c').ok;
}

function setConfig(sim: Simulation, config: Record<string, unknown>): void {
  expect(sim.patch({ type: 'node-config', nodeId: 'svc', config })).toEqual({ ok: true });
}

function expectCleanEnd(sim: Simulation): void {
  sim.runToEnd();
  expect(sim.conservation().ok).toBe(true);
  expect(sim.nodeDetail('svc')).toMatchObject({ inFlight: 0, busy: 0 });
  expect(sim.nodeDetail('c')).toMatchObject({ ok: 3, inFlight: 0 });
}

describe('worker pool: live edits of the call plan', () => {
  it('parallel → sequential while calls are out: that call waits for both, later calls go in turn', () => {
    const sim = fanOut({ callMode: 'parallel' });
    sim.advanceTo(50); // the request of 0 ms is waiting on fast and slow at once
    setConfig(sim, { callMode: 'sequential' });
    // Parallel: answered at 10 + max(100, 300) = 310 ms, not when fast answers (110 ms).
    expect(answeredBy(sim, 309)).toBe(0);
    expect(answeredBy(sim, 310)).toBe(1);
    // The request of 1000 ms starts after the edit: sequential, 10 + 100 + 300 = 410 ms.
    expect(answeredBy(sim, 1409)).toBe(1);
    expect(answeredBy(sim, 1410)).toBe(2);
    expectCleanEnd(sim);
  });

  it('parallel → sequential, then a hang: the call is answered (parked) once, nothing throws', () => {
    const sim = fanOut({ callMode: 'parallel', workers: 8 });
    sim.advanceTo(50);
    setConfig(sim, { callMode: 'sequential' });
    const hang = { id: 'h', target: 'svc', type: 'hang', startMs: 50, durationMs: null };
    expect(sim.patch({ type: 'fault-add', fault: hang })).toEqual({ ok: true });
    // Both downstream answers come back to a call the hang has parked: neither may finish it.
    sim.runToEnd();
    expect(sim.conservation().ok).toBe(true);
    expect(sim.nodeDetail('fast').arrivals).toBe(sim.nodeDetail('slow').arrivals);
    // Hung: every request stays in flight at svc, none answered; no worker is held.
    expect(sim.nodeDetail('svc')).toMatchObject({ ok: 0, inFlight: 3, busy: 0 });
  });

  it('sequential → parallel while the first call is out: that call still makes the second, later calls go at once', () => {
    const sim = fanOut({ callMode: 'sequential' });
    sim.advanceTo(50); // waiting on fast; slow not called yet
    setConfig(sim, { callMode: 'parallel' });
    // Sequential: 10 + 100 + 300 = 410 ms. (Read as parallel, fast's answer left the call
    // waiting for -1 more answers: never answered, its worker held to the end.)
    expect(answeredBy(sim, 409)).toBe(0);
    expect(answeredBy(sim, 410)).toBe(1);
    expect(sim.nodeDetail('slow').arrivals).toBe(1);
    // The request of 1000 ms is parallel: 10 + 300 = 310 ms.
    expect(answeredBy(sim, 1309)).toBe(1);
    expect(answeredBy(sim, 1310)).toBe(2);
    expectCleanEnd(sim);
  });

  it('after-work → before-work during the work: that call still calls downstream after it', () => {
    const sim = fanOut({ callMode: 'parallel', serviceTime: constant(100) });
    sim.advanceTo(50); // working (0–100 ms), its calls come next
    setConfig(sim, { callOrder: 'before-work' });
    // Its calls go out when the work ends, at 100 ms, and it is answered at 400 ms.
    expect(answeredBy(sim, 99)).toBe(0);
    expect(sim.nodeDetail('fast').arrivals).toBe(0);
    expect(answeredBy(sim, 100)).toBe(0);
    expect(sim.nodeDetail('fast').arrivals).toBe(1);
    expect(answeredBy(sim, 400)).toBe(1);
    // The request of 1000 ms calls first (fast at once), then works: 300 + 100 = 400 ms.
    expect(answeredBy(sim, 1000)).toBe(1);
    expect(sim.nodeDetail('fast').arrivals).toBe(2);
    expect(answeredBy(sim, 1399)).toBe(1);
    expect(answeredBy(sim, 1400)).toBe(2);
    expectCleanEnd(sim);
  });

  it('before-work → after-work while calls are out: that call still does its work afterwards', () => {
    const sim = fanOut({
      callMode: 'parallel',
      callOrder: 'before-work',
      serviceTime: constant(100),
    });
    sim.advanceTo(50); // waiting on fast and slow; its work comes after
    setConfig(sim, { callOrder: 'after-work' });
    // Calls back at 300 ms, then 100 ms of work: answered at 400 ms (not at 300 without work).
    expect(answeredBy(sim, 399)).toBe(0);
    expect(answeredBy(sim, 400)).toBe(1);
    // The request of 1000 ms works first, then calls: 100 + 300 = 400 ms.
    expect(answeredBy(sim, 1100)).toBe(1);
    expect(sim.nodeDetail('fast').arrivals).toBe(2);
    expect(answeredBy(sim, 1400)).toBe(2);
    expectCleanEnd(sim);
  });
});
