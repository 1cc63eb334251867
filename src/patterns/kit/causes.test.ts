import { describe, expect, it } from 'vitest';
import { CAUSE_CLASSES, ENGINE_CAUSES } from '../../engine/index.ts';
import { REGISTRY } from '../registry.ts';
import * as causes from './causes.ts';

const shared = Object.values(causes);

describe('shared cause definitions', () => {
  it('each names a distinct cause, not one of the engine’s, with a known class and a label', () => {
    const names = shared.map((c) => c.cause);
    expect(new Set(names).size).toBe(names.length);
    for (const c of shared) {
      expect(ENGINE_CAUSES.map((e) => e.cause)).not.toContain(c.cause);
      expect(CAUSE_CLASSES).toContain(c.class);
      expect(c.label.length).toBeGreaterThan(5);
    }
  });

  it('every one is declared by some kind, so the registry answers its class', () => {
    for (const c of shared) {
      expect(REGISTRY.causeClass(c.cause)).toBe(c.class);
      expect(REGISTRY.kinds().some((k) => k.causes?.includes(c))).toBe(true);
    }
  });

  it('classes as chosen: limiters ask for less load, a 401 is the caller’s mistake', () => {
    const classOf = (c: { cause: string }) => REGISTRY.causeClass(c.cause);
    expect(classOf(causes.CIRCUIT_OPEN)).toBe('fast-failure');
    for (const c of [causes.RATE_LIMITED, causes.BULKHEAD_FULL, causes.SHED, causes.THROTTLED]) {
      expect(classOf(c)).toBe('policy-refusal');
    }
    expect(classOf(causes.UNAUTHORIZED)).toBe('client-error');
    expect(classOf(causes.NO_HEALTHY_TARGET)).toBe('no-route');
    expect(classOf(causes.BAD_FORMAT)).toBe('dependency-failure');
  });
});
