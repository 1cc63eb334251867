import { describe, expect, it } from 'vitest';
import {
  clampResultsHeight,
  readResultsHeight,
  RESULTS_DEFAULT_PX,
  RESULTS_HEIGHT_KEY,
  RESULTS_MIN_PX,
  writeResultsHeight,
} from './panel-size.ts';

describe('results panel size', () => {
  it('stays between its minimum and what leaves the canvas 200 px', () => {
    expect(clampResultsHeight(50, 608)).toBe(RESULTS_MIN_PX);
    expect(clampResultsHeight(500.4, 608)).toBe(408);
    expect(clampResultsHeight(300.6, 608)).toBe(301);
    expect(clampResultsHeight(NaN, 608)).toBe(RESULTS_DEFAULT_PX);
    // A very short column: the panel keeps its minimum.
    expect(clampResultsHeight(400, 250)).toBe(RESULTS_MIN_PX);
  });

  it('is remembered, and a missing or broken value gives the default', () => {
    const data: Record<string, string> = {};
    const storage = {
      getItem: (k: string) => data[k] ?? null,
      setItem: (k: string, v: string) => void (data[k] = v),
    };
    expect(readResultsHeight(storage)).toBe(RESULTS_DEFAULT_PX);
    writeResultsHeight(storage, 412.7);
    expect(data[RESULTS_HEIGHT_KEY]).toBe('413');
    expect(readResultsHeight(storage)).toBe(413);
    data[RESULTS_HEIGHT_KEY] = 'tall';
    expect(readResultsHeight(storage)).toBe(RESULTS_DEFAULT_PX);
    const broken = {
      getItem: () => {
        throw new Error('disabled');
      },
      setItem: () => {
        throw new Error('disabled');
      },
    };
    expect(readResultsHeight(broken)).toBe(RESULTS_DEFAULT_PX);
    expect(() => writeResultsHeight(broken, 300)).not.toThrow();
  });
});
