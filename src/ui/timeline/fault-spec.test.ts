import { describe, expect, it } from 'vitest';
import type { SimFault } from '../../scenario/index.ts';
import {
  defaultWindow,
  draftFault,
  FAULT_TYPES,
  faultAriaLabel,
  faultTitle,
  newFaultId,
  retypeFault,
  targetLabel,
  targetOptions,
  type FaultGraph,
} from './fault-spec.ts';

const graph: FaultGraph = {
  nodes: [
    { id: 'users', label: 'Users' },
    { id: 'orders', label: undefined },
    { id: 'db', label: 'Orders DB' },
  ],
  edges: [
    { id: 'e1', source: 'users', target: 'orders', label: undefined },
    { id: 'e2', source: 'orders', target: 'db', label: 'sql' },
  ],
  sources: new Set(['users']),
};

const crash: SimFault = {
  id: 'f1',
  target: 'orders',
  type: 'crash',
  startMs: 30_000,
  durationMs: 20_000,
};

describe('labels', () => {
  it('names targets by label, edges by their ends', () => {
    expect(targetLabel(graph, 'orders')).toBe('orders');
    expect(targetLabel(graph, 'db')).toBe('Orders DB');
    expect(targetLabel(graph, 'e1')).toBe('Users → orders');
    expect(targetLabel(graph, 'e2')).toBe('sql');
    expect(targetLabel(graph, 'gone')).toBe('gone');
  });

  it('titles bars and gives them an accessible name', () => {
    expect(faultTitle(crash, graph)).toBe('crash · orders');
    expect(faultAriaLabel(crash, graph, 120_000)).toBe('crash on orders from 30 s to 50 s');
    expect(faultAriaLabel({ ...crash, durationMs: null }, graph, 120_000)).toBe(
      'crash on orders from 30 s until the end',
    );
  });
});

describe('targets', () => {
  it('offers nodes (services first), edges, or sources by type', () => {
    expect(targetOptions(graph, 'crash').map((o) => o.id)).toEqual(['orders', 'db', 'users']);
    expect(targetOptions(graph, 'partition').map((o) => o.id)).toEqual(['e1', 'e2']);
    expect(targetOptions(graph, 'traffic-spike').map((o) => o.id)).toEqual(['users']);
  });

  it('offers a kind-specific fault only on nodes whose kind reacts to it', () => {
    expect(targetOptions(graph, 'legacy-format')).toEqual([]);
    const withCrm: FaultGraph = {
      ...graph,
      nodes: [...graph.nodes, { id: 'crm', label: 'CRM' }],
      kindFaults: new Map([
        ['crm', ['legacy-format']],
        ['orders', []],
      ]),
    };
    expect(targetOptions(withCrm, 'legacy-format')).toEqual([{ id: 'crm', label: 'CRM' }]);
    expect(targetOptions(withCrm, 'crash').map((o) => o.id)).toContain('crm');
  });

  it('covers every fault type', () => {
    expect(FAULT_TYPES).toHaveLength(11);
    expect(FAULT_TYPES).toContain('legacy-format');
  });
});

describe('new faults', () => {
  it('takes the first free id', () => {
    expect(newFaultId([])).toBe('f1');
    expect(newFaultId([{ id: 'f1' }, { id: 'f3' }])).toBe('f2');
  });

  it('starts at the current second or 10 s, lasts 20 s, stays inside the run', () => {
    expect(defaultWindow(0, 120_000)).toEqual({ startMs: 10_000, durationMs: 20_000 });
    expect(defaultWindow(42_345, 120_000)).toEqual({ startMs: 42_000, durationMs: 20_000 });
    expect(defaultWindow(110_500, 120_000)).toEqual({ startMs: 110_000, durationMs: 10_000 });
    expect(defaultWindow(119_500, 120_000)).toEqual({ startMs: 10_000, durationMs: 20_000 });
    expect(defaultWindow(0, 8_000)).toEqual({ startMs: 4_000, durationMs: 4_000 });
  });

  it('drafts a fault with defaults for its type', () => {
    expect(draftFault('error-rate', graph, [crash], 0, 120_000)).toEqual({
      id: 'f2',
      target: 'orders',
      type: 'error-rate',
      startMs: 10_000,
      durationMs: 20_000,
      rate: 0.5,
    });
    expect(draftFault('partition', { ...graph, edges: [] }, [], 0, 120_000)).toBeNull();
    // Nothing in this graph reacts to a legacy-format fault.
    expect(draftFault('legacy-format', graph, [], 0, 120_000)).toBeNull();
  });

  it('retypes keeping the window and, when valid, the target', () => {
    expect(retypeFault(crash, 'latency', graph)).toEqual({
      ...crash,
      type: 'latency',
      addMs: 200,
      multiplier: 1,
    });
    expect(retypeFault(crash, 'partition', graph)?.target).toBe('e1');
    const crm = { ...graph, kindFaults: new Map([['db', ['legacy-format'] as const]]) };
    expect(retypeFault(crash, 'legacy-format', crm)).toEqual({
      ...crash,
      target: 'db',
      type: 'legacy-format',
      rate: 0.1,
    });
    expect(faultTitle({ ...crash, type: 'legacy-format', rate: 0.1 }, graph)).toBe(
      'legacy format · orders',
    );
  });
});
