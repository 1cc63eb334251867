import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  admit,
  bulkheadConfigSchema,
  canGrant,
  grant,
  initialCounts,
  leaveQueue,
  release,
  type BulkheadConfig,
} from './machine.ts';

const cfg = (over: Partial<BulkheadConfig> = {}): BulkheadConfig => ({
  ...bulkheadConfigSchema.parse({}),
  ...over,
});

describe('bulkhead config', () => {
  it('defaults: 10 concurrent, queue 100, no max wait; JSON-schema-able', () => {
    expect(bulkheadConfigSchema.parse({})).toEqual({
      maxConcurrent: 10,
      maxQueue: 100,
      maxWaitMs: null,
    });
    expect(() => z.toJSONSchema(bulkheadConfigSchema, { io: 'input' })).not.toThrow();
  });

  it('rejects a zero concurrency and a negative queue', () => {
    expect(bulkheadConfigSchema.safeParse({ maxConcurrent: 0 }).success).toBe(false);
    expect(bulkheadConfigSchema.safeParse({ maxQueue: -1 }).success).toBe(false);
    expect(bulkheadConfigSchema.safeParse({ maxWaitMs: 0 }).success).toBe(false);
  });
});

describe('bulkhead machine: every state × event', () => {
  const c = cfg({ maxConcurrent: 2, maxQueue: 1 });

  it('free permit, nobody waiting: a call runs and takes a permit', () => {
    expect(admit(c, initialCounts())).toEqual({
      decision: 'run',
      next: { inUse: 1, waiting: 0 },
    });
    expect(canGrant(c, { inUse: 1, waiting: 0 })).toBe(false);
  });

  it('all permits taken, queue has room: a call waits', () => {
    expect(admit(c, { inUse: 2, waiting: 0 })).toEqual({
      decision: 'wait',
      next: { inUse: 2, waiting: 1 },
    });
  });

  it('all permits taken and the queue full: a call is rejected, nothing changes', () => {
    const s = { inUse: 2, waiting: 1 };
    expect(admit(c, s)).toEqual({ decision: 'reject', next: s });
  });

  it('maxQueue 0: no waiting at all, reject as soon as the permits are taken', () => {
    expect(admit(cfg({ maxConcurrent: 1, maxQueue: 0 }), { inUse: 1, waiting: 0 }).decision).toBe(
      'reject',
    );
  });

  it('FIFO: a permit freed while others wait is not taken by a newcomer', () => {
    // A state with a free permit and a waiter exists only between release and grant.
    expect(admit(c, { inUse: 1, waiting: 1 }).decision).toBe('reject');
    expect(admit(cfg({ maxConcurrent: 2, maxQueue: 5 }), { inUse: 1, waiting: 1 }).decision).toBe(
      'wait',
    );
  });

  it('release returns a permit; it goes to the oldest waiter via grant', () => {
    const afterRelease = release({ inUse: 2, waiting: 1 });
    expect(afterRelease).toEqual({ inUse: 1, waiting: 1 });
    expect(canGrant(c, afterRelease)).toBe(true);
    expect(grant(c, afterRelease)).toEqual({ inUse: 2, waiting: 0 });
  });

  it('release with nobody waiting just frees the permit', () => {
    const s = release({ inUse: 2, waiting: 0 });
    expect(s).toEqual({ inUse: 1, waiting: 0 });
    expect(canGrant(c, s)).toBe(false);
  });

  it('a lowered maxConcurrent: waiters get no permit until in-use drops below it', () => {
    const lowered = cfg({ maxConcurrent: 1, maxQueue: 5 });
    const s = release({ inUse: 3, waiting: 2 });
    expect(canGrant(lowered, s)).toBe(false);
    expect(canGrant(lowered, release(release(s)))).toBe(true);
  });

  it('a raised maxConcurrent lets several waiters in at once', () => {
    const raised = cfg({ maxConcurrent: 4, maxQueue: 5 });
    let s = { inUse: 2, waiting: 3 };
    let granted = 0;
    while (canGrant(raised, s)) {
      s = grant(raised, s);
      granted++;
    }
    expect(granted).toBe(2);
    expect(s).toEqual({ inUse: 4, waiting: 1 });
  });

  it('a waiter leaving (expired or abandoned) frees its queue place and takes no permit', () => {
    expect(leaveQueue({ inUse: 2, waiting: 1 })).toEqual({ inUse: 2, waiting: 0 });
    expect(admit(c, leaveQueue({ inUse: 2, waiting: 1 })).decision).toBe('wait');
  });

  it('impossible events throw instead of corrupting the counts', () => {
    expect(() => release(initialCounts())).toThrow(/never taken/);
    expect(() => leaveQueue({ inUse: 1, waiting: 0 })).toThrow(/nobody/);
    expect(() => grant(c, { inUse: 2, waiting: 1 })).toThrow(/no permit/);
  });

  it('never mutates its input', () => {
    const s = Object.freeze({ inUse: 1, waiting: 0 });
    admit(c, s);
    release(s);
    expect(s).toEqual({ inUse: 1, waiting: 0 });
  });
});
