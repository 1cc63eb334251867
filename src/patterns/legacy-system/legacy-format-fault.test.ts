import { describe, expect, it } from 'vitest';
import { parseFault } from '../../engine/index.ts';
import { REGISTRY } from '../registry.ts';
import { legacyFormatFault, legacyFormatShare } from './legacy-format-fault.ts';
import { legacySystemKind } from './legacy-system.ts';

const base = { id: 'f', target: 'crm', startMs: 0 };

function messages(input: unknown): string[] {
  const r = parseFault(input, REGISTRY);
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('legacy-format fault', () => {
  it('is registered by the legacy system that declares it', () => {
    expect(legacySystemKind.kindFaults).toContain(legacyFormatFault);
    expect(REGISTRY.faultType('legacy-format')).toBe(legacyFormatFault);
    expect(legacyFormatFault.targets).toBe('kind');
  });

  it('needs a rate between 0 and 1', () => {
    const ok = parseFault({ ...base, type: 'legacy-format', rate: 0.05 }, REGISTRY);
    expect(ok.ok && ok.fault).toEqual({
      ...base,
      type: 'legacy-format',
      durationMs: null,
      rate: 0.05,
    });
    expect(messages({ ...base, type: 'legacy-format', rate: 1.5 })).toEqual([
      'rate: must be a number ≤ 1 (got 1.5)',
    ]);
    expect(messages({ ...base, type: 'legacy-format', rate: -0.1 })).toEqual([
      'rate: must be a number ≥ 0 (got -0.1)',
    ]);
    expect(messages({ ...base, type: 'legacy-format' })).toEqual(['rate: is required (a number)']);
    expect(messages({ ...base, type: 'legacy-format', rate: 0.1, factor: 1 })[0]).toMatch(
      /^: unknown field "factor"/,
    );
  });

  it('folds to the largest active share, read back through its own helper', () => {
    const state = { custom: {} } as Parameters<typeof legacyFormatShare>[0];
    expect(legacyFormatShare(state)).toBe(0);
    legacyFormatFault.foldNode?.(state, { rate: 0.2 });
    legacyFormatFault.foldNode?.(state, { rate: 0.05 });
    expect(legacyFormatShare(state)).toBe(0.2);
    expect(legacyFormatFault.summary({ rate: 0.125 })).toBe('Legacy format 12.5% undocumented');
  });
});
