import { describe, expect, it } from 'vitest';
import type { NodeFrame } from '../engine/index.ts';
import type { HostFrame, RunStatus } from '../host/index.ts';
import { createTelemetryStore, LIVE_FRAME_STRIDE, RUN_TO_END_STRIDE } from './telemetry-store.ts';

const node = (id: string, arrivals: number): NodeFrame => ({
  id,
  arrivals,
  ok: arrivals,
  failed: {},
  inFlight: 0,
  queueDepth: 0,
  busy: 0,
  capacity: 1,
  window: null,
  metrics: {},
  faults: [],
  state: null,
});

const frame = (status: RunStatus, nodes: NodeFrame[], timeMs = 0): HostFrame => ({
  status,
  speed: 1,
  timeMs,
  durationMs: 1000,
  progress: 0,
  telemetry: {
    timeMs,
    durationMs: 1000,
    events: 0,
    done: false,
    windowsClosed: 0,
    nodes,
    edges: [],
  },
  trace: [],
  traceDropped: 0,
  summary: null,
  error: null,
});

describe('telemetry store', () => {
  it('while playing, folds node figures in every Nth frame without losing any', () => {
    const t = createTelemetryStore();
    t.getState().applyFrame(frame('playing', [node('a', 1)], 10));
    expect(t.getState().nodes['a']).toBeUndefined(); // held back…
    expect(t.getState().timeMs).toBe(10); // …but the clock is live
    t.getState().applyFrame(frame('playing', [node('b', 7)], 20));
    for (let i = 2; i < LIVE_FRAME_STRIDE; i++)
      t.getState().applyFrame(frame('playing', [], 20 + i));
    expect(t.getState().nodes['a']?.arrivals).toBe(1);
    expect(t.getState().nodes['b']?.arrivals).toBe(7); // from a skipped frame, not lost
  });

  it('during run to end, shows every figure at once every Nth frame and all of them when done', () => {
    const t = createTelemetryStore();
    t.getState().applyFrame(frame('running-to-end', [node('a', 1), node('b', 2)], 10));
    expect(t.getState().nodes['a']?.arrivals).toBe(1); // the first frame shows everything
    for (let i = 1; i < RUN_TO_END_STRIDE; i++)
      t.getState().applyFrame(frame('running-to-end', [node('a', 1 + i)], 10 + i));
    expect(t.getState().nodes['a']?.arrivals).toBe(1); // held back…
    expect(t.getState().timeMs).toBe(10 + RUN_TO_END_STRIDE - 1); // …the clock is not
    t.getState().applyFrame(frame('running-to-end', [node('b', 9)], 100));
    expect(t.getState().nodes['a']?.arrivals).toBe(RUN_TO_END_STRIDE);
    expect(t.getState().nodes['b']?.arrivals).toBe(9);
    t.getState().applyFrame(frame('running-to-end', [node('a', 500)], 101));
    t.getState().applyFrame(frame('done', [], 1000));
    expect(t.getState().nodes['a']?.arrivals).toBe(500); // nothing lost at the end
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
