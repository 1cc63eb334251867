import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../engine/index.ts';
import type { RunStatus } from '../host/index.ts';
import { testHostFrame, testNodeFrame } from '../host/test-frames.ts';
import { createTelemetryStore } from './telemetry-store.ts';

const node = testNodeFrame;
const frame = (status: RunStatus, nodes: NodeFrame[], timeMs = 0) =>
  testHostFrame(status, nodes, { timeMs });

describe('telemetry store', () => {
  it('shows every figure a frame carries, whatever the status; the clock moves every frame', () => {
    const t = createTelemetryStore();
    t.getState().applyFrame(frame('playing', [node('a', 1)], 10));
    expect(t.getState().nodes['a']?.arrivals).toBe(1);
    t.getState().applyFrame(frame('running-to-end', [], 20));
    expect(t.getState().timeMs).toBe(20);
    expect(t.getState().nodes['a']?.arrivals).toBe(1);
  });

  it('shows a paused, stepped or finished run at once, and keeps unchanged entries identical', () => {
    const t = createTelemetryStore();
    t.getState().applyFrame(frame('paused', [node('a', 1), node('b', 2)]));
    const b = t.getState().nodes['b'];
    t.getState().applyFrame(frame('paused', [node('a', 5)]));
    expect(t.getState().nodes['a']?.arrivals).toBe(5);
    expect(t.getState().nodes['b']).toBe(b);
  });

  it('clear forgets figures, pending ones included, and the log', () => {
    const t = createTelemetryStore();
    t.getState().applyFrame(frame('playing', [node('a', 1)]));
    t.log.push({ timeUs: 0, type: 'request.failed', node: 'a' });
    t.getState().clear('ready', 500);
    t.getState().applyFrame(frame('paused', []));
    expect(t.getState().nodes).toEqual({});
    expect(t.log.size).toBe(0);
    expect(t.getState().durationMs).toBe(1000);
  });

  it('folds node frames into status words: Saturated after three overloaded seconds, one entry per change', () => {
    const t = createTelemetryStore();
    const overloaded = (queueDepth: number): NodeFrame => ({
      ...node('a', 100),
      queueDepth,
      busy: 1,
      window: { completed: 10, failed: 0, utilization: 1, p99Ms: 5000 },
    });
    t.getState().applyFrame(frame('paused', [overloaded(10), node('b', 1)], 1000));
    const b = t.getState().statuses['b'];
    expect(t.getState().statuses['a']?.text).toBe('OK');
    t.getState().applyFrame(frame('paused', [overloaded(20)], 2000));
    // A frame within the same second is not a new observation.
    t.getState().applyFrame(frame('paused', [overloaded(25)], 2500));
    expect(t.getState().statuses['a']?.text).toBe('OK');
    t.getState().applyFrame(frame('paused', [overloaded(30)], 3000));
    expect(t.getState().statuses['a']).toEqual({ health: 'saturated', text: 'Saturated' });
    const saturated = t.getState().statuses;
    t.getState().applyFrame(frame('paused', [overloaded(40)], 4000));
    expect(t.getState().statuses).toBe(saturated);
    expect(t.getState().statuses['b']).toBe(b);
    // Reset forgets the trends too: the next run starts without history.
    t.getState().clear('ready', 1000);
    expect(t.getState().statuses).toEqual({});
    t.getState().applyFrame(frame('paused', [overloaded(50)], 1000));
    expect(t.getState().statuses['a']?.text).toBe('OK');
  });
});
