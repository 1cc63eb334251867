import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSimulation, type Simulation } from './index.ts';
import { clientKind } from './model/client.ts';
import { foldNodeFaults } from './model/fault-state.ts';
import { defineFaultType } from './model/fault-type.ts';
import { createRegistry, type KindDefinition } from './model/kind.ts';
import type { SimFault } from './model/scenario-types.ts';
import { serviceKind } from './model/service.ts';
import { buildScenario } from './testing/scenario-builder.ts';

// A kind-specific fault type, declared the way a pattern folder declares one: the "odd" fault
// folds the largest active rate into `custom.odd`. A probe kind that lists it answers 10 ms
// after each call and fails with "odd" that share of them, so with rate 1 every count is
// exact. A client sends 10 req/s (0, 100, … 9900 ms) for 10 s.

const oddFault = defineFaultType({
  type: 'odd',
  label: 'odd answers',
  targets: 'kind',
  params: z.strictObject({ rate: z.number().min(0).max(1) }),
  summary: (p) => `Odd ${p.rate}`,
  badge: 'odd',
  foldNode(s, p) {
    s.custom['odd'] = Math.max(s.custom['odd'] ?? 0, p.rate);
  },
});

const probeKind: KindDefinition<Record<string, never>, null> = {
  kind: 'probe',
  label: 'Probe',
  category: 'compute',
  description: 'Answers after 10 ms; fails "odd" while a legacy-format fault is active.',
  configSchema: z.strictObject({}),
  kindFaults: [oddFault],
  metrics: [],
  init: () => null,
  onCall(ctx, node, call) {
    ctx.setTimer(node.index, 10_000, 1, call);
  },
  onTimer(ctx, node, _tag, call) {
    if (!call) return;
    const rate = ctx.faults(node.index).custom['odd'] ?? 0;
    const odd = ctx.rng(node.index, 'formats').chance(rate);
    ctx.respond(call, !odd, odd ? 'odd' : undefined);
  },
};

const registry = createRegistry([clientKind, serviceKind, probeKind]);

function pair(faults: SimFault[] = [], target: 'probe' | 'service' = 'probe'): Simulation {
  return createSimulation(
    buildScenario(
      {
        durationMs: 10_000,
        nodes: [
          { id: 'c', kind: 'client', config: { arrival: { type: 'constant', ratePerSec: 10 } } },
          { id: 'p', kind: target },
        ],
        edges: [{ id: 'e', source: 'c', target: 'p' }],
        faults,
      },
      registry,
    ),
    { registry },
  );
}

const legacy = (id: string, rate: number, startMs: number, durationMs: number | null) =>
  ({ id, target: 'p', type: 'odd', rate, startMs, durationMs }) as const;

/** Failures "odd" per 1 s window of the probe. */
const oddPerSecond = (sim: Simulation) => sim.series('p', 'recent').fields['failed:odd'] ?? [];

describe('a kind-specific fault type', () => {
  it('folds to the largest active rate; 0 without one', () => {
    const lookup = (type: string) => registry.faultType(type);
    expect(foldNodeFaults([], lookup).custom).toEqual({});
    expect(
      foldNodeFaults([legacy('a', 0.2, 0, null), legacy('b', 0.05, 0, null)], lookup),
    ).toMatchObject({ custom: { odd: 0.2 }, errorRate: 0 });
  });

  it('applies from its start and ends on schedule: rate 1 in [3000, 5000) fails 20 answers', () => {
    const sim = pair([legacy('f', 1, 3000, 2000)]);
    sim.advanceTo(3500);
    expect(sim.snapshot().activeFaults).toEqual(['f']);
    sim.runToEnd();
    expect(sim.snapshot().activeFaults).toEqual([]);
    // Answers at 3010 … 4910 ms fall inside the window (calls of 3000 … 4900 ms); the answer
    // of the call of 2900 ms comes at 2910 ms, before it.
    expect(sim.nodeDetail('p').failed).toEqual({ odd: 20 });
    expect(oddPerSecond(sim)).toEqual([0, 0, 0, 10, 10, 0, 0, 0, 0, 0]);
    expect(sim.conservation().ok).toBe(true);
  });

  it('a partial rate fails about that share, and the telemetry names it', () => {
    const sim = pair([legacy('f', 0.3, 0, null)]);
    sim.advanceTo(5000);
    expect(sim.drainFrame().nodes.find((n) => n.id === 'p')?.faults).toEqual(['odd']);
    sim.runToEnd();
    const odd = sim.nodeDetail('p').failed['odd'] ?? 0;
    expect(odd).toBeGreaterThan(15);
    expect(odd).toBeLessThan(45);
  });

  it('toggles live: added at 3000 ms and removed at 4000 ms, it fails the 10 answers between', () => {
    const sim = pair();
    sim.advanceTo(3000);
    expect(sim.patch({ type: 'fault-add', fault: legacy('x', 1, 3000, null) })).toEqual({
      ok: true,
    });
    sim.advanceTo(4000);
    expect(sim.snapshot().activeFaults).toEqual(['x']);
    expect(sim.patch({ type: 'fault-remove', faultId: 'x' })).toEqual({ ok: true });
    sim.runToEnd();
    // Answers at 3010 … 3910 ms; the call of 4000 ms is answered at 4010 ms, after the remove.
    expect(sim.nodeDetail('p').failed).toEqual({ odd: 10 });
    expect(sim.conservation().ok).toBe(true);
  });

  it('is registered by the kind that lists it', () => {
    expect(registry.faultType('odd')).toBe(oddFault);
    expect(registry.faultTypes().at(-1)).toBe(oddFault);
  });

  it('refuses a live one with a bad rate or on a kind that ignores it, naming the field', () => {
    const sim = pair();
    expect(sim.patch({ type: 'fault-add', fault: legacy('x', 1.5, 0, null) })).toEqual({
      ok: false,
      errors: ['fault x.rate: must be a number ≤ 1 (got 1.5)'],
    });
    const plain = pair([], 'service');
    expect(plain.patch({ type: 'fault-add', fault: legacy('x', 0.5, 0, null) })).toEqual({
      ok: false,
      errors: [
        'fault x.target: an odd fault only affects nodes of kind "probe", but node "p" is of kind "service"',
      ],
    });
  });
});
