import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { formatErrors } from './scenario-error.ts';
import { parseWith } from './zod-issues.ts';

function errors(schema: z.ZodType, input: unknown): string[] {
  const result = parseWith(schema, input, 'x');
  return result.ok ? [] : formatErrors(result.errors);
}

describe('zod issues as sentences', () => {
  it('numbers: bounds and the received value', () => {
    const n = z.number().int().min(0).max(10);
    expect(errors(n, -1)).toEqual(['x: must be a number ≥ 0 (got -1)']);
    expect(errors(n, 11)).toEqual(['x: must be a number ≤ 10 (got 11)']);
    expect(errors(n, 1.5)).toEqual(['x: must be an integer (got 1.5)']);
    // zod's safe-integer check also fires; the field's own bound is the useful one.
    expect(errors(n, -1e20)).toEqual(['x: must be a number ≥ 0 (got -100000000000000000000)']);
    expect(errors(z.number().lt(5), 5)).toEqual(['x: must be a number < 5 (got 5)']);
    expect(errors(z.number().multipleOf(5), 7)).toEqual(['x: must be a multiple of 5 (got 7)']);
  });

  it('strings, lists, literals, booleans', () => {
    expect(errors(z.string().max(3), 'abcd')).toEqual(['x: must be at most 3 characters (got 4)']);
    expect(errors(z.array(z.number()).min(2), [1])).toEqual([
      'x: must have at least 2 items (got 1)',
    ]);
    expect(errors(z.literal('a'), 'b')).toEqual(['x: must be "a" (got "b")']);
    expect(errors(z.enum(['a', 'b']), 'c')).toEqual(['x: must be one of "a", "b" (got "c")']);
    expect(errors(z.boolean(), 'yes')).toEqual(['x: must be true or false (got "yes")']);
    expect(errors(z.strictObject({ a: z.string() }), {})).toEqual(['x.a: is required (a string)']);
  });

  it('keeps custom messages from the schema', () => {
    expect(errors(z.number().min(1, 'at least one worker'), 0)).toEqual(['x: at least one worker']);
  });

  it('turns a throwing schema into an error', () => {
    const throwing = z.number().transform(() => {
      throw new Error('bug');
    });
    expect(errors(throwing, 1)).toEqual(['x: could not be validated']);
  });
});
