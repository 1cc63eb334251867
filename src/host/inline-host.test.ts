import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createSimulation } from '../engine/index.ts';
import { RUN_BUDGET, SAMPLE_EVENTS } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { createInlineHost, type InlineHostOptions } from './inline-host.ts';
import type { HostFrame, SimHost } from './sim-host.ts';
import { fakeTicker, manualSchedule, recordFrames } from './test-fakes.ts';
import { fakeClock, livelockScenario, pairScenario, twoClientScenario } from './test-scenarios.ts';

/** Events a livelock of 3 users with no think time runs before the guard stops it. */
const LIVELOCK_EVENTS = 3 * RUN_BUDGET.maxZeroDelayDepth + SAMPLE_EVENTS;

/** One run of a test scenario (20 s of two clients, ~1100 requests): ≤ 400 ms here. */
const RUN_MS = 500;

function setup(options: Partial<InlineHostOptions> = {}) {
  const ticker = fakeTicker();
  const scheduler = manualSchedule();
  const host = createInlineHost({
    now: fakeClock().now,
    ticker: ticker.factory,
    schedule: scheduler.schedule,
    ...options,
  });
  const frames = recordFrames(host);
  const last = () => frames.at(-1) as HostFrame;
  return { host, ticker, scheduler, frames, last };
}

/** Runs scheduled run-to-end slices until none is left. */
function drain(scheduler: ReturnType<typeof manualSchedule>): number {
  let slices = 0;
  while (scheduler.runNext()) slices++;
  return slices;
}

describe('inline host', () => {
  it('is an inline host; every command answers with a frame', () => {
    const { host, frames, last } = setup();
    expect(host.kind).toBe('inline');
    host.load(pairScenario());
    expect(last()).toMatchObject({ status: 'ready', timeMs: 0, durationMs: 10_000 });
    host.setSpeed(10);
    expect(last().speed).toBe(10);
    expect(frames.length).toBe(2);
  });

  it('plays on ticks at 10× virtual per wall time, and pause stops the ticker', () => {
    const { host, ticker, last } = setup();
    host.load(pairScenario());
    ticker.tick(16);
    expect(last().timeMs).toBe(0); // not playing: the ticker is off
    host.setSpeed(10);
    host.play();
    expect(ticker.running()).toBe(true);
    ticker.tick(16);
    expect(last()).toMatchObject({ status: 'playing', timeMs: 160 });
    ticker.tick(34);
    expect(last().timeMs).toBe(500);
    host.pause();
    expect(ticker.running()).toBe(false);
    ticker.tick(16);
    expect(last()).toMatchObject({ status: 'paused', timeMs: 500 });
  });

  it('step advances exactly to the next 1 s boundary', () => {
    const { host, ticker, last } = setup();
    host.load(pairScenario());
    host.play();
    ticker.tick(123);
    host.step();
    expect(last()).toMatchObject({ status: 'paused', timeMs: 1000 });
    host.step();
    expect(last().timeMs).toBe(2000);
  });

  it('setSpeed clamps and ignores NaN', () => {
    const { host, last } = setup();
    host.load(pairScenario());
    host.setSpeed(500);
    expect(last().speed).toBe(100);
    host.setSpeed(Number.NaN);
    expect(last().speed).toBe(100);
    host.setSpeed(0.001);
    expect(last().speed).toBe(0.1);
  });

  it(
    'runs to the end in slices, progress rising to 1, with the direct run’s summary',
    budget(2, RUN_MS),
    () => {
      const { host, scheduler, frames, last } = setup({ now: fakeClock(4).now });
      host.load(twoClientScenario());
      host.runToEnd();
      expect(last().status).toBe('running-to-end');
      const before = frames.length;
      expect(drain(scheduler)).toBeGreaterThan(3);
      const progress = frames.slice(before - 1).map((f) => f.progress);
      for (let i = 1; i < progress.length; i++) {
        expect(progress[i]).toBeGreaterThan(progress[i - 1] as number);
      }
      expect(last()).toMatchObject({ status: 'done', progress: 1, timeMs: 20_000 });
      const direct = createSimulation(twoClientScenario(), { registry: REGISTRY });
      direct.runToEnd();
      expect(last().summary).toEqual(direct.summary());
    },
  );

  it('pause cancels a run to end between slices', () => {
    const { host, scheduler, last } = setup({ now: fakeClock(4).now });
    host.load(pairScenario());
    host.runToEnd();
    host.runToEnd(); // a second request does not start a second loop
    expect(scheduler.pending()).toBe(1);
    scheduler.runNext();
    const reached = last().timeMs;
    host.pause();
    expect(scheduler.pending()).toBe(0);
    drain(scheduler);
    expect(last()).toMatchObject({ status: 'paused', timeMs: reached });
    expect(reached).toBeLessThan(10_000);
  });

  it(
    'reset returns to time 0 and a second run gives an identical summary',
    budget(2, RUN_MS),
    () => {
      const { host, scheduler, last } = setup();
      host.load(pairScenario());
      host.runToEnd();
      drain(scheduler);
      const first = last().summary;
      expect(first).not.toBeNull();
      host.reset();
      expect(last()).toMatchObject({ status: 'ready', timeMs: 0, summary: null, progress: 0 });
      host.runToEnd();
      drain(scheduler);
      expect(last().summary).toEqual(first);
    },
  );

  it(
    'patches live and reports bad input; series for a node and the system',
    budget(1, RUN_MS),
    async () => {
      const { host, last } = setup();
      host.load(twoClientScenario());
      host.step();
      await expect(
        host.patch({ type: 'node-config', nodeId: 's', config: { workers: 4 } }),
      ).resolves.toEqual({ ok: true });
      const bad = await host.patch({ type: 'node-config', nodeId: 's', config: { workers: -1 } });
      expect(bad.ok).toBe(false);
      host.step();
      expect(last().timeMs).toBe(2000);

      const a = await host.series({ type: 'node', nodeId: 'a' }, 'recent');
      const b = await host.series({ type: 'node', nodeId: 'b' }, 'recent');
      const system = await host.series({ type: 'system' }, 'recent');
      expect(system).toMatchObject({ scope: { type: 'system' }, range: 'recent' });
      expect(a.view.startMs).toEqual([0, 1000]);
      expect(system.view.fields['arrivals']).toEqual(
        (a.view.fields['arrivals'] ?? []).map((x, i) => x + (b.view.fields['arrivals']?.[i] ?? 0)),
      );
      await expect(host.series({ type: 'node', nodeId: 'nope' }, 'whole')).rejects.toThrow(/nope/);
    },
  );

  // The livelock (3 users, 3 zero-delay steps a round) is seen after LIVELOCK_EVENTS events:
  // ~0.001 ms each here.
  it(
    'an engine error becomes an error frame, never a throw',
    budget(LIVELOCK_EVENTS, 0.002),
    () => {
      const { host, ticker, last } = setup();
      host.load(livelockScenario());
      host.play();
      expect(() => {
        for (let i = 0; i < 8; i++) ticker.tick(200);
      }).not.toThrow();
      expect(last().status).toBe('error');
      expect(last().error).toMatch(
        /^Stopped at 1\.0 s: virtual time cannot advance — the client c has 3 users/,
      );
      expect(ticker.running()).toBe(false);
    },
  );

  it('a listener that commands during a frame sees frames in order', () => {
    const { host, ticker, frames } = setup();
    host.load(pairScenario());
    let paused = false;
    const seen: string[] = [];
    host.onFrame((f) => {
      seen.push(f.status);
      if (f.status === 'playing' && f.timeMs > 0 && !paused) {
        paused = true;
        host.pause();
      }
    });
    host.play();
    ticker.tick(16);
    expect(seen).toEqual(['playing', 'playing', 'paused']);
    expect(frames.map((f) => f.status).slice(-3)).toEqual(['playing', 'playing', 'paused']);
  });

  it('dispose rejects later requests and stops the ticker', async () => {
    const { host, ticker }: { host: SimHost; ticker: ReturnType<typeof fakeTicker> } = setup();
    host.load(pairScenario());
    host.play();
    host.dispose();
    expect(ticker.running()).toBe(false);
    await expect(host.series({ type: 'system' }, 'recent')).rejects.toThrow(/disposed/);
    expect(() => host.play()).not.toThrow();
  });
});
