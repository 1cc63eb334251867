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
});
