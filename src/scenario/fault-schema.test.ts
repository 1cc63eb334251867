import { describe, expect, it } from 'vitest';
import { faultSchema } from './fault-schema.ts';
import { formatErrors } from './scenario-error.ts';
import { parseWith } from './zod-issues.ts';

const base = { id: 'f', target: 'api', startMs: 0 };

function errors(input: unknown): string[] {
  const result = parseWith(faultSchema, input, 'faults[0]');
  return result.ok ? [] : formatErrors(result.errors);
}

describe('faultSchema', () => {
  it('applies defaults', () => {
    expect(faultSchema.parse({ ...base, type: 'capacity' })).toEqual({
      ...base,
      type: 'capacity',
      durationMs: null,
      factor: 0.5,
      workers: null,
    });
    expect(faultSchema.parse({ ...base, type: 'traffic-spike' })).toMatchObject({ multiplier: 5 });
    expect(faultSchema.parse({ ...base, type: 'latency', addMs: 50 })).toMatchObject({
      addMs: 50,
      multiplier: 1,
    });
  });

  it('a latency fault must change something', () => {
    expect(errors({ ...base, type: 'latency' })).toEqual([
      'faults[0]: a latency fault must set addMs > 0 or multiplier > 1 (both default to no change)',
    ]);
    expect(errors({ ...base, type: 'latency', multiplier: 2 })).toEqual([]);
  });

  it('checks each type’s own fields', () => {
    expect(errors({ ...base, type: 'error-rate', rate: 1.5 })).toEqual([
      'faults[0].rate: must be a number ≤ 1 (got 1.5)',
    ]);
    expect(errors({ ...base, type: 'edge-latency', addMs: 0 })).toEqual([
      'faults[0].addMs: must be a number > 0 (got 0)',
    ]);
    expect(errors({ ...base, type: 'capacity', workers: 1.5 })).toEqual([
      'faults[0].workers: must be an integer (got 1.5)',
    ]);
    expect(errors({ ...base, type: 'crash', durationMs: 0 })).toEqual([
      'faults[0].durationMs: must be a number > 0 (got 0)',
    ]);
    expect(errors({ ...base, type: 'crash', rate: 1 })).toEqual([
      'faults[0]: unknown field "rate"; expected one of: id, target, startMs, durationMs, type',
    ]);
    expect(errors({ ...base, type: 'explode' })[0]).toMatch(
      /^faults\[0\]\.type: must be one of "error-rate", .* \(got "explode"\)$/,
    );
  });

  it('a legacy-format fault needs a rate between 0 and 1', () => {
    expect(faultSchema.parse({ ...base, type: 'legacy-format', rate: 0.05 })).toEqual({
      ...base,
      type: 'legacy-format',
      durationMs: null,
      rate: 0.05,
    });
    expect(errors({ ...base, type: 'legacy-format', rate: 1.5 })).toEqual([
      'faults[0].rate: must be a number ≤ 1 (got 1.5)',
    ]);
    expect(errors({ ...base, type: 'legacy-format', rate: -0.1 })).toEqual([
      'faults[0].rate: must be a number ≥ 0 (got -0.1)',
    ]);
    expect(errors({ ...base, type: 'legacy-format' })).toEqual([
      'faults[0].rate: is required (a number)',
    ]);
    expect(errors({ ...base, type: 'legacy-format', rate: 0.1, factor: 1 })[0]).toMatch(
      /^faults\[0\]: unknown field "factor"/,
    );
  });

  it('rejects bad ids with a readable message', () => {
    expect(errors({ ...base, id: 'a b', type: 'crash' })).toEqual([
      'faults[0].id: may contain only letters, digits and _ . : - (got "a b")',
    ]);
    expect(errors({ ...base, id: '', type: 'crash' })).toEqual(['faults[0].id: must not be empty']);
    expect(errors({ ...base, id: 'x'.repeat(65), type: 'crash' })).toEqual([
      'faults[0].id: must be at most 64 characters (got 65)',
    ]);
  });
});
