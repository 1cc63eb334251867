import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { retryConfigSchema } from './config.ts';

const defaults = retryConfigSchema.parse({});

describe('config', () => {
  it('has the R2 defaults of docs/patterns.md', () => {
    expect(defaults).toEqual({
      maxAttempts: 3,
      backoff: 'exponential',
      baseMs: 100,
      multiplier: 2,
      capMs: 5000,
      jitter: 'full',
      retryOn: ['dependency-failure', 'caller-gone', 'overload-refusal'],
      perAttemptTimeoutMs: null,
      budgetRatio: null,
      budgetMinPerSec: 10,
      budgetBurst: 10,
    });
  });

  it('hands every parse its own retryOn list', () => {
    const a = retryConfigSchema.parse({});
    a.retryOn.push('rate-limited');
    expect(retryConfigSchema.parse({}).retryOn).not.toContain('rate-limited');
  });

  it('rejects nonsense and unknown fields; the schema converts to JSON Schema', () => {
    for (const bad of [
      { maxAttempts: 0 },
      { maxAttempts: 2.5 },
      { multiplier: 0.5 },
      { jitter: 'random' },
      { backoff: 'linear' },
      { budgetRatio: 1.5 },
      { perAttemptTimeoutMs: 0 },
      { retryOn: [''] },
      { retries: 3 },
    ]) {
      expect(retryConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const schema = z.toJSONSchema(retryConfigSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toContain('perAttemptTimeoutMs');
  });
});
