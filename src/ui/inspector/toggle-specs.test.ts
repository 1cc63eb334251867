import { describe, expect, it } from 'vitest';
import { kindInfo } from '../../store/index.ts';
import { liveFault, LIVE_DEFAULTS } from './live-faults.ts';
import { NODE_TOGGLES, nodeToggles } from './toggle-specs.ts';

describe('nodeToggles', () => {
  it('gives an ordinary node the usual toggles only', () => {
    expect(nodeToggles([])).toBe(NODE_TOGGLES);
    expect(nodeToggles(kindInfo('service')?.kindFaults ?? []).map((s) => s.type)).toEqual([
      'crash',
      'hang',
      'error-rate',
      'latency',
      'capacity',
    ]);
  });

  it('adds the legacy-format toggle on a legacy system, reading the fault’s rate', () => {
    const specs = nodeToggles(kindInfo('legacy-system')?.kindFaults ?? []);
    expect(specs.map((s) => s.type).at(-1)).toBe('legacy-format');
    const legacy = specs.at(-1);
    expect(legacy?.param).toMatchObject({ key: 'formatRate', field: 'rate', unit: '%' });
    // The param key is its own, so the error-rate toggle beside it keeps its value apart.
    const keys = specs.flatMap((s) => (s.param ? [s.param.key] : []));
    expect(new Set(keys).size).toBe(keys.length);
    // The field the toggle reads back is the one the fault it adds carries.
    const fault = liveFault('legacy-format', 'crm', 0, LIVE_DEFAULTS) as unknown as Record<
      string,
      unknown
    >;
    expect(fault[legacy?.param?.field ?? '']).toBe(LIVE_DEFAULTS.formatRate);
  });
});
