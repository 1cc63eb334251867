import { describe, expect, it } from 'vitest';
import type { NodeFrame, NodeStatus } from '../store/index.ts';
import { STUCK_LINES_SHOWN, stuckLines } from './stuck-lines.ts';

const frame = (id: string, over: Partial<NodeFrame> = {}): NodeFrame => ({
  id,
  arrivals: 100,
  ok: 10,
  failed: {},
  inFlight: 1204,
  queueDepth: 1200,
  busy: 4,
  capacity: 4,
  window: null,
  metrics: {},
  faults: [],
  crashed: false,
  hung: false,
  state: null,
  stuck: { partitioned: 4, hung: 0 },
  ...over,
});

const STUCK: NodeStatus = { health: 'stuck', text: 'Stuck' };
const plain = (s: string) => s.replaceAll('\u00a0', ' ');

describe('the stuck row above the canvas', () => {
  it('one line per Stuck node, by its label, in document order', () => {
    const nodes = [
      { id: 'users', kind: 'client', label: 'Users' },
      { id: 'orders', kind: 'service', label: 'Orders' },
      { id: 'db', kind: 'database' },
    ];
    const frames = {
      users: frame('users', {
        busy: 0,
        capacity: 0,
        queueDepth: 0,
        inFlight: 7,
        stuck: { partitioned: 7, hung: 0 },
      }),
      orders: frame('orders'),
    };
    const lines = stuckLines(nodes, { orders: STUCK, users: STUCK }, frames).map(plain);
    expect(lines).toEqual([
      'Users: all 7 requests waiting on a partitioned call; no timeout is set',
      'Orders: all 4 workers waiting on a partitioned call; 1 200 queued; no timeout is set',
    ]);
  });

  it('nothing for nodes that are not Stuck, even with some stuck workers', () => {
    const nodes = [{ id: 'orders', kind: 'service', label: 'Orders' }];
    const some = { orders: frame('orders', { stuck: { partitioned: 2, hung: 0 } }) };
    expect(stuckLines(nodes, { orders: { health: 'saturated', text: 'Saturated' } }, some)).toEqual(
      [],
    );
    expect(stuckLines(nodes, {}, {})).toEqual([]);
  });

  it('names a few, then counts the rest', () => {
    const nodes = Array.from({ length: STUCK_LINES_SHOWN + 2 }, (_, i) => ({
      id: `s${i}`,
      kind: 'service',
    }));
    const statuses = Object.fromEntries(nodes.map((n) => [n.id, STUCK]));
    const frames = Object.fromEntries(nodes.map((n) => [n.id, frame(n.id)]));
    const lines = stuckLines(nodes, statuses, frames);
    expect(lines).toHaveLength(STUCK_LINES_SHOWN + 1);
    expect(lines[0]).toMatch(/^s0: all 4 workers/);
    expect(lines.at(-1)).toBe('…and 2 more nodes are stuck (their status reads Stuck).');
  });
});
