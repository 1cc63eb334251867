import { describe, expect, it } from 'vitest';
import {
  FULL_FROM_ZOOM,
  GLANCE_FROM_ZOOM,
  isCompactZoom,
  LEGIBLE_TEXT_PX,
  levelOfDetail,
} from './level-of-detail.ts';

describe('level of detail', () => {
  it('draws every figure only where their 11.5 px read at ≥ 11 px on screen', () => {
    expect(11.5 * FULL_FROM_ZOOM).toBeGreaterThanOrEqual(LEGIBLE_TEXT_PX);
    expect(levelOfDetail(1)).toBe('full');
    expect(levelOfDetail(FULL_FROM_ZOOM)).toBe('full');
    expect(levelOfDetail(0.95)).toBe('glance');
  });

  it('the glance view’s 22 px text reads at ≥ 11 px down to its lowest zoom', () => {
    expect(22 * GLANCE_FROM_ZOOM).toBeGreaterThanOrEqual(LEGIBLE_TEXT_PX);
    expect(levelOfDetail(GLANCE_FROM_ZOOM)).toBe('glance');
    expect(levelOfDetail(0.499)).toBe('compact');
  });

  it('is compact only below the glance view', () => {
    expect(isCompactZoom(0.12)).toBe(true);
    expect(isCompactZoom(0.49)).toBe(true);
    expect(isCompactZoom(0.5)).toBe(false);
    expect(isCompactZoom(1)).toBe(false);
  });
});
