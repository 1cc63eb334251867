import { describe, expect, it } from 'vitest';
import { REGISTRY } from '../patterns/index.ts';
import { findBuiltin } from './builtins/index.ts';
import { toDocument } from './document.ts';
import { parseScenario } from './validate.ts';

// The legacy-format fault is kind-specific: only kinds listing it in `kindFaults` react to it.

function aclDocument(): ReturnType<typeof toDocument> {
  const builtin = findBuiltin('anti-corruption-layer');
  if (!builtin) throw new Error('no anti-corruption-layer built-in');
  return toDocument(builtin.build('with'));
}

function withFault(fault: Record<string, unknown>) {
  const doc = aclDocument();
  return parseScenario({ ...doc, faults: [{ id: 'f', startMs: 0, ...fault }] }, REGISTRY);
}

describe('legacy-format faults in documents', () => {
  it('the built-in carries one, and it round-trips through the document format', () => {
    const result = parseScenario(aclDocument(), REGISTRY);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.faults).toEqual([
      {
        id: 'crm-legacy-format',
        type: 'legacy-format',
        target: 'legacy-crm',
        startMs: 30_000,
        durationMs: 60_000,
        rate: 0.05,
      },
    ]);
    expect(parseScenario(toDocument(result.scenario), REGISTRY)).toEqual(result);
  });

  it('is valid on a legacy system with a rate in [0, 1]', () => {
    for (const rate of [0, 0.5, 1]) {
      expect(withFault({ type: 'legacy-format', target: 'legacy-crm', rate }).ok).toBe(true);
    }
  });

  it('names the field when the rate is out of range or missing', () => {
    expect(withFault({ type: 'legacy-format', target: 'legacy-crm', rate: 2 })).toEqual({
      ok: false,
      errors: [{ path: 'faults[0].rate', message: 'must be a number ≤ 1 (got 2)' }],
    });
    expect(withFault({ type: 'legacy-format', target: 'legacy-crm' })).toEqual({
      ok: false,
      errors: [{ path: 'faults[0].rate', message: 'is required (a number)' }],
    });
  });

  it('refuses a target whose kind ignores it, and an edge or a missing node', () => {
    expect(withFault({ type: 'legacy-format', target: 'orders', rate: 0.1 })).toEqual({
      ok: false,
      errors: [
        {
          path: 'faults[0].target',
          message:
            'a legacy-format fault only affects nodes of kind "legacy-system", but node "orders" is of kind "domain-service"',
        },
      ],
    });
    const edgeId = aclDocument().edges[0]?.id ?? '';
    expect(withFault({ type: 'legacy-format', target: edgeId, rate: 0.1 })).toMatchObject({
      ok: false,
      errors: [
        {
          path: 'faults[0].target',
          message: `a legacy-format fault targets a node, but "${edgeId}" is an edge`,
        },
      ],
    });
    expect(withFault({ type: 'legacy-format', target: 'nope', rate: 0.1 })).toMatchObject({
      ok: false,
      errors: [{ path: 'faults[0].target', message: 'no node with id "nope"' }],
    });
  });
});
