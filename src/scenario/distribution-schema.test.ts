import { describe, expect, it } from 'vitest';
import { distributionSchema } from './distribution-schema.ts';
import { formatErrors } from './scenario-error.ts';
import { parseWith } from './zod-issues.ts';

function errors(input: unknown): string[] {
  const result = parseWith(distributionSchema, input, 'latency');
  return result.ok ? [] : formatErrors(result.errors);
}

describe('distributionSchema', () => {
  it('accepts each distribution', () => {
    for (const d of [
      { type: 'constant', valueMs: 0 },
      { type: 'uniform', minMs: 1, maxMs: 1 },
      { type: 'exponential', meanMs: 0.5 },
      { type: 'lognormal', medianMs: 10, p99Ms: 100 },
    ]) {
      expect(distributionSchema.parse(d)).toEqual(d);
    }
  });

  it('explains bad values', () => {
    expect(errors({ type: 'constant', valueMs: -1 })).toEqual([
      'latency.valueMs: must be a number ≥ 0 (got -1)',
    ]);
    expect(errors({ type: 'exponential', meanMs: 0 })).toEqual([
      'latency.meanMs: must be a number > 0 (got 0)',
    ]);
    expect(errors({ type: 'uniform', minMs: 5, maxMs: 2 })).toEqual([
      'latency.maxMs: must be ≥ minMs (5) (got 2)',
    ]);
    expect(errors({ type: 'lognormal', medianMs: 50, p99Ms: 10 })).toEqual([
      'latency.p99Ms: must be ≥ medianMs (50) (got 10)',
    ]);
  });

  it('names the accepted types', () => {
    expect(errors({ type: 'normal', meanMs: 1 })).toEqual([
      'latency.type: must be one of "constant", "uniform", "exponential", "lognormal" (got "normal")',
    ]);
    expect(errors({ meanMs: 1 })).toEqual([
      'latency.type: is required (one of "constant", "uniform", "exponential", "lognormal")',
    ]);
    expect(errors(5)).toEqual(['latency: must be an object (got 5)']);
  });

  it('rejects non-finite numbers and unknown fields', () => {
    expect(errors({ type: 'exponential', meanMs: Infinity })).toEqual([
      'latency.meanMs: must be a number (got Infinity)',
    ]);
    expect(errors({ type: 'exponential', meanMs: 1, mean: 2 })).toEqual([
      'latency: unknown field "mean"; expected one of: type, meanMs',
    ]);
  });
});
