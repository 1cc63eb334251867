import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import {
  autoscalingSchema,
  desiredInstances,
  evaluate,
  initialScaler,
  provisioned,
  provisioningCount,
  reconcile,
  type AutoscalingConfig,
  type ScalerState,
} from './machine.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const CFG: AutoscalingConfig = autoscalingSchema.parse({});
const S = 1_000_000;

const state = (ready: number, extra: Partial<ScalerState> = {}): ScalerState => ({
  ready,
  provisioning: [],
  lastActionUs: null,
  ...extra,
});
const load = (utilization: number, instances: number) => ({ utilization, instances });

describe('autoscaling config', () => {
  it('has the practitioner defaults: 2–10 instances, target 70%, down below 35%, 60 s / 30 s / 10 s', () => {
    expect(CFG).toEqual({
      minInstances: 2,
      maxInstances: 10,
      targetUtilization: 0.7,
      scaleDownUtilization: 0.35,
      cooldownMs: 60_000,
      provisioningDelayMs: 30_000,
      evaluationIntervalMs: 10_000,
    });
  });

  it('refuses max < min and a scale-down threshold at or above the target, naming the field', () => {
    const a = autoscalingSchema.safeParse({ minInstances: 5, maxInstances: 4 });
    expect(a.success).toBe(false);
    expect(a.error?.issues[0]?.path).toEqual(['maxInstances']);
    const b = autoscalingSchema.safeParse({ targetUtilization: 0.5, scaleDownUtilization: 0.5 });
    expect(b.error?.issues[0]?.path).toEqual(['scaleDownUtilization']);
  });

  it('converts to JSON Schema (the inspector form is generated from it)', () => {
    expect(() => z.toJSONSchema(autoscalingSchema, { io: 'input' })).not.toThrow();
  });
});

describe('desiredInstances', () => {
  it('is ceil(instances × utilization ÷ target), within [min, max]', () => {
    expect(desiredInstances(CFG, load(1, 2))).toBe(3); // 2.86
    expect(desiredInstances(CFG, load(0.7, 4))).toBe(4); // exactly 4, no float creep to 5
    expect(desiredInstances(CFG, load(0.9, 5))).toBe(7); // 6.43
    expect(desiredInstances(CFG, load(1, 8))).toBe(10); // 11.4 → max
    expect(desiredInstances(CFG, load(0.1, 3))).toBe(2); // 0.43 → min
    expect(desiredInstances(CFG, load(0.5, 2.5))).toBe(2); // averaged instances: 1.79
  });
});

describe('evaluate: above the target', () => {
  it('starts the shortfall, ready after the provisioning delay, and records the action', () => {
    const r = evaluate(CFG, state(2), load(1, 2), 10 * S);
    expect(r.decision).toEqual({ action: 'up', add: 1, desired: 3 });
    expect(r.next).toEqual({
      ready: 2,
      provisioning: [{ readyAtUs: 40 * S, count: 1 }],
      lastActionUs: 10 * S,
    });
  });

  it('counts instances still provisioning: only what they do not cover is started', () => {
    const s = state(5, { provisioning: [{ readyAtUs: 50 * S, count: 2 }] });
    expect(evaluate(CFG, s, load(1, 5), 30 * S).decision).toEqual({
      action: 'up',
      add: 1,
      desired: 8,
    });
    const covered = state(2, { provisioning: [{ readyAtUs: 40 * S, count: 1 }] });
    const r = evaluate(CFG, covered, load(1, 2), 20 * S);
    expect(r.decision).toEqual({ action: 'hold', reason: 'provisioning', desired: 3 });
    expect(r.next).toBe(covered);
  });

  it('holds at max', () => {
    expect(evaluate(CFG, state(10), load(1, 10), 0).decision).toEqual({
      action: 'hold',
      reason: 'at-max',
      desired: 10,
    });
    const s = state(8, { provisioning: [{ readyAtUs: 5 * S, count: 2 }] });
    expect(evaluate(CFG, s, load(1, 8), 0).decision.action).toBe('hold');
  });

  it('is not held by the cooldown (a saturated service must not wait)', () => {
    const s = state(3, { lastActionUs: 5 * S });
    expect(evaluate(CFG, s, load(0.95, 3), 10 * S).decision).toEqual({
      action: 'up',
      add: 2,
      desired: 5,
    });
  });

  it('exactly at the target holds (strictly above scales)', () => {
    expect(evaluate(CFG, state(4), load(0.7, 4), 0).decision).toEqual({
      action: 'hold',
      reason: 'in-band',
      desired: 4,
    });
  });
});

describe('evaluate: below the scale-down threshold', () => {
  it('removes instances down to desired once the cooldown has passed', () => {
    const s = state(8, { lastActionUs: 0 });
    const r = evaluate(CFG, s, load(0.2, 8), 60 * S);
    expect(r.decision).toEqual({ action: 'down', remove: 5, desired: 3 }); // 2.29 → 3
    expect(r.next).toEqual({ ready: 3, provisioning: [], lastActionUs: 60 * S });
  });

  it('never below min', () => {
    expect(evaluate(CFG, state(4), load(0, 4), 0).decision).toEqual({
      action: 'down',
      remove: 2,
      desired: 2,
    });
  });

  it('holds within the cooldown of the last action (up or down)', () => {
    const s = state(8, { lastActionUs: 10 * S });
    const r = evaluate(CFG, s, load(0.2, 8), 69.999 * S);
    expect(r.decision).toEqual({ action: 'hold', reason: 'cooldown', desired: 3 });
    expect(evaluate(CFG, s, load(0.2, 8), 70 * S).decision.action).toBe('down');
  });

  it('holds while instances are provisioning, and at min', () => {
    const s = state(4, { provisioning: [{ readyAtUs: 9 * S, count: 1 }] });
    expect(evaluate(CFG, s, load(0.1, 4), 0).decision).toMatchObject({ reason: 'provisioning' });
    expect(evaluate(CFG, state(2), load(0.1, 2), 0).decision).toMatchObject({ reason: 'at-min' });
  });

  it('holds when the desired count is not below the current one (a narrow band)', () => {
    const narrow = autoscalingSchema.parse({ scaleDownUtilization: 0.69 });
    expect(evaluate(narrow, state(3), load(0.68, 3), 0).decision).toEqual({
      action: 'hold',
      reason: 'in-band',
      desired: 3,
    });
  });

  it('exactly at the threshold holds (strictly below scales)', () => {
    expect(evaluate(CFG, state(6), load(0.35, 6), 0).decision).toMatchObject({
      action: 'hold',
      reason: 'in-band',
    });
  });
});

describe('evaluate: in the band', () => {
  it('holds and returns the same state', () => {
    const s = state(5, { lastActionUs: 0 });
    const r = evaluate(CFG, s, load(0.5, 5), 100 * S);
    expect(r.decision).toEqual({ action: 'hold', reason: 'in-band', desired: 4 });
    expect(r.next).toBe(s);
  });
});

describe('provisioned', () => {
  const s = state(2, {
    provisioning: [
      { readyAtUs: 40 * S, count: 1 },
      { readyAtUs: 50 * S, count: 2 },
    ],
  });

  it('moves the batches that are due into service, in order', () => {
    expect(provisioned(s, 39 * S)).toEqual({ next: s, added: 0 });
    const r = provisioned(s, 40 * S);
    expect(r.added).toBe(1);
    expect(r.next).toEqual(state(3, { provisioning: [{ readyAtUs: 50 * S, count: 2 }] }));
    expect(provisioned(s, 60 * S)).toEqual({ next: state(5), added: 3 });
  });

  it('counts what is provisioning', () => {
    expect(provisioningCount(s)).toBe(3);
  });
});

describe('reconcile (bounds edited live)', () => {
  it('over max: cancels the latest batches first, then removes serving instances', () => {
    const s = state(6, {
      provisioning: [
        { readyAtUs: 1, count: 2 },
        { readyAtUs: 2, count: 2 },
      ],
    });
    const to9 = reconcile({ ...CFG, maxInstances: 9 }, s, 0);
    expect(to9).toEqual({
      next: state(6, {
        provisioning: [
          { readyAtUs: 1, count: 2 },
          { readyAtUs: 2, count: 1 },
        ],
      }),
      removed: 0,
      added: 0,
    });
    expect(reconcile({ ...CFG, maxInstances: 4 }, s, 0)).toEqual({
      next: state(4),
      removed: 2,
      added: 0,
    });
  });

  it('under min: provisions the shortfall; unchanged otherwise (same object)', () => {
    const r = reconcile({ ...CFG, minInstances: 5 }, state(2), 7 * S);
    expect(r).toEqual({
      next: state(2, { provisioning: [{ readyAtUs: 37 * S, count: 3 }] }),
      removed: 0,
      added: 3,
    });
    const s = state(4);
    expect(reconcile(CFG, s, 0).next).toBe(s);
  });
});

describe('properties', () => {
  it(
    'any run of evaluations and provisioning keeps min ≤ ready and ready + provisioning ≤ max, and never mutates',
    budget(RUNS, 2),
    () => {
      fc.assert(
        fc.property(
          fc.array(
            fc.record({
              utilization: fc.double({ min: 0, max: 1.2, noNaN: true }),
              stepS: fc.integer({ min: 1, max: 40 }),
            }),
            { maxLength: 60 },
          ),
          (steps) => {
            let s = initialScaler(CFG);
            let now = 0;
            for (const step of steps) {
              now += step.stepS * S;
              const before = s;
              const copy = structuredClone(s);
              s = provisioned(s, now).next;
              const r = evaluate(CFG, s, load(step.utilization, s.ready), now);
              s = r.next;
              expect(before).toEqual(copy); // inputs are never mutated
              expect(s.ready).toBeGreaterThanOrEqual(CFG.minInstances);
              expect(s.ready + provisioningCount(s)).toBeLessThanOrEqual(CFG.maxInstances);
              if (r.decision.action === 'down') expect(provisioningCount(s)).toBe(0);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
