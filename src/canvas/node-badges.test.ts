import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../store/index.ts';
import { badgeFigures } from './node-badges.ts';

const frame: NodeFrame = {
  id: 'limiter',
  arrivals: 900,
  ok: 880,
  failed: { 'rate-limited': 20 },
  inFlight: 3,
  queueDepth: 0,
  busy: 4,
  capacity: 8,
  window: { arrivals: 149.96, completed: 150, failed: 2, p99Ms: 12.3456789 },
  metrics: {},
  faults: [],
  crashed: false,
  hung: false,
  state: null,
};

describe('badgeFigures', () => {
  it('rounds every figure to its precision: no raw float reaches the node card', () => {
    const [rate, errors, p99, queue, inFlight, busy] = badgeFigures({
      ...frame,
      // A token bucket's allowance in use, and fractional gauges in general.
      busy: 92.263466,
      capacity: 150,
      queueDepth: 2.75,
      inFlight: 0.5,
    });
    expect(busy).toBe('92.3/150');
    expect(p99).toBe('12.3 ms');
    expect(rate).toBe('150/s');
    expect(errors).toBe('1.3%');
    expect(queue).toBe('2.8');
    expect(inFlight).toBe('0.5');
  });

  it('keeps whole gauges whole', () => {
    expect(badgeFigures(frame)).toEqual(['150/s', '1.3%', '12.3 ms', '0', '3', '4/8']);
  });

  it('shows dashes for what has no value yet', () => {
    expect(badgeFigures(undefined)).toEqual(['0/s', '0%', '–', '0', '0', '–']);
    expect(badgeFigures({ ...frame, window: null })).toEqual(['0/s', '0%', '–', '0', '3', '4/8']);
  });
});
