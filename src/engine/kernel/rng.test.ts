import { describe, expect, it } from 'vitest';
import { budget } from '../testing/budget.ts';
import { compileDistribution, distributionMeanMs } from './distributions.ts';
import type { RandomStream } from './rng.ts';
import { createStream } from './rng.ts';

const take = (s: RandomStream, n: number) => Array.from({ length: n }, () => s.nextUint32());

describe('random streams', () => {
  it('are deterministic for the same (seed, component, purpose)', () => {
    expect(take(createStream(42, 'users', 'arrivals'), 100)).toEqual(
      take(createStream(42, 'users', 'arrivals'), 100),
    );
  });

  it('differ across seeds, components and purposes', () => {
    const base = take(createStream(42, 'users', 'arrivals'), 20);
    expect(take(createStream(43, 'users', 'arrivals'), 20)).not.toEqual(base);
    expect(take(createStream(42, 'orders', 'arrivals'), 20)).not.toEqual(base);
    expect(take(createStream(42, 'users', 'keys'), 20)).not.toEqual(base);
    // The separator keeps ("ab","c") and ("a","bc") apart.
    expect(take(createStream(1, 'ab', 'c'), 5)).not.toEqual(take(createStream(1, 'a', 'bc'), 5));
  });

  it('are independent: drawing from one stream never changes another', () => {
    const alone = take(createStream(7, 'orders', 'service-time'), 50);
    const other = createStream(7, 'breaker', 'jitter');
    const orders = createStream(7, 'orders', 'service-time');
    const mixed: number[] = [];
    for (let i = 0; i < 50; i++) {
      other.nextUint32();
      other.nextUint32();
      mixed.push(orders.nextUint32());
    }
    expect(mixed).toEqual(alone);
  });

  it('produce uniform floats in [0,1) with the right mean and no obvious correlation', () => {
    const s = createStream(1, 'x', 'y');
    const n = 200_000;
    let sum = 0;
    let lagProduct = 0;
    let prev = s.next();
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = s.next();
      if (u < min) min = u;
      if (u > max) max = u;
      sum += u;
      lagProduct += (u - 0.5) * (prev - 0.5);
      prev = u;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(Math.abs(lagProduct / n)).toBeLessThan(0.002);
  });

  it('snapshot and restore their state exactly', () => {
    const s = createStream(9, 'a', 'b');
    take(s, 10);
    const state = s.getState();
    const next = take(s, 10);
    s.setState(state);
    expect(take(s, 10)).toEqual(next);
  });
});

describe('distributions', () => {
  const n = 100_000;
  /** Drawing and sorting n samples: ~0.004–0.015 ms each here (lognormal the slowest). */
  const DRAW_MS = 0.02;
  const sample = (d: Parameters<typeof compileDistribution>[0]) => {
    const s = createStream(3, 'dist', d.type);
    const draw = compileDistribution(d);
    return Array.from({ length: n }, () => draw(s) / 1000);
  };
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const quantile = (xs: number[], q: number) =>
    [...xs].sort((a, b) => a - b)[Math.ceil(q * xs.length) - 1] as number;

  it('constant returns its value in whole microseconds', () => {
    expect(sample({ type: 'constant', valueMs: 2.5 }).every((x) => x === 2.5)).toBe(true);
  });

  it('uniform stays in range with the right mean', budget(n, DRAW_MS), () => {
    const xs = sample({ type: 'uniform', minMs: 10, maxMs: 30 });
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...xs)).toBeLessThanOrEqual(30);
    expect(mean(xs)).toBeCloseTo(20, 0);
  });

  it('exponential has its mean and median ln2·mean', budget(n, DRAW_MS), () => {
    const xs = sample({ type: 'exponential', meanMs: 10 });
    expect(mean(xs)).toBeGreaterThan(9.8);
    expect(mean(xs)).toBeLessThan(10.2);
    expect(quantile(xs, 0.5)).toBeCloseTo(10 * Math.LN2, 0);
  });

  it('lognormal hits its median and p99', budget(n, DRAW_MS), () => {
    const d = { type: 'lognormal', medianMs: 20, p99Ms: 200 } as const;
    const xs = sample(d);
    expect(quantile(xs, 0.5) / 20).toBeGreaterThan(0.97);
    expect(quantile(xs, 0.5) / 20).toBeLessThan(1.03);
    expect(quantile(xs, 0.99) / 200).toBeGreaterThan(0.93);
    expect(quantile(xs, 0.99) / 200).toBeLessThan(1.07);
    expect(mean(xs) / distributionMeanMs(d)).toBeGreaterThan(0.95);
    expect(mean(xs) / distributionMeanMs(d)).toBeLessThan(1.05);
  });
});
