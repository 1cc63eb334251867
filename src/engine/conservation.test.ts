import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from './create-simulation.ts';
import { buildScenario } from './testing/scenario-builder.ts';
import { randomTopology } from './testing/random-scenario.ts';
import { CallPool, CallPhase } from './model/call.ts';
import { NodeStats } from './metrics/node-stats.ts';
import { checkConservation } from './conservation.ts';

const RUNS = 500;

describe('conservation: sent = succeeded + failed by cause + in flight', () => {
  it(
    `holds at every frame and at the end over ${RUNS} random topologies and fault schedules`,
    () => {
      let totalSent = 0;
      fc.assert(
        fc.property(
          randomTopology,
          fc.array(fc.integer({ min: 1, max: 3000 }), { maxLength: 4 }),
          (spec, frames) => {
            const sim = createSimulation(buildScenario(spec));
            for (const t of [...frames].sort((a, b) => a - b)) {
              sim.advanceTo(t);
              sim.drainFrame(); // throws ConservationError on any broken identity
            }
            sim.runToEnd();
            const s = sim.summary();
            expect(s.conservation.ok).toBe(true);
            for (const [id, c] of Object.entries(s.clients)) {
              const failed = Object.values(c.failed).reduce((a, b) => a + b, 0);
              expect(c.sent, id).toBe(c.succeeded + failed + c.inFlight);
              totalSent += c.sent;
            }
            for (const [id, n] of Object.entries(s.nodes)) {
              const failed = Object.values(n.failed).reduce((a, b) => a + b, 0);
              expect(n.arrivals, id).toBe(
                n.completed + failed + (s.conservation.inFlight[id] ?? -1),
              );
            }
          },
        ),
        { numRuns: RUNS },
      );
      expect(totalSent).toBeGreaterThan(100_000); // the runs carried real traffic
    },
    RUNS * 100,
  );

  it('detects a lost call: the check counts in-flight from the live calls themselves', () => {
    const stats = [new NodeStats({ windowMs: 1000, recentCapacity: 4, maxPoints: 8 })];
    const pool = new CallPool();
    stats[0]?.recordArrival(0); // counted as arrived, but no live call is at the node
    const report = checkConservation(['svc'], [false], stats, pool, 0);
    expect(report.ok).toBe(false);
    expect(report.violations[0]).toMatch(
      /svc: arrivals 1 ≠ succeeded 0 \+ failed 0 \+ in flight 0/,
    );
    const call = pool.allocate();
    call.phase = CallPhase.AtNode;
    call.to = 0;
    expect(checkConservation(['svc'], [false], stats, pool, 0).ok).toBe(true);
  });

  it('fails loudly when a kind answers a call twice', () => {
    const sim = createSimulation(
      buildScenario({
        durationMs: 1000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
          { id: 's', kind: 'service' },
        ],
        edges: [{ source: 'c', target: 's' }],
      }),
      {
        registry: {
          get: (k) =>
            k === 'service'
              ? {
                  kind: 'service',
                  label: 'bad',
                  category: 'compute',
                  description: '',
                  configSchema: { safeParse: () => ({}) } as never,
                  metrics: [],
                  init: () => null,
                  onCall: (ctx, _node, call) => {
                    ctx.respond(call, true);
                    ctx.respond(call, true);
                  },
                }
              : buildRegistryClient(),
          kinds: () => [],
        },
      },
    );
    expect(() => sim.runToEnd()).toThrow(/Conservation violated: call \d+ at s answered/);
  });
});

import { clientKind } from './model/client.ts';
function buildRegistryClient() {
  return clientKind;
}
