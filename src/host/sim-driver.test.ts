import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createSimulation, type SeriesView } from '../engine/index.ts';
import { RUN_BUDGET, SAMPLE_EVENTS } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { MAX_SPEED, MIN_SPEED, type HostFrame } from './sim-host.ts';
import { createSimDriver, type SimDriver, type SimDriverOptions } from './sim-driver.ts';
import { fakeClock, livelockScenario, pairScenario, twoClientScenario } from './test-scenarios.ts';

/** Events a livelock of 3 users with no think time runs before the guard stops it. */
const LIVELOCK_EVENTS = 3 * RUN_BUDGET.maxZeroDelayDepth + SAMPLE_EVENTS;

function driver(options: Partial<SimDriverOptions> = {}): SimDriver {
  const d = createSimDriver({ now: fakeClock().now, ...options });
  d.load(pairScenario());
  return d;
}

/** Runs to the end slice by slice, as a host does, collecting one frame per slice. */
function runAllSlices(d: SimDriver): HostFrame[] {
  d.runToEnd();
  const frames = [d.frame()];
  for (let i = 0; d.status === 'running-to-end' && i < 100_000; i++) {
    d.runSlice();
    frames.push(d.frame());
  }
  return frames;
}

const directSummary = (scenario = pairScenario()) => {
  const sim = createSimulation(scenario, { registry: REGISTRY });
  sim.runToEnd();
  return sim.summary();
};

describe('sim driver: status and pacing', () => {
  it('starts empty; load makes it ready at time 0 with a full first frame', () => {
    const d = createSimDriver({ now: fakeClock().now });
    expect(d.frame()).toMatchObject({ status: 'empty', timeMs: 0, progress: 0, summary: null });
    d.load(pairScenario());
    const frame = d.frame();
    expect(frame).toMatchObject({ status: 'ready', timeMs: 0, durationMs: 10_000, error: null });
    expect(frame.telemetry.nodes.map((n) => n.id)).toEqual(['c', 's']);
  });

  it('while playing at 10×, a tick advances virtual time by 10× its wall delta', () => {
    const d = driver();
    d.setSpeed(10);
    d.play();
    d.advanceBy(16);
    expect(d.timeMs).toBe(160);
    d.advanceBy(100);
    expect(d.timeMs).toBe(1160);
    expect(d.frame()).toMatchObject({
      status: 'playing',
      speed: 10,
      timeMs: 1160,
      progress: 0.116,
    });
  });

  it('does not advance unless playing; pause stops', () => {
    const d = driver();
    d.advanceBy(100);
    expect(d.timeMs).toBe(0);
    d.play();
    d.advanceBy(100);
    d.pause();
    d.advanceBy(100);
    expect(d.timeMs).toBe(100);
    expect(d.status).toBe('paused');
  });

  it('caps one tick at 250 ms of wall time so a stalled tab does not jump', () => {
    const d = driver();
    d.play();
    d.advanceBy(5000);
    expect(d.timeMs).toBe(250);
    d.advanceBy(Number.NaN);
    d.advanceBy(-20);
    expect(d.timeMs).toBe(250);
  });

  it('playing past the end finishes the run with a summary', () => {
    const d = driver();
    d.setSpeed(100);
    d.play();
    d.advanceBy(250); // 25 s asked, 10 s available
    expect(d.frame()).toMatchObject({ status: 'done', timeMs: 10_000, progress: 1 });
    expect(d.frame().summary).toEqual(directSummary());
    d.advanceBy(16);
    expect(d.timeMs).toBe(10_000);
  });

  it('falls behind instead of blocking when ticks cost more than their budget', () => {
    // Every clock read costs 5 ms: after three 100 ms chunks the 12 ms budget is spent.
    const d = driver({ now: fakeClock(5).now });
    d.setSpeed(100);
    d.play();
    d.advanceBy(100); // asks for 10 s of virtual time
    expect(d.timeMs).toBeGreaterThan(0);
    expect(d.timeMs).toBeLessThan(1000);
    expect(d.status).toBe('playing');
  });

  it('step advances exactly to the next 1 s boundary and pauses', () => {
    const d = driver();
    d.step();
    expect(d.timeMs).toBe(1000);
    expect(d.status).toBe('paused');
    d.play();
    d.advanceBy(160);
    d.step();
    expect(d.timeMs).toBe(2000);
    expect(d.status).toBe('paused');
    for (let i = 0; i < 8; i++) d.step();
    expect(d.timeMs).toBe(10_000);
    expect(d.status).toBe('done');
    d.step();
    expect(d.timeMs).toBe(10_000);
  });

  it('setSpeed clamps to the offered range and refuses NaN', () => {
    const d = driver();
    expect(d.setSpeed(1000)).toBe(true);
    expect(d.speed).toBe(MAX_SPEED);
    d.setSpeed(0);
    expect(d.speed).toBe(MIN_SPEED);
    d.setSpeed(-3);
    expect(d.speed).toBe(MIN_SPEED);
    d.setSpeed(Number.POSITIVE_INFINITY);
    expect(d.speed).toBe(MAX_SPEED);
    d.setSpeed(2.5);
    expect(d.setSpeed(Number.NaN)).toBe(false);
    expect(d.setSpeed('3' as unknown as number)).toBe(false);
    expect(d.speed).toBe(2.5);
  });
});

describe('sim driver: run to end, reset, determinism', () => {
  it('runs to the end in slices with increasing progress and the direct run’s summary', () => {
    // Each clock read costs 4 ms, so a 30 ms slice ends after a handful of chunks.
    const d = driver({ now: fakeClock(4).now });
    const frames = runAllSlices(d);
    const progress = frames.map((f) => f.progress);
    expect(frames.length).toBeGreaterThan(3);
    expect(frames[0]?.status).toBe('running-to-end');
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]).toBeGreaterThan(progress[i - 1] as number);
    }
    const last = frames.at(-1) as HostFrame;
    expect(last).toMatchObject({ status: 'done', progress: 1, timeMs: 10_000 });
    expect(last.summary).toEqual(directSummary());
    expect(last.summary?.clients['c']?.sent).toBeGreaterThan(90);
  });

  it('pause cancels a run to end between slices', () => {
    const d = driver({ now: fakeClock(4).now });
    d.runToEnd();
    d.runSlice();
    const reached = d.timeMs;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(10_000);
    d.pause();
    d.runSlice();
    expect(d.timeMs).toBe(reached);
    expect(d.frame()).toMatchObject({ status: 'paused', summary: null });
  });

  it('reset returns to time 0 and a second run gives an identical summary', budget(2, 500), () => {
    const d = createSimDriver({ now: fakeClock(3).now });
    d.load(twoClientScenario());
    const first = runAllSlices(d).at(-1)?.summary;
    d.reset();
    expect(d.frame()).toMatchObject({ status: 'ready', timeMs: 0, summary: null });
    d.play();
    d.setSpeed(50);
    for (let i = 0; i < 7; i++) d.advanceBy(16);
    d.step();
    const second = runAllSlices(d).at(-1)?.summary;
    expect(second).toEqual(first);
    expect(second).toEqual(directSummary(twoClientScenario()));
  });
});

describe('sim driver: patches and series', () => {
  it('applies a live patch and reports errors for bad input', () => {
    const d = driver();
    d.step();
    expect(d.patch({ type: 'node-config', nodeId: 's', config: { errorRate: 1 } })).toEqual({
      ok: true,
    });
    d.step();
    const window = d.series({ type: 'node', nodeId: 'c' }, 'recent').view.fields;
    // Every call after the patch fails; the ones before it succeeded.
    expect(window['ok']?.[0]).toBeGreaterThan(5);
    expect(window['ok']?.[1]).toBe(0);
    expect(window['failed']?.[0]).toBe(0);
    expect(window['failed']?.[1]).toBeGreaterThan(5);

    const bad = d.patch({ type: 'node-config', nodeId: 's', config: { errorRate: 2 } });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors[0]).toMatch(/^s\.config\.errorRate: /);
    expect(d.patch({ type: 'fault-remove', faultId: 'nope' })).toEqual({
      ok: false,
      errors: ['no fault with id "nope"'],
    });
    expect(createSimDriver({ now: () => 0 }).patch({ type: 'fault-remove', faultId: 'x' }).ok).toBe(
      false,
    );
  });

  it('reset replays the loaded scenario, not the live patches', () => {
    const d = driver();
    d.patch({ type: 'node-config', nodeId: 's', config: { errorRate: 1 } });
    d.reset();
    runAllSlices(d);
    expect(d.frame().summary).toEqual(directSummary());
  });

  it('system series sums the clients on additive fields and weights latency by completions', () => {
    const d = createSimDriver({ now: fakeClock().now });
    d.load(twoClientScenario());
    runAllSlices(d);
    for (const range of ['recent', 'whole'] as const) {
      const a = d.series({ type: 'node', nodeId: 'a' }, range).view;
      const b = d.series({ type: 'node', nodeId: 'b' }, range).view;
      const system = d.series({ type: 'system' }, range);
      expect(system.scope).toEqual({ type: 'system' });
      const view: SeriesView = system.view;
      expect(view.startMs).toEqual(a.startMs);
      expect(view.startMs.length).toBeGreaterThan(5);
      for (const field of ['arrivals', 'ok', 'failed', 'completed', 'failed:error']) {
        const sum = (a.fields[field] ?? []).map((x, i) => x + (b.fields[field]?.[i] ?? 0));
        expect(view.fields[field], field).toEqual(sum);
      }
      const i = 3;
      const ca = a.fields['completed']?.[i] as number;
      const cb = b.fields['completed']?.[i] as number;
      const meanA = a.fields['meanMs']?.[i] as number;
      const meanB = b.fields['meanMs']?.[i] as number;
      expect(view.fields['meanMs']?.[i]).toBeCloseTo((meanA * ca + meanB * cb) / (ca + cb), 9);
      expect(view.fields['p99Ms']?.[i]).toBe(
        Math.max(a.fields['p99Ms']?.[i] as number, b.fields['p99Ms']?.[i] as number),
      );
    }
    const arrivals = d.series({ type: 'system' }, 'whole').view.fields['arrivals'] ?? [];
    const summary = d.frame().summary;
    expect(arrivals.reduce((x, y) => x + y, 0)).toBe(
      (summary?.clients['a']?.sent ?? 0) + (summary?.clients['b']?.sent ?? 0),
    );
  });

  it('series of an unknown node throws; nothing loaded gives an empty system series', () => {
    const d = driver();
    expect(() => d.series({ type: 'node', nodeId: 'zz' }, 'recent')).toThrow(/zz/);
    const empty = createSimDriver({ now: () => 0 }).series({ type: 'system' }, 'whole');
    expect(empty.view).toEqual({ startMs: [], durationMs: [], fields: {} });
  });
});

describe('sim driver: failures and trace', () => {
  // The livelock is hit twice (playing, then after reset), each after LIVELOCK_EVENTS events:
  // ~0.001 ms each here.
  it(
    'an engine error becomes status error with a sentence, keeping the last telemetry',
    budget(2 * LIVELOCK_EVENTS, 0.002),
    () => {
      const d = createSimDriver({ now: fakeClock().now });
      d.load(livelockScenario());
      d.play();
      d.advanceBy(200);
      const good = d.frame();
      expect(good.telemetry.nodes.length).toBe(2);
      for (let i = 0; i < 10; i++) expect(() => d.advanceBy(200)).not.toThrow();
      const frame = d.frame();
      expect(frame.status).toBe('error');
      expect(frame.error).toMatch(/^Stopped at 1\.0 s: virtual time cannot advance — .*\.$/);
      expect(frame.telemetry).toEqual({ ...good.telemetry, windowsClosed: 0 });
      d.play();
      d.step();
      d.runToEnd();
      expect(d.status).toBe('error');
      expect(d.patch({ type: 'fault-remove', faultId: 'f' }).ok).toBe(false);
      d.reset();
      expect(d.frame()).toMatchObject({ status: 'ready', error: null, timeMs: 0 });
      expect(() => runAllSlices(d)).not.toThrow();
      expect(d.frame()).toMatchObject({ status: 'error', summary: null });
    },
  );

  it('keeps at most the trace capacity between frames and counts the dropped', () => {
    // Successes are sampled (1 in 50), so keep the capacity below one second's events.
    const d = createSimDriver({ now: fakeClock().now, traceCapacity: 3 });
    d.load(twoClientScenario());
    d.step();
    d.step();
    const frame = d.frame();
    expect(frame.trace.length).toBe(3);
    expect(frame.traceDropped).toBeGreaterThan(0);
    const times = frame.trace.map((e) => e.timeUs);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(d.frame()).toMatchObject({ trace: [], traceDropped: 0 });
  });
});
