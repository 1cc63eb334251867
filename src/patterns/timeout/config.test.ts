import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { timeoutConfigSchema } from './config.ts';

const defaults = timeoutConfigSchema.parse({});

describe('timeout config', () => {
  it('has the R3 defaults of docs/patterns.md (1 s, deadline propagated)', () => {
    expect(defaults).toEqual({ timeoutMs: 1000, propagateDeadline: true });
  });

  it('rejects nonsense and unknown fields; the schema converts to JSON Schema', () => {
    for (const bad of [
      { timeoutMs: 0 },
      { timeoutMs: -5 },
      { propagateDeadline: 'yes' },
      { ms: 1 },
    ]) {
      expect(timeoutConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const schema = z.toJSONSchema(timeoutConfigSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual(['timeoutMs', 'propagateDeadline']);
  });
});
