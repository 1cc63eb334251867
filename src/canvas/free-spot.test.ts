import { describe, expect, it } from 'vitest';
import { freeSpot, NODE_BOX } from './free-spot.ts';

describe('freeSpot', () => {
  it('keeps the wanted place when it is free', () => {
    expect(freeSpot({ x: 0, y: 0 }, [{ x: 1000, y: 1000 }])).toEqual({ x: 0, y: 0 });
  });

  it('moves off an occupied place to the nearest free one, never overlapping', () => {
    const taken = [
      { x: 0, y: 0 },
      { x: 224, y: 0 },
      { x: -224, y: 0 },
    ];
    const p = freeSpot({ x: 10, y: 10 }, taken);
    for (const t of taken) {
      const apart =
        Math.abs(t.x - p.x) >= NODE_BOX.width + 24 || Math.abs(t.y - p.y) >= NODE_BOX.height + 24;
      expect(apart).toBe(true);
    }
    expect(Math.hypot(p.x - 10, p.y - 10)).toBeLessThan(400);
  });

  it('prefers a free spot inside the visible area', () => {
    const taken = [{ x: 0, y: 0 }];
    const visible = { minX: -50, minY: -300, maxX: 260, maxY: 400 };
    const p = freeSpot({ x: 0, y: 0 }, taken, visible);
    expect(p.x).toBeGreaterThanOrEqual(visible.minX);
    expect(p.x + NODE_BOX.width).toBeLessThanOrEqual(visible.maxX);
    expect(Math.abs(p.y) >= NODE_BOX.height + 24).toBe(true);
  });
});
