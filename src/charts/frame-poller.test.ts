import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelemetryStore } from '../store/telemetry-store.ts';
import { pollOnFrames } from './frame-poller.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
});

const frame = (status: 'playing' | 'running-to-end' | 'done', timeMs: number) => ({
  status,
  speed: 1,
  timeMs,
  durationMs: 10_000,
  progress: 0,
  telemetry: {
    timeMs,
    durationMs: 10_000,
    events: 0,
    done: status === 'done',
    windowsClosed: 0,
    nodes: [],
    edges: [],
  },
  trace: [],
  traceDropped: 0,
  summary: null,
  error: null,
});

describe('polling on telemetry frames', () => {
  it('asks at once, not while running to end, and once more when the run settles', async () => {
    const telemetry = createTelemetryStore();
    let asked = 0;
    const delivered: number[] = [];
    const stop = pollOnFrames(telemetry, {
      fetch: () => Promise.resolve(++asked),
      deliver: (n) => delivered.push(n),
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered).toEqual([1]);
    vi.advanceTimersByTime(1000);
    for (let t = 1; t <= 5; t++) telemetry.getState().applyFrame(frame('running-to-end', t * 1000));
    await vi.advanceTimersByTimeAsync(0);
    expect(asked).toBe(1);
    telemetry.getState().applyFrame(frame('done', 10_000));
    await vi.advanceTimersByTimeAsync(0);
    expect(delivered).toEqual([1, 2]);
    stop();
    telemetry.getState().applyFrame(frame('playing', 0));
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toBe(2);
  });
});
