import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import { noFaults, type NodeFaultState } from '../../engine/index.ts';
import {
  deregister,
  discoveryConfigSchema,
  expire,
  heartbeat,
  initialRegistry,
  instanceAction,
  nextExpiryUs,
  type RegistryState,
} from './discovery.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const cfg = discoveryConfigSchema.parse({});
const S = 1_000_000;

describe('discovery config', () => {
  it('defaults: heartbeat every 10 s, 30 s lease; JSON-schema-able', () => {
    expect(cfg).toEqual({ heartbeatMs: 10_000, ttlMs: 30_000 });
    expect(() => z.toJSONSchema(discoveryConfigSchema, { io: 'input' })).not.toThrow();
  });

  it('refuses a lease no longer than the heartbeat, naming ttlMs', () => {
    const r = discoveryConfigSchema.safeParse({ heartbeatMs: 10_000, ttlMs: 10_000 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['ttlMs']);
  });
});

describe('registry (every state × event)', () => {
  const empty = initialRegistry(2);
  const registered = heartbeat(empty, 0, 0).next;

  it('starts empty', () => {
    expect(empty.instances).toEqual([
      { registered: false, lastHeartbeatUs: -1 },
      { registered: false, lastHeartbeatUs: -1 },
    ]);
    expect(nextExpiryUs(cfg, empty)).toBe(Infinity);
  });

  it('unregistered + heartbeat → registered (event); registered + heartbeat → renewed (no event)', () => {
    expect(heartbeat(empty, 0, 0)).toEqual({
      next: {
        instances: [
          { registered: true, lastHeartbeatUs: 0 },
          { registered: false, lastHeartbeatUs: -1 },
        ],
      },
      event: 'registered',
    });
    const renewed = heartbeat(registered, 0, 10 * S);
    expect(renewed.event).toBeNull();
    expect(renewed.next.instances[0]).toEqual({ registered: true, lastHeartbeatUs: 10 * S });
    expect(empty.instances[0]?.registered).toBe(false); // inputs are never mutated
  });

  it('registered + deregister → gone (event); unregistered + deregister → nothing', () => {
    const r = deregister(registered, 0);
    expect(r.event).toBe('deregistered');
    expect(r.next.instances[0]?.registered).toBe(false);
    expect(deregister(empty, 0)).toEqual({ next: empty, event: null });
  });

  it('expire removes a registered instance exactly ttl after its last heartbeat', () => {
    expect(nextExpiryUs(cfg, registered)).toBe(30 * S);
    expect(expire(cfg, registered, 30 * S - 1).expired).toEqual([]);
    const r = expire(cfg, registered, 30 * S);
    expect(r.expired).toEqual([0]);
    expect(r.next.instances[0]?.registered).toBe(false);
    expect(expire(cfg, empty, 100 * S)).toEqual({ next: empty, expired: [] });
  });

  it('an unknown instance index changes nothing', () => {
    expect(heartbeat(empty, 5, 0)).toEqual({ next: empty, event: null });
    expect(deregister(empty, 5)).toEqual({ next: empty, event: null });
  });

  it('property: an instance heartbeating at least every ttl never expires', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 * S - 1 }), { maxLength: 40 }), (gaps) => {
        let s: RegistryState = heartbeat(initialRegistry(1), 0, 0).next;
        let t = 0;
        for (const g of gaps) {
          t += g;
          const e = expire(cfg, s, t);
          expect(e.expired).toEqual([]);
          s = heartbeat(e.next, 0, t).next;
        }
        expect(s.instances[0]?.registered).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('instanceAction (what an instance does at a heartbeat tick)', () => {
  const base: NodeFaultState = noFaults();
  it('live → heartbeat; crashed or hung → silent; drained to zero capacity → deregister', () => {
    expect(instanceAction(base)).toBe('heartbeat');
    expect(instanceAction({ ...base, errorRate: 0.9, addLatencyUs: 5 * S })).toBe('heartbeat');
    expect(instanceAction({ ...base, crashed: true })).toBe('silent');
    expect(instanceAction({ ...base, hung: true })).toBe('silent');
    expect(instanceAction({ ...base, capacityFactor: 0 })).toBe('deregister');
    expect(instanceAction({ ...base, capacityWorkers: 0 })).toBe('deregister');
  });
});
