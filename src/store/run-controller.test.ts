import { describe, expect, it } from 'vitest';
import { defaultScenario, REGISTRY } from '../scenario/index.ts';
import { livePatches } from './run-controller.ts';
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
});
