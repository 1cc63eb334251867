import { describe, expect, it } from 'vitest';
import { BUILTIN_REGISTRY } from './model/builtin-kinds.ts';
import type { SimScenario } from './model/scenario-types.ts';
import { RUN_BUDGET, type RunBudget } from './run-budget.ts';
import { BudgetError, RunStoppedError } from './run-stopped.ts';
import { SimulationCore } from './simulation.ts';
import { budget } from './testing/budget.ts';
import { checkoutWith, spikeOf } from './testing/overload-scenarios.ts';
import { buildScenario } from './testing/scenario-builder.ts';
import { constant, poisson } from './testing/run.ts';

/** Runs to the end or to the guard's stop; returns the stop and what the run held then. */
function runGuarded(scenario: SimScenario, caps: Partial<RunBudget> = {}) {
  const core = new SimulationCore(scenario, BUILTIN_REGISTRY, { budget: caps });
  let stop: RunStoppedError | null = null;
  try {
    core.runUntil(core.durationUs);
  } catch (err) {
    if (!(err instanceof RunStoppedError)) throw err;
    stop = err;
  }
  return { stop, liveCalls: core.pool.live, pendingEvents: core.queue.size, core };
}

const QUEUED_AT_GATEWAY =
  /^Stopped at [\d.]+ m?s: 200 001 calls are queued at Gateway \(8 workers, no queue limit\) — the client Users /;

// The inputs that used to grow the heap to 4–5 GB, as they were and at the highest values a
// document may now hold. Each stops with the node where calls pile up and the setting behind
// it, holding no more than the caps allow (the heap this takes is measured by a one-off script,
// see README "Limits"; here the counts). Each runs ≤ 500 000 events, ~0.003 ms each.
describe('the budget guard stops what used to exhaust memory', () => {
  const cases: [string, SimScenario, RegExp][] = [
    [
      'a client rate of 1e9',
      checkoutWith(poisson(1e9)),
      /sends 1 000 000 000 req\/s\. Lower the rate or add a queue limit\.$/,
    ],
    [
      'the highest client rate, 100 000 req/s',
      checkoutWith(poisson(100_000)),
      /sends 100 000 req\/s\. Lower the rate or add a queue limit\.$/,
    ],
    [
      'a traffic spike of 1e300',
      checkoutWith(poisson(60), { faults: [spikeOf(1e300)] }),
      /sends 60 req\/s \(×1e\+300 by a traffic spike\)\. Lower the rate or add a queue limit\.$/,
    ],
    [
      'the largest traffic spike, ×1000',
      checkoutWith(poisson(60), { faults: [spikeOf(1000)] }),
      /sends 60 req\/s \(×1 000 by a traffic spike\)\. Lower the rate or add a queue limit\.$/,
    ],
  ];
  it.each(cases)('%s: calls queued at Gateway', budget(500_000, 0.003), (_what, scenario, tail) => {
    const { stop, liveCalls, pendingEvents } = runGuarded(scenario);
    expect(stop).toBeInstanceOf(BudgetError);
    expect(stop?.message).toMatch(QUEUED_AT_GATEWAY);
    expect(stop?.message).toMatch(tail);
    expect(stop).toMatchObject({ limit: 'queued', nodeIds: ['gateway', 'users'] });
    expect(liveCalls).toBeLessThanOrEqual(RUN_BUDGET.maxLiveCalls);
    expect(pendingEvents).toBeLessThanOrEqual(RUN_BUDGET.maxPendingEvents);
  });

  it(
    '100 000 users with no think time and a 1 µs timeout: calls on their way to Gateway',
    budget(500_000, 0.003),
    () => {
      const scenario = checkoutWith(
        { type: 'users', users: 100_000, thinkTimeMs: 0 },
        { timeoutMs: 0.001 },
      );
      const { stop, liveCalls, pendingEvents } = runGuarded(scenario);
      expect(stop).toBeInstanceOf(BudgetError);
      expect(stop?.message).toBe(
        'Stopped at 2 µs: 250 001 calls are on their way to Gateway — the client Users has 100 000 users with no think time who give up after 0.001 ms. Give the users some think time.',
      );
      expect(stop).toMatchObject({ limit: 'live-calls', timeMs: 0.002 });
      expect(liveCalls).toBe(RUN_BUDGET.maxLiveCalls + 1);
      expect(pendingEvents).toBeLessThanOrEqual(RUN_BUDGET.maxPendingEvents);
    },
  );

  it(
    'stops at the same event every time (a stop is part of the run)',
    budget(2 * 450_000, 0.003),
    () => {
      const scenario = () =>
        checkoutWith({ type: 'users', users: 100_000, thinkTimeMs: 0 }, { timeoutMs: 0.001 });
      const a = runGuarded(scenario());
      const b = runGuarded(scenario());
      expect(a.core.events).toBe(b.core.events);
      expect(a.stop?.message).toBe(b.stop?.message);
    },
  );
});

/** Client → one service, with caps small enough to pass in a few thousand events. */
function pair(
  client: Record<string, unknown>,
  service: Record<string, unknown>,
  faults = [],
  durationMs = 60_000,
) {
  return buildScenario({
    durationMs,
    nodes: [
      { id: 'c', kind: 'client', config: client },
      { id: 's', kind: 'service', config: service },
    ],
    edges: [{ source: 'c', target: 's' }],
    faults,
  });
}

describe('each cap, reached with small caps', () => {
  it('queued work at one node names the node, its pool and the client', () => {
    const { stop } = runGuarded(
      pair({ arrival: poisson(1000) }, { workers: 1, serviceTime: constant(10) }),
      { maxQueuedAtNode: 100 },
    );
    expect(stop?.message).toMatch(
      /^Stopped at [\d.]+ ms: 101 calls are queued at s \(1 worker, no queue limit\) — the client c sends 1 000 req\/s\. Lower the rate or add a queue limit\.$/,
    );
  });

  it('calls held by a hung node, whatever the caller timeouts: live calls', () => {
    const hang = { id: 'h', type: 'hang', target: 's', startMs: 1000, durationMs: null };
    const { stop, liveCalls } = runGuarded(
      pair({ arrival: poisson(100), timeoutMs: 500 }, { workers: 4, queueCapacity: 10 }, [
        hang,
      ] as never),
      { maxLiveCalls: 300 },
    );
    expect(liveCalls).toBe(301);
    // One of them is on its way: 300 are held, beside what holds them.
    expect(stop?.message).toMatch(
      /^Stopped at [\d.]+ s: 300 calls are held at s \(4 workers, queue limit 10; fault in force: hang\) — the client c sends 100 req\/s\. Lower the rate\.$/,
    );
  });

  it('scheduled events: the timers of a client with a long timeout', () => {
    const { stop } = runGuarded(
      pair({ arrival: poisson(1000), timeoutMs: 3_600_000 }, { workers: 100 }),
      { maxPendingEvents: 2000 },
    );
    expect(stop).toMatchObject({ limit: 'pending-events', nodeIds: ['c'] });
    expect(stop?.message).toMatch(
      /^Stopped at [\d.]+ s: 2 00[12] events are scheduled, \d[\d ]* of them at the client c, which sends 1 000 req\/s\. Lower the rate\.$/,
    );
  });

  it('events in one virtual second: where they happen and the client behind them', () => {
    const crash = { id: 'x', type: 'crash', target: 's', startMs: 0, durationMs: null };
    const { stop, core } = runGuarded(
      pair({ arrival: poisson(20_000) }, { workers: 1 }, [crash] as never),
      { maxEventsPerVirtualSecond: 10_000 },
    );
    expect(stop).toMatchObject({ limit: 'events-per-second', nodeIds: ['c'] });
    expect(stop?.message).toMatch(
      /^Stopped at [\d.]+ ms: more than 10 000 events in one second of virtual time, most of them at the client c, which sends 20 000 req\/s\. Lower the rate\.$/,
    );
    expect(core.nowUs).toBeLessThan(1_000_000);
  });

  // One second of 1 000 users sending every 10 ms: 100 000 requests, ~0.002 ms each.
  it(
    'a burst at one instant that ends is not a loop: the run goes on',
    budget(100_000, 0.004),
    () => {
      // 1 000 users start at once (two events each at 0 µs), are all answered 10 ms later and
      // send again (three events each): past the cap, but fewer than the guard watches.
      const { stop, core } = runGuarded(
        pair(
          { arrival: { type: 'users', users: 1000, thinkTimeMs: 0 } },
          { workers: 10_000, serviceTime: constant(10) },
          [],
          1000,
        ),
        { maxEventsPerInstant: 1000 },
      );
      expect(stop).toBeNull();
      expect(core.nowUs).toBeGreaterThanOrEqual(990_000);
    },
  );
});
