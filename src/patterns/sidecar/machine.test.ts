import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import { DEFAULT_RETRY_ON, onOutcome, outlierConfigSchema } from '../kit/index.ts';
import { REGISTRY } from '../registry.ts';
import { sidecarConfigSchema, sidecarPolicy } from './config.ts';
import {
  attemptEligible,
  initialRouting,
  inRotation,
  inRotationCount,
  pickInstance,
  routingLabel,
  triedBit,
  type MeshRouting,
} from './machine.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const OD = outlierConfigSchema.parse({});

/** Ejects instance i by feeding it 5 failures. */
function eject(r: MeshRouting, i: number): MeshRouting {
  let o = r.outlier;
  if (!o) throw new Error('outlier detection off');
  for (let k = 0; k < OD.consecutive5xx; k++) o = onOutcome(OD, o, i, 'error', 0, REGISTRY).next;
  return { ...r, outlier: o };
}

/** The instances picked by `n` first attempts (nothing tried yet). */
function sequence(r: MeshRouting, weights: number[], n: number): number[] {
  const out: number[] = [];
  let s = r;
  for (let k = 0; k < n; k++) {
    const p = pickInstance(s, weights, 0);
    out.push(p.target);
    s = p.next;
  }
  return out;
}

describe('sidecar config', () => {
  it('defaults: 1 s per attempt, 3 attempts, 25–250 ms backoff, outlier detection 5 / 30 s / 50%', () => {
    const c = sidecarConfigSchema.parse({});
    expect(c).toEqual({
      timeoutMs: 1000,
      maxAttempts: 3,
      backoffBaseMs: 25,
      backoffCapMs: 250,
      retryOn: [...DEFAULT_RETRY_ON],
      outlierDetection: {
        consecutive5xx: 5,
        baseEjectionMs: 30_000,
        maxEjectionPercent: 50,
        intervalMs: 10_000,
      },
    });
    expect(sidecarConfigSchema.parse({ outlierDetection: null }).outlierDetection).toBeNull();
  });

  it('is JSON-schema-able and rejects bad numbers', () => {
    expect(() => z.toJSONSchema(sidecarConfigSchema, { io: 'input' })).not.toThrow();
    expect(sidecarConfigSchema.safeParse({ maxAttempts: 0 }).success).toBe(false);
    expect(sidecarConfigSchema.safeParse({ timeoutMs: 0 }).success).toBe(false);
    expect(sidecarConfigSchema.safeParse({ extra: 1 }).success).toBe(false);
  });

  it("maps onto the kit's attempt driver (full-jitter exponential ×2, no budget, deadline per attempt)", () => {
    const c = sidecarConfigSchema.parse({ maxAttempts: 2, backoffBaseMs: 10, timeoutMs: 300 });
    expect(sidecarPolicy(c)).toMatchObject({
      maxAttempts: 2,
      backoff: 'exponential',
      baseMs: 10,
      multiplier: 2,
      capMs: 250,
      jitter: 'full',
      budgetRatio: null,
      attemptTimeoutMs: 300,
      propagateDeadline: true,
    });
  });
});

describe('sidecar routing machine', () => {
  it('starts with every instance in rotation; outlier state only when enabled', () => {
    expect(initialRouting(3, true).outlier?.hosts).toHaveLength(3);
    expect(initialRouting(3, false).outlier).toBeNull();
    expect(inRotation(initialRouting(3, false))).toEqual([true, true, true]);
    expect(inRotationCount(initialRouting(3, true))).toBe(3);
  });

  it('an ejected instance is out of rotation', () => {
    const r = eject(initialRouting(3, true), 1);
    expect(inRotation(r)).toEqual([true, false, true]);
    expect(inRotationCount(r)).toBe(2);
  });

  it('tried bits: one per instance below 31, none beyond', () => {
    expect([0, 1, 5, 30].map(triedBit)).toEqual([1, 2, 32, 1 << 30]);
    expect(triedBit(31)).toBe(0);
    expect(triedBit(-1)).toBe(0);
  });

  it('an attempt avoids tried instances while an untried one is in rotation', () => {
    expect(attemptEligible([true, true, true], 0b001)).toEqual([false, true, true]);
    expect(attemptEligible([true, false, true], 0b001)).toEqual([false, false, true]);
    // Every instance in rotation tried: all in rotation are eligible again.
    expect(attemptEligible([true, false, true], 0b101)).toEqual([true, false, true]);
    expect(attemptEligible([false, false], 0)).toEqual([false, false]);
  });

  it('weights 2:1:1 split first attempts 50/25/25 by smooth weighted round robin', () => {
    expect(sequence(initialRouting(3, true), [2, 1, 1], 8)).toEqual([0, 1, 2, 0, 0, 1, 2, 0]);
  });

  it('equal weights behave as round robin; an ejected instance gets nothing', () => {
    expect(sequence(initialRouting(3, true), [1, 1, 1], 6)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(sequence(eject(initialRouting(3, true), 0), [1, 1, 1], 4)).toEqual([1, 2, 1, 2]);
  });

  it('a retry after instance 0 goes to 1 or 2, never back to 0', () => {
    let r = initialRouting(3, true);
    for (let k = 0; k < 10; k++) {
      const p = pickInstance(r, [5, 1, 1], triedBit(0));
      expect(p.target).not.toBe(0);
      r = p.next;
    }
  });

  it('no instance in rotation: -1 and the state unchanged', () => {
    const r = eject(initialRouting(1, true), 0);
    const p = pickInstance(r, [1], 0);
    expect(p.target).toBe(-1);
    expect(p.next).toBe(r);
  });

  it('property: the pick is always in rotation, and untried when one is', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 5 })), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 255 }),
        (hosts, tried) => {
          let r = initialRouting(hosts.length, true);
          hosts.forEach(([out], i) => {
            if (out) r = { ...r, outlier: eject(r, i).outlier };
          });
          const rotation = inRotation(r);
          const p = pickInstance(
            r,
            hosts.map(([, w]) => w),
            tried,
          );
          if (!rotation.some(Boolean)) return p.target === -1;
          const untried = rotation.some((ok, i) => ok && (tried & triedBit(i)) === 0);
          const okTarget = rotation[p.target] === true;
          return okTarget && (!untried || (tried & triedBit(p.target)) === 0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('labels: "3/3 in rotation" ok, "2/3" warn, "0/1" bad, no instances bad', () => {
    expect(routingLabel(initialRouting(3, true))).toEqual({ text: '3/3 in rotation', tone: 'ok' });
    expect(routingLabel(eject(initialRouting(3, true), 2))).toEqual({
      text: '2/3 in rotation',
      tone: 'warn',
    });
    expect(routingLabel(eject(initialRouting(1, true), 0))).toEqual({
      text: '0/1 in rotation',
      tone: 'bad',
    });
    expect(routingLabel(initialRouting(0, true))).toEqual({ text: 'NO INSTANCES', tone: 'bad' });
  });
});
