import { describe, expect, it } from 'vitest';
import { BUILTIN_REGISTRY } from './model/builtin-kinds.ts';
import type { SimScenario } from './model/scenario-types.ts';
import { RUN_BUDGET, SAMPLE_EVENTS, SAMPLE_STEPS } from './run-budget.ts';
import { LivelockError, RunStoppedError } from './run-stopped.ts';
import { SimulationCore } from './simulation.ts';
import { budget } from './testing/budget.ts';
import { checkoutWith, spikeOf } from './testing/overload-scenarios.ts';
import { buildScenario } from './testing/scenario-builder.ts';
import { constant } from './testing/run.ts';

/** Runs until the guard stops the run; returns the stop, the events run and the calls held. */
function runToStop(scenario: SimScenario) {
  const core = new SimulationCore(scenario, BUILTIN_REGISTRY, {});
  try {
    core.runUntil(core.durationUs);
  } catch (err) {
    if (!(err instanceof RunStoppedError)) throw err;
    return { stop: err, events: core.events, liveCalls: core.pool.live };
  }
  throw new Error('the run was not stopped');
}

const usersAlone = (users: number) =>
  buildScenario({
    durationMs: 300_000,
    nodes: [
      { id: 'u', kind: 'client', config: { arrival: { type: 'users', users, thinkTimeMs: 0 } } },
    ],
  });

// The guard used to let 2 000 000 events through at the stuck instant (0.5–0.7 GB of heap on
// the inputs below) and then blame users with no think time whatever looped. It now sees a
// loop once its zero-delay steps pass maxZeroDelayDepth (or the instant passes
// maxEventsPerInstant events), watches SAMPLE_EVENTS more, and says what loops.
describe('the livelock guard speaks early and says what loops', () => {
  it('a closed loop of users with no think time, whose requests fail at once', () => {
    const { stop, events } = runToStop(usersAlone(10));
    expect(stop).toBeInstanceOf(LivelockError);
    expect(stop).toMatchObject({ loop: 'source', nodeIds: ['u'], timeMs: 0 });
    expect(stop.message).toBe(
      'Stopped at 0 µs: virtual time cannot advance — the client u has 10 users with no think time, so each request fails at once (no-route) and the next one is sent at the same instant. Give the users some think time.',
    );
    // One step a round for 10 users: 10 events a step.
    expect(events).toBeLessThanOrEqual(
      10 * (RUN_BUDGET.maxZeroDelayDepth + SAMPLE_STEPS) + SAMPLE_EVENTS,
    );
  });

  it('a constant rate whose gap rounds to 0 µs', () => {
    const { stop, events, liveCalls } = runToStop(
      checkoutWith({ type: 'constant', ratePerSec: 1e308 }),
    );
    expect(stop).toMatchObject({ loop: 'source', nodeIds: ['users'], timeMs: 0 });
    expect(stop.message).toBe(
      'Stopped at 0 µs: virtual time cannot advance — the client Users sends a constant 1e+308 req/s, one request every 1e-302 µs, which rounds to 0 µs: 1e+302 requests land on each microsecond, so it sends request after request at the same instant. Lower the rate.',
    );
    // A request and a timer a step; memory stays small: ~14 000 calls on their way.
    expect(events).toBeLessThanOrEqual(RUN_BUDGET.maxZeroDelayDepth + SAMPLE_EVENTS + 10);
    expect(liveCalls).toBeLessThan(20_000);
  });

  // The highest rate under the largest spike: 100 requests on each microsecond. Time moves,
  // so it is no loop: the budget guard stops it once 250 000 calls are in flight.
  // ~0.003 ms an event.
  it(
    'the highest constant rate × the largest spike is a flood, not a loop',
    budget(600_000, 0.003),
    () => {
      const { stop } = runToStop(
        checkoutWith({ type: 'constant', ratePerSec: 100_000 }, { faults: [spikeOf(1000)] }),
      );
      expect(stop.message).toBe(
        'Stopped at 2.5 ms: 250 001 calls are in flight, 150 042 of them queued at Gateway (8 workers, no queue limit) — the client Users sends a constant 100 000 req/s (×1 000 by a traffic spike), one request every 0.01 µs, which rounds to 0 µs: 100 requests land on each microsecond. Lower the rate or add a queue limit.',
      );
    },
  );

  it('a call cycle with no delay names the nodes it goes round', () => {
    // s1 and s2 call each other before their own work, with no network latency.
    const before = { workers: 10_000, callOrder: 'before-work', serviceTime: constant(0) };
    const scenario = buildScenario({
      durationMs: 10_000,
      nodes: [
        { id: 'c', kind: 'client', config: { arrival: { type: 'poisson', ratePerSec: 10 } } },
        { id: 's1', kind: 'service', config: before },
        { id: 's2', kind: 'service', config: before },
      ],
      edges: [
        { source: 'c', target: 's1' },
        { source: 's1', target: 's2' },
        { source: 's2', target: 's1' },
      ],
    });
    const { stop, liveCalls } = runToStop(scenario);
    expect(stop).toMatchObject({ loop: 'call-cycle', nodeIds: ['s1', 's2'] });
    expect(stop.message).toMatch(
      /^Stopped at [\d.]+ ms: virtual time cannot advance — calls go round s1 → s2 → s1 with no delay, each hop a new call at the same instant\. Give one of these calls some network latency, or remove the cycle\.$/,
    );
    expect(liveCalls).toBeLessThan(20_000);
  });

  // The widest loop: 100 000 users against a crashed node, 100 000 events a step; it passes
  // maxEventsPerInstant first, then is watched for SAMPLE_STEPS steps. ~0.001 ms an event.
  const WIDE = RUN_BUDGET.maxEventsPerInstant + (SAMPLE_STEPS + 1) * 100_000;
  it(
    '100 000 users with no think time against a crashed node: the cap on events at one instant',
    budget(WIDE, 0.002),
    () => {
      const scenario = buildScenario({
        durationMs: 10_000,
        nodes: [
          {
            id: 'c',
            kind: 'client',
            config: { arrival: { type: 'users', users: 100_000, thinkTimeMs: 0 } },
          },
          { id: 's', kind: 'service' },
        ],
        edges: [{ source: 'c', target: 's' }],
        faults: [{ id: 'x', type: 'crash', target: 's', startMs: 0, durationMs: null }],
      });
      const { stop, events } = runToStop(scenario);
      expect(stop.message).toBe(
        'Stopped at 0 µs: virtual time cannot advance — the client c has 100 000 users with no think time, so each request fails at once at s (refused) and the next one is sent at the same instant. Give the users some think time.',
      );
      expect(events).toBeLessThanOrEqual(WIDE);
    },
  );
});
