import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../create-simulation.ts';
import { constant } from '../testing/run.ts';
import { buildScenario } from '../testing/scenario-builder.ts';
import { clientConfigSchema } from './client.ts';

/** A client at `arrival` calling one service, with the trace's send times (ms) collected. */
function simulate(arrival: Record<string, unknown>, durationMs = 60_000) {
  const sentMs: number[] = [];
  const sim = createSimulation(
    buildScenario({
      durationMs,
      nodes: [
        { id: 'c', kind: 'client', config: { arrival } },
        { id: 's', kind: 'service', config: { serviceTime: constant(1) } },
      ],
      edges: [{ source: 'c', target: 's' }],
    }),
    {
      trace: (e) => {
        if (e.type === 'request.sent') sentMs.push(e.timeUs / 1000);
      },
    },
  );
  return { sim, sentMs };
}

/** Every number in the client's state is finite (JSON would turn Infinity into null). */
function clientStateIsFinite(sim: Simulation): boolean {
  const state = sim.snapshot().nodes.find((n) => n.id === 'c')?.state as Record<string, unknown>;
  return Object.values(state).every((v) => typeof v !== 'number' || Number.isFinite(v));
}

const setArrival = (sim: Simulation, arrival: Record<string, unknown>) =>
  sim.patch({ type: 'node-config', nodeId: 'c', config: { arrival } });

/** Every way to silence a client: each rate 0, or a closed loop of 0 users. */
const SILENT = {
  poisson: { type: 'poisson', ratePerSec: 0 },
  constant: { type: 'constant', ratePerSec: 0 },
  ramp: { type: 'ramp', fromPerSec: 0, toPerSec: 0, rampMs: 10_000 },
  burst: { type: 'burst', baseRatePerSec: 0, burstRatePerSec: 0, offMs: 900, onMs: 100 },
  users: { type: 'users', users: 0, thinkTimeMs: 100 },
} as const;

describe('a silenced client (rate 0, or 0 users)', () => {
  for (const [type, arrival] of Object.entries(SILENT)) {
    it(`${type}: the schema accepts it, and 60 s send nothing and process no event`, () => {
      expect(clientConfigSchema.safeParse({ arrival }).success).toBe(true);
      const { sim, sentMs } = simulate(arrival);
      sim.runToEnd();
      const summary = sim.summary();
      expect(sentMs).toEqual([]);
      // Not one arrival timer was scheduled (none at Infinity either: the run just ends).
      expect(summary.events).toBe(0);
      expect(summary.clients['c']).toMatchObject({ sent: 0, succeeded: 0, inFlight: 0 });
      expect(summary.nodes['s']?.arrivals).toBe(0);
      expect(summary.conservation).toMatchObject({ ok: true, violations: [] });
      expect(clientStateIsFinite(sim)).toBe(true);
    });
  }

  it('still refuses negative rates and user counts, naming the field', () => {
    const paths = (arrival: unknown) =>
      clientConfigSchema.safeParse({ arrival }).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ type: 'poisson', ratePerSec: -1 })).toEqual(['arrival.ratePerSec']);
    expect(paths({ ...SILENT.burst, burstRatePerSec: -1 })).toEqual(['arrival.burstRatePerSec']);
    expect(paths({ ...SILENT.users, users: -1 })).toEqual(['arrival.users']);
  });

  for (const type of ['poisson', 'constant'] as const) {
    it(`${type} 10/s → 0 at 2.05 s → 10/s at 5.05 s: silent in between, then the traffic resumes`, () => {
      const { sim, sentMs } = simulate({ type, ratePerSec: 10 }, 8000);
      sim.advanceTo(2050);
      const before = sentMs.length;
      expect(setArrival(sim, { type, ratePerSec: 0 })).toEqual({ ok: true });
      sim.advanceTo(5050);
      expect(sentMs.length).toBe(before);
      // The silent client's state stays plain JSON (no gap of Infinity kept as an anchor).
      expect(clientStateIsFinite(sim)).toBe(true);
      expect(setArrival(sim, { type, ratePerSec: 10 })).toEqual({ ok: true });
      sim.runToEnd();
      expect(sentMs.filter((t) => t > 2050 && t < 5050)).toEqual([]);
      const resumed = sentMs.filter((t) => t >= 5050);
      if (type === 'constant') {
        // The rhythm restarts at the edit: exactly 10 per second from 5050 ms.
        expect(resumed).toEqual(Array.from({ length: 30 }, (_, k) => 5050 + k * 100));
      } else {
        expect(resumed.length).toBeGreaterThan(10);
      }
      expect(sim.summary().conservation.ok).toBe(true);
    });
  }

  it('a traffic spike on a silent client leaves it silent (0 × multiplier is still 0)', () => {
    const { sim, sentMs } = simulate(SILENT.constant, 10_000);
    sim.patch({
      type: 'fault-add',
      fault: {
        id: 'spike',
        target: 'c',
        type: 'traffic-spike',
        multiplier: 5,
        startMs: 0,
        durationMs: null,
      },
    });
    sim.runToEnd();
    expect(sentMs).toEqual([]);
    expect(sim.summary().conservation.ok).toBe(true);
  });
});
