import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callDeadlineUs, tightensDeadline, timeoutConfigSchema } from './deadline.ts';

const defaults = timeoutConfigSchema.parse({});
const own = { timeoutMs: 1000, propagateDeadline: false };

describe('timeout config', () => {
  it('has the PATTERNS.md R3 defaults (1 s, deadline propagated)', () => {
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

describe('call deadline', () => {
  it('is now + timeoutMs without propagation, whatever the request carries', () => {
    expect(callDeadlineUs(own, 5_000, Infinity)).toBe(1_005_000);
    expect(callDeadlineUs(own, 5_000, 10_000)).toBe(1_005_000);
    expect(callDeadlineUs({ ...own, timeoutMs: 0.5 }, 0, Infinity)).toBe(500);
  });

  it('with propagation: the earlier of its own and the request deadline (maybe already past)', () => {
    expect(callDeadlineUs(defaults, 5_000, Infinity)).toBe(1_005_000);
    expect(callDeadlineUs(defaults, 5_000, 300_000)).toBe(300_000);
    expect(callDeadlineUs(defaults, 5_000, 2_000_000)).toBe(1_005_000);
    expect(callDeadlineUs(defaults, 5_000, 4_000)).toBe(4_000);
  });

  it('the downstream copy carries a deadline only when propagating a tighter one', () => {
    expect(tightensDeadline(defaults, 1_000, Infinity)).toBe(true);
    expect(tightensDeadline(defaults, 1_000, 1_000)).toBe(false);
    expect(tightensDeadline(own, 1_000, Infinity)).toBe(false);
  });
});
