import { describe, expect, it } from 'vitest';
import { createTicker, FRAMES_PER_TICK, type TickerEnv } from './ticker.ts';

function fakeEnv() {
  let nowMs = 0;
  let hidden = false;
  let nextHandle = 1;
  const frames = new Map<number, (t: number) => void>();
  const visibility = new Set<() => void>();
  const env: TickerEnv = {
    requestFrame(callback) {
      frames.set(nextHandle, callback);
      return nextHandle++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    now: () => nowMs,
    isHidden: () => hidden,
    onVisibilityChange(listener) {
      visibility.add(listener);
      return () => visibility.delete(listener);
    },
  };
  return {
    env,
    /** Advances the clock and runs the pending animation frames. */
    frame(ms: number) {
      nowMs += ms;
      const due = [...frames.values()];
      frames.clear();
      for (const f of due) f(nowMs);
    },
    setHidden(value: boolean, awayMs = 0) {
      hidden = value;
      nowMs += awayMs;
      for (const l of visibility) l();
    },
    pendingFrames: () => frames.size,
    listeners: () => visibility.size,
  };
}

describe('ticker', () => {
  it('reports the wall time between animation frames while started', () => {
    const fake = fakeEnv();
    const deltas: number[] = [];
    const ticker = createTicker((d) => deltas.push(d), fake.env, 1);
    fake.frame(16);
    expect(deltas).toEqual([]);
    ticker.start();
    ticker.start();
    fake.frame(16);
    fake.frame(17);
    expect(deltas).toEqual([16, 17]);
    ticker.stop();
    fake.frame(16);
    expect(deltas).toEqual([16, 17]);
    expect(fake.pendingFrames()).toBe(0);
    expect(fake.listeners()).toBe(0);
    ticker.start(); // measured from the restart, not from the stop
    fake.frame(10);
    expect(deltas).toEqual([16, 17, 10]);
  });

  it('pauses while the tab is hidden and does not report the time away', () => {
    const fake = fakeEnv();
    const deltas: number[] = [];
    const ticker = createTicker((d) => deltas.push(d), fake.env, 1);
    ticker.start();
    fake.frame(16);
    fake.setHidden(true);
    expect(fake.pendingFrames()).toBe(0);
    fake.setHidden(false, 60_000);
    fake.frame(16);
    expect(deltas).toEqual([16, 16]);
    expect(ticker.running).toBe(true);
  });

  it('can be stopped from inside its own tick', () => {
    const fake = fakeEnv();
    const ticker = createTicker(() => ticker.stop(), fake.env, 1);
    ticker.start();
    fake.frame(16);
    expect(ticker.running).toBe(false);
    expect(fake.pendingFrames()).toBe(0);
  });

  it('by default reports every FRAMES_PER_TICK frames, with the wall time of all of them', () => {
    const fake = fakeEnv();
    const deltas: number[] = [];
    const ticker = createTicker((d) => deltas.push(d), fake.env);
    ticker.start();
    for (let i = 0; i < FRAMES_PER_TICK * 3; i++) fake.frame(16);
    expect(deltas).toEqual([1, 2, 3].map(() => 16 * FRAMES_PER_TICK));
    expect(fake.pendingFrames()).toBe(1); // every frame is still requested
  });

  it('counts frames afresh after a stop, so the first report covers a whole tick', () => {
    const fake = fakeEnv();
    const deltas: number[] = [];
    const ticker = createTicker((d) => deltas.push(d), fake.env, 3);
    ticker.start();
    fake.frame(10);
    ticker.stop();
    ticker.start();
    fake.frame(10);
    fake.frame(10);
    expect(deltas).toEqual([]);
    fake.frame(10);
    expect(deltas).toEqual([30]);
  });
});
