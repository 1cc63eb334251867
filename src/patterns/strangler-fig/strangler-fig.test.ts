import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import { createSimulation, type TraceEvent } from '../../engine/index.ts';
import { buildScenario, type EdgeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { stickyBucket } from './split.ts';
import { stranglerFigKind } from './strangler-fig.ts';

/** One strangler run: ≤ 350 ms here. Each test runs at most 3. */
const RUN_MS = 500;

/**
 * Client (Poisson 1000/s, paths /a /b /c /other equally likely) → strangler "s" → legacy
 * "old" and new "new" (services, constant 1 ms, plenty of workers), edges in that order.
 */
function build(
  strangler: Record<string, unknown>,
  client: Record<string, unknown> = {},
  edges?: EdgeSpec[],
) {
  const svc = (id: string) => ({
    id,
    kind: 'service',
    config: { workers: 100, serviceTime: { type: 'constant', valueMs: 1 } },
  });
  return buildScenario(
    {
      seed: 4,
      durationMs: 10_000,
      nodes: [
        {
          id: 'c',
          kind: 'client',
          config: {
            arrival: { type: 'poisson', ratePerSec: 1000 },
            routes: [{ path: '/a/1' }, { path: '/b' }, { path: '/c' }, { path: '/other' }],
            ...client,
          },
        },
        { id: 's', kind: 'strangler-fig', config: strangler },
        svc('old'),
        svc('new'),
      ],
      edges: edges ?? [
        { source: 'c', target: 's' },
        { source: 's', target: 'old' },
        { source: 's', target: 'new' },
      ],
    },
    REGISTRY,
  );
}

const ROUTES = [
  { prefix: '/a', percentToNew: 100 },
  { prefix: '/b', percentToNew: 30 },
  { prefix: '/c', percentToNew: 0 },
];

const newShare = (m: Record<string, number>, prefix: string) =>
  (m[`route.${prefix}.new`] ?? 0) /
  ((m[`route.${prefix}.new`] ?? 0) + (m[`route.${prefix}.legacy`] ?? 0));

describe('strangler-fig kind', budget(3, RUN_MS), () => {
  it('is registered in the deployment category with a JSON-schema-able config', () => {
    expect(REGISTRY.get('strangler-fig')).toBe(stranglerFigKind);
    expect(stranglerFigKind.category).toBe('deployment');
    expect(() => z.toJSONSchema(stranglerFigKind.configSchema, { io: 'input' })).not.toThrow();
  });

  it('per-route percentages: /a 100 %, /b ≈ 30 % (sticky by user), /c 0 %, unmatched → legacy', () => {
    const sim = createSimulation(build({ routes: ROUTES }, { userCount: 10_000 }), {
      registry: REGISTRY,
    });
    sim.runToEnd();
    expect(sim.conservation().ok).toBe(true);
    const s = sim.nodeDetail('s');
    const m = s.metrics;
    expect(m['route./a.legacy'] ?? 0).toBe(0);
    expect(m['route./c.new'] ?? 0).toBe(0);
    expect(Math.abs(newShare(m, '/b') - 0.3)).toBeLessThan(0.03);
    expect(m['unmatched']).toBe(m['route.(unmatched).legacy']);
    expect((m['toNew'] ?? 0) + (m['toLegacy'] ?? 0)).toBe(s.arrivals);
    expect(sim.nodeDetail('new').arrivals).toBe(m['toNew']);
    expect(sim.nodeDetail('old').arrivals).toBe(m['toLegacy']);
    expect(s.failed).toEqual({});
  });

  it('sticky: one user always lands on the same side; without sticky the split is random', () => {
    // User 0's fixed place decides: just above it → all new, at it → all legacy.
    const place = stickyBucket(0);
    const share = (percentToNew: number, sticky: boolean) => {
      const sim = createSimulation(
        build({ routes: [{ prefix: '/', percentToNew }], sticky }, { userCount: 1 }),
        { registry: REGISTRY },
      );
      sim.runToEnd();
      const m = sim.nodeDetail('s').metrics;
      return (m['toNew'] ?? 0) / sim.nodeDetail('s').arrivals;
    };
    expect(share(Math.min(100, place + 0.01), true)).toBe(1);
    expect(share(place, true)).toBe(0);
    expect(Math.abs(share(50, false) - 0.5)).toBeLessThan(0.03);
  });

  it('a rollback planned in the document: /a goes to the new system until 5 s, then to legacy', () => {
    const routes = [{ prefix: '/a', percentToNew: 100, rollbackAtMs: 5000 }];
    const sim = createSimulation(build({ routes }), { registry: REGISTRY });
    sim.advanceTo(5000);
    const before = { ...sim.nodeDetail('s').metrics };
    expect(before['route./a.new']).toBeGreaterThan(1000);
    expect(before['route./a.legacy'] ?? 0).toBe(0);
    sim.runToEnd();
    const after = sim.nodeDetail('s').metrics;
    expect(after['route./a.new']).toBe(before['route./a.new']);
    expect(after['route./a.legacy']).toBeGreaterThan(1000);
    // Planned, not edited: no live route change is counted.
    expect(after['configChanges'] ?? 0).toBe(0);
    expect(sim.conservation().ok).toBe(true);
  });

  it('a live edit applies from that moment: /b 30 % → 100 % at 5 s, /a rolled back to 0 %', () => {
    const events: TraceEvent[] = [];
    const sim = createSimulation(build({ routes: ROUTES }), {
      registry: REGISTRY,
      trace: (e) => {
        if (e.type.startsWith('strangler.')) events.push(e);
      },
    });
    sim.advanceTo(5000);
    const before = { ...sim.nodeDetail('s').metrics };
    const patched = sim.patch({
      type: 'node-config',
      nodeId: 's',
      config: {
        routes: [
          { prefix: '/a', percentToNew: 0 },
          { prefix: '/b', percentToNew: 100 },
          { prefix: '/c', percentToNew: 0 },
        ],
      },
    });
    expect(patched).toEqual({ ok: true });
    sim.runToEnd();
    const after = sim.nodeDetail('s').metrics;
    const grew = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
    expect(grew('route./a.new')).toBe(0);
    expect(grew('route./a.legacy')).toBeGreaterThan(1000);
    expect(grew('route./b.legacy')).toBe(0);
    expect(grew('route./b.new')).toBeGreaterThan(1000);
    expect(after['configChanges']).toBe(1);
    expect(events.map((e) => e.detail)).toEqual(['/a 100% → 0%', '/b 30% → 100%']);
    expect(stranglerFigKind.stateLabel?.({ config: { routes: ROUTES } } as never)).toEqual({
      text: '1/3 MIGRATED',
      tone: 'warn',
    });
    expect(sim.conservation().ok).toBe(true);
  });

  it('targets by node id; a missing new target answers no-route only for traffic sent to it', () => {
    const sim = createSimulation(
      build({ routes: ROUTES, legacyTarget: 'old', newTarget: 'ghost' }, {}, [
        { source: 'c', target: 's' },
        { source: 's', target: 'new' },
        { source: 's', target: 'old' },
      ]),
      { registry: REGISTRY },
    );
    sim.runToEnd();
    const s = sim.nodeDetail('s');
    expect(sim.nodeDetail('new').arrivals).toBe(0);
    expect(s.failed['no-route']).toBe(s.metrics['noRoute']);
    expect(sim.nodeDetail('old').arrivals).toBe(s.metrics['toLegacy']);
    expect(s.metrics['route./a.legacy'] ?? 0).toBe(0);
  });

  it('relays failures and counts them per route', () => {
    const sim = createSimulation(
      {
        ...build({ routes: ROUTES }),
        faults: [
          { id: 'bug', type: 'error-rate', target: 'new', startMs: 0, durationMs: null, rate: 1 },
        ],
      },
      { registry: REGISTRY },
    );
    sim.runToEnd();
    const m = sim.nodeDetail('s').metrics;
    const newErrors = sim.nodeDetail('new').failed['error'] ?? 0;
    expect(newErrors).toBeGreaterThan(3000);
    expect((m['route./a.failed'] ?? 0) + (m['route./b.failed'] ?? 0)).toBe(newErrors);
    expect(m['route./c.failed'] ?? 0).toBe(0);
    expect(m['route./c.ok']).toBeGreaterThan(2000);
    expect(sim.nodeDetail('c').failed).toEqual({ error: newErrors });
  });
});
