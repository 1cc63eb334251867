import { describe, expect, it } from 'vitest';
import type { EdgeFrame, NodeFrame } from '../engine/index.ts';
import type { HostFrame, RunStatus } from './sim-host.ts';
import { testHostFrame, testNodeFrame } from './test-frames.ts';
import { createTelemetrySlicer, LIVE_FRAME_STRIDE, RUN_TO_END_STRIDE } from './telemetry-slicer.ts';

const node = testNodeFrame;

const edge = (id: string, calls: number): EdgeFrame => ({
  id,
  calls,
  ok: calls,
  failed: 0,
  dropped: 0,
  windowCalls: calls,
  windowFailed: 0,
  faults: [],
  partitioned: false,
});

const frame = (status: RunStatus, nodes: NodeFrame[], timeMs = 0, edges: EdgeFrame[] = []) =>
  testHostFrame(status, nodes, { timeMs, edges, windowsClosed: 1 });

/** Everything the slicer let through, latest per id, over a sequence of frames. */
function shown(frames: HostFrame[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const f of frames) for (const n of f.telemetry.nodes) seen.set(n.id, n.arrivals);
  return seen;
}

describe('telemetry slicer', () => {
  it('while playing, sends each element once per stride, latest figures, none lost', () => {
    const s = createTelemetrySlicer();
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const out: HostFrame[] = [];
    for (let i = 0; i < LIVE_FRAME_STRIDE; i++) {
      out.push(
        s.slice(
          frame(
            'playing',
            ids.map((id) => node(id, i)),
            10 + i,
          ),
        ),
      );
    }
    // No frame carries them all, yet after one stride every element was sent exactly once.
    expect(Math.max(...out.map((f) => f.telemetry.nodes.length))).toBeLessThan(ids.length);
    const counts = new Map<string, number>();
    for (const f of out)
      for (const n of f.telemetry.nodes) counts.set(n.id, (counts.get(n.id) ?? 0) + 1);
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(counts.size).toBe(ids.length);
    // The clock and the window count pass through untouched on every frame.
    expect(out.map((f) => f.timeMs)).toEqual(out.map((_, i) => 10 + i));
    expect(out.every((f) => f.telemetry.windowsClosed === 1)).toBe(true);
  });

  it('folds a figure from a frame where it was not due into a later frame', () => {
    const s = createTelemetrySlicer();
    const out = [s.slice(frame('playing', [node('b', 7)], 1, [edge('e', 3)]))];
    for (let i = 1; i < LIVE_FRAME_STRIDE; i++) out.push(s.slice(frame('playing', [], 1 + i)));
    expect(shown(out).get('b')).toBe(7);
    expect(out.flatMap((f) => f.telemetry.edges).map((e) => e.calls)).toEqual([3]);
  });

  it('during run to end, sends everything every Nth frame, and all of it when done', () => {
    const s = createTelemetrySlicer();
    const first = s.slice(frame('running-to-end', [node('a', 1), node('b', 2)], 10));
    expect(first.telemetry.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    const held: HostFrame[] = [];
    for (let i = 1; i < RUN_TO_END_STRIDE; i++) {
      held.push(s.slice(frame('running-to-end', [node('a', 1 + i)], 10 + i)));
    }
    expect(held.every((f) => f.telemetry.nodes.length === 0)).toBe(true);
    expect(held.at(-1)?.timeMs).toBe(10 + RUN_TO_END_STRIDE - 1); // the clock still moves
    const next = s.slice(frame('running-to-end', [node('b', 9)], 100));
    expect(shown([next])).toEqual(
      new Map([
        ['a', RUN_TO_END_STRIDE],
        ['b', 9],
      ]),
    );
    s.slice(frame('running-to-end', [node('a', 500)], 101));
    expect(shown([s.slice(frame('done', [], 1000))]).get('a')).toBe(500);
  });

  it('sends a paused, stepped or finished run at once', () => {
    const s = createTelemetrySlicer();
    const ids = Array.from({ length: 40 }, (_, i) => `n${i}`);
    const playing = s.slice(
      frame(
        'playing',
        ids.map((id) => node(id, 1)),
      ),
    );
    const paused = s.slice(frame('paused', [node('n7', 5)]));
    const all = shown([playing, paused]);
    expect(all.size).toBe(ids.length);
    expect(all.get('n7')).toBe(5);
    expect(s.slice(frame('paused', [])).telemetry.nodes).toEqual([]); // nothing left waiting
  });

  it('clear forgets waiting figures', () => {
    const s = createTelemetrySlicer();
    s.slice(frame('running-to-end', [node('a', 1)]));
    s.slice(frame('running-to-end', [node('a', 2)]));
    s.clear();
    expect(s.slice(frame('paused', [])).telemetry.nodes).toEqual([]);
  });
});
