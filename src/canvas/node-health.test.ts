import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../store/index.ts';
import { healthOf } from './node-health.ts';
import { edgeLook } from './traffic-edge.tsx';

const frame = (over: Partial<NodeFrame>): NodeFrame => ({
  id: 'n',
  arrivals: 10,
  ok: 10,
  failed: {},
  inFlight: 0,
  queueDepth: 0,
  busy: 0,
  capacity: 1,
  window: { completed: 100, failed: 0 },
  metrics: {},
  faults: [],
  crashed: false,
  hung: false,
  state: null,
  ...over,
});

describe('node health', () => {
  it('a crash or a hang overrides the failure share, whatever the badge words', () => {
    expect(healthOf(frame({ crashed: true, faults: ['anything'] }))).toEqual({
      health: 'down',
      text: 'Crashed',
    });
    expect(healthOf(frame({ hung: true }))).toEqual({ health: 'down', text: 'Hung' });
    expect(healthOf(frame({ faults: ['crash'] })).health).toBe('ok');
  });

  it('grades the last window’s failure share', () => {
    expect(healthOf(frame({ window: { completed: 100, failed: 30 } })).text).toBe('Failing');
    expect(healthOf(frame({ window: { completed: 100, failed: 2 } })).text).toBe('Degraded');
    expect(healthOf(undefined).text).toBe('Idle');
  });
});

describe('edge look', () => {
  it('a partitioned edge is drawn cut and labelled with its fault words', () => {
    expect(edgeLook(10, 0, ['partition'], true)).toBe('3.5|cut|partition');
    expect(edgeLook(10, 0, ['slow'], false)).toBe('3.5|ok|slow');
  });
});
