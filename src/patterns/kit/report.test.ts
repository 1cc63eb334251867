import { describe, expect, it } from 'vitest';
import type { NodeFigures } from '../../engine/index.ts';
import { counter, failedTotal, perArrival, ratio } from './report.ts';

const figures = (over: Partial<NodeFigures> = {}): NodeFigures => ({
  arrivals: 200,
  completed: 150,
  failed: { error: 30, timeout: 20 },
  metrics: { attempts: 300 },
  elapsedMs: 1000,
  ...over,
});

describe('report helpers', () => {
  it('ratio: 0 over an empty denominator', () => {
    expect(ratio(3, 4)).toBe(0.75);
    expect(ratio(3, 0)).toBe(0);
  });

  it('counters default to 0; per arrival divides by arrivals', () => {
    const f = figures();
    expect(counter(f, 'attempts')).toBe(300);
    expect(counter(f, 'retries')).toBe(0);
    expect(perArrival(f, 'attempts')).toBe(1.5);
    expect(perArrival(figures({ arrivals: 0 }), 'attempts')).toBe(0);
    expect(failedTotal(f)).toBe(50);
  });
});
