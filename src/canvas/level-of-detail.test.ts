import { describe, expect, it } from 'vitest';
import { COMPACT_BELOW_ZOOM, isCompactZoom } from './level-of-detail.ts';

describe('isCompactZoom', () => {
  it('is compact only below the threshold, where figures are unreadable', () => {
    expect(COMPACT_BELOW_ZOOM).toBe(0.4);
    expect(isCompactZoom(0.12)).toBe(true);
    expect(isCompactZoom(0.399)).toBe(true);
    expect(isCompactZoom(0.4)).toBe(false);
    expect(isCompactZoom(0.5)).toBe(false);
    expect(isCompactZoom(1)).toBe(false);
  });
});
