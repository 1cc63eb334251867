import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../engine/index.ts';
import { frameDiagnosis } from './node-diagnosis.ts';

const frame = (over: Partial<NodeFrame>): NodeFrame => ({
  id: 'orders',
  arrivals: 12_500,
  ok: 480,
  failed: {},
  inFlight: 12_004,
  queueDepth: 12_000,
  busy: 4,
  capacity: 4,
  window: null,
  metrics: {},
  faults: [],
  crashed: false,
  hung: false,
  state: null,
  ...over,
});

describe('a node’s diagnosis from its frame', () => {
  it('reads the engine’s stuck figures with the gauges of the same frame', () => {
    const d = frameDiagnosis(frame({ stuck: { partitioned: 4, hung: 0 } }), 'node');
    expect(d?.all).toBe(true);
    expect(d?.text.replaceAll('\u00a0', ' ')).toBe(
      'all 4 workers waiting on a partitioned call; 12 000 queued; no timeout is set',
    );
  });

  it('none without stuck figures, whatever the queue', () => {
    expect(frameDiagnosis(frame({}), 'node')).toBeNull();
    expect(frameDiagnosis(undefined, 'node')).toBeNull();
  });

  it('a client speaks of its requests', () => {
    const users = frame({ busy: 0, capacity: 0, queueDepth: 0, inFlight: 40 });
    expect(frameDiagnosis({ ...users, stuck: { partitioned: 40, hung: 0 } }, 'source')?.text).toBe(
      'all 40 requests waiting on a partitioned call; no timeout is set',
    );
  });
});
