import { describe, expect, it } from 'vitest';
import { kindInfo } from '../../store/index.ts';
import { liveFault } from './live-faults.ts';
import { EDGE_TOGGLES, NODE_TOGGLES, nodeToggles, SOURCE_TOGGLES } from './toggle-specs.ts';

describe('fault toggles come from the fault-type registry', () => {
  it('gives an ordinary node the usual toggles only', () => {
    expect(nodeToggles([])).toBe(NODE_TOGGLES);
    expect(nodeToggles(kindInfo('service')?.kindFaults ?? []).map((s) => s.type)).toEqual([
      'crash',
      'hang',
      'error-rate',
      'latency',
      'capacity',
    ]);
    expect(SOURCE_TOGGLES.map((s) => s.type)).toEqual(['traffic-spike']);
    expect(EDGE_TOGGLES.map((s) => s.type)).toEqual(['partition', 'edge-latency']);
  });

  it('describes each main parameter from its schema: title, unit, scale and bounds', () => {
    const byType = new Map(
      [...NODE_TOGGLES, ...SOURCE_TOGGLES, ...EDGE_TOGGLES].map((s) => [s.type, s]),
    );
    expect(byType.get('error-rate')).toMatchObject({
      label: 'Error %',
      initial: 0.5,
      param: { name: 'rate', label: 'Error rate', unit: '%', scale: 100, min: 0, max: 1 },
    });
    expect(byType.get('latency')?.param).toMatchObject({ name: 'addMs', unit: 'ms', min: 0 });
    expect(byType.get('latency')?.initial).toBe(200);
    expect(byType.get('capacity')).toMatchObject({ initial: 0.5, param: { name: 'factor' } });
    expect(byType.get('traffic-spike')?.param).toMatchObject({
      name: 'multiplier',
      unit: '×',
      min: 0,
      exclusiveMin: true,
    });
    expect(byType.get('edge-latency')).toMatchObject({
      initial: 100,
      param: { exclusiveMin: true },
    });
    expect(byType.get('crash')).toMatchObject({ param: null, initial: null });
  });

  it('adds the legacy-format toggle on a legacy system, reading the fault’s rate', () => {
    const specs = nodeToggles(kindInfo('legacy-system')?.kindFaults ?? []);
    const legacy = specs.at(-1);
    expect(legacy?.type).toBe('legacy-format');
    expect(legacy?.param).toMatchObject({ name: 'rate', label: 'Undocumented answers', unit: '%' });
    // The field the toggle reads back is the one the fault it adds carries.
    const fault = liveFault('legacy-format', 'crm', 0, { key: 'rate', value: 0.3 });
    expect(fault['rate']).toBe(0.3);
  });
});
