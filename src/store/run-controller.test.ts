import { describe, expect, it } from 'vitest';
import type { SimScenario } from '../engine/index.ts';
import { defaultScenario, REGISTRY } from '../scenario/index.ts';
import { createAppStore } from './app-store.ts';
import { validateScenario } from './create-stores.ts';
import { createRunController, livePatches } from './run-controller.ts';
import { createTelemetryStore } from './telemetry-store.ts';
import { upsertFault, updateNode } from './document-edits.ts';

describe('livePatches', () => {
  it('turns config and fault edits into patches at the current time', () => {
    const a = defaultScenario(REGISTRY);
    const orders = a.nodes.find((n) => n.id === 'orders');
    const b = updateNode(a, 'orders', { config: { ...orders?.config, workers: 8 } });
    const c = upsertFault(b, {
      id: 'x',
      target: 'catalog',
      type: 'crash',
      startMs: 5000,
      durationMs: null,
    });
    expect(livePatches(a, c)).toEqual([
      { type: 'node-config', nodeId: 'orders', config: expect.objectContaining({ workers: 8 }) },
      { type: 'fault-add', fault: expect.objectContaining({ id: 'x', type: 'crash' }) },
    ]);
    const d = { ...c, faults: c.faults.filter((f) => f.id !== 'slow-orders-db') };
    expect(livePatches(c, d)).toEqual([{ type: 'fault-remove', faultId: 'slow-orders-db' }]);
  });

  it('produces nothing when only positions or labels changed', () => {
    const a = defaultScenario(REGISTRY);
    const b = updateNode(a, 'orders', { label: 'Orders v2' });
    expect(livePatches(a, b)).toEqual([]);
  });

  it('patches only what an edit changed, though the validator returns every object anew', () => {
    // What the store commits: the whole document re-parsed, each config and fault a new object.
    const validated = (s: SimScenario) => {
      const r = validateScenario(s);
      if (!r.ok) throw new Error(r.errors.join('; '));
      return r.scenario;
    };
    const a = validated(defaultScenario(REGISTRY));
    const orders = a.nodes.find((n) => n.id === 'orders');
    const b = validated(updateNode(a, 'orders', { config: { ...orders?.config, workers: 8 } }));
    // Not every node and edge again, nor every fault removed and added back: re-applying a
    // config restarts a client's arrivals, and re-adding a fault restarts it.
    expect(livePatches(a, b)).toEqual([
      { type: 'node-config', nodeId: 'orders', config: expect.objectContaining({ workers: 8 }) },
    ]);
    expect(livePatches(a, validated(a))).toEqual([]);
  });
});

describe('reloading a run', () => {
  it('loads the new run before the charts are told to ask again, so they ask the new run', () => {
    const log: string[] = [];
    const host = {
      kind: 'inline' as const,
      load: () => void log.push('load'),
      play: () => undefined,
      pause: () => undefined,
      step: () => undefined,
      setSpeed: () => undefined,
      runToEnd: () => undefined,
      reset: () => undefined,
      patch: () => Promise.resolve({ ok: true as const }),
      series: () => Promise.reject(new Error('not used')),
      onFrame: () => () => undefined,
      dispose: () => undefined,
    };
    const app = createAppStore({
      initial: defaultScenario(REGISTRY),
      validate: validateScenario,
      canConnect: () => ({ ok: true }),
    });
    const telemetry = createTelemetryStore();
    // The charts ask for the series when the telemetry is cleared.
    telemetry.subscribe((s, prev) => {
      if (s.frameSeq !== prev.frameSeq) log.push('charts ask');
    });
    const run = createRunController(app, telemetry, host);
    log.length = 0;
    run.reset();
    expect(log).toEqual(['load', 'charts ask']);
    run.dispose();
  });
});
