import { describe, expect, it } from 'vitest';
import { edgeLook, edgeName } from './traffic-edge.tsx';

describe('edgeLook', () => {
  it('thickens with traffic and names the failure share', () => {
    expect(edgeLook(0, 0, [], false)).toBe('1.5|ok|');
    expect(edgeLook(1000, 0, [], false)).toBe('7.5|ok|');
    expect(edgeLook(1000, 300, [], false)).toBe('7.5|failing|30% failed');
    expect(edgeLook(10, 0, ['partition'], true)).toBe('3.5|cut|partition');
    expect(edgeLook(10, 0, ['slow'], false)).toBe('3.5|ok|slow');
  });

  it('keeps the idle width in the compact view, where width changes are sub-pixel', () => {
    expect(edgeLook(1000, 0, [], false, true)).toBe('1.5|ok|');
    expect(edgeLook(1000, 300, [], false, true)).toBe('1.5|failing|30% failed');
    expect(edgeLook(10, 0, ['partition'], true, true)).toBe('1.5|cut|partition');
  });
});

describe('edgeName', () => {
  it('names the call by its ends’ labels, then its status in words and what is written on it', () => {
    expect(edgeName('Gateway', 'Orders', 'ok', '')).toBe('Call from Gateway to Orders, OK');
    expect(edgeName('Gateway', 'Orders', 'failing', '30% failed')).toBe(
      'Call from Gateway to Orders, Failing, 30% failed',
    );
    expect(edgeName('A', 'B', 'cut', 'partition')).toBe('Call from A to B, Partitioned, partition');
  });
});
