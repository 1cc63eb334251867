import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { createSimulation } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import type { Schedule } from './driver-endpoint.ts';
import { pairScenario } from './test-scenarios.ts';
import { startWarmUp, warmUpScenario } from './warm-up.ts';

/** A schedule whose tasks run when the test says so. */
function manualSchedule() {
  const tasks: (() => void)[] = [];
  const schedule: Schedule = (task) => {
    let cancelled = false;
    tasks.push(() => {
      if (!cancelled) task();
    });
    return () => {
      cancelled = true;
    };
  };
  const runNext = () => tasks.shift()?.();
  return { schedule, tasks, runNext };
}

/** A clock that moves `stepMs` every time it is read. */
function steppingClock(stepMs: number) {
  let t = 0;
  return () => (t += stepMs);
}

describe('engine warm-up', () => {
  it('uses a valid scenario of core kinds', () => {
    const s = warmUpScenario(REGISTRY);
    expect(s.nodes.map((n) => n.kind)).toEqual(['client', 'service', 'database']);
    expect(() => createSimulation(s, { registry: REGISTRY })).not.toThrow();
  });

  it('runs in slices until its wall-time budget is spent, then stops by itself', () => {
    const m = manualSchedule();
    const w = startWarmUp(m.schedule, steppingClock(1), REGISTRY, 20, 4);
    let slices = 0;
    while (m.tasks.length > 0) {
      m.runNext();
      slices++;
    }
    expect(w.running).toBe(false);
    expect(w.events).toBeGreaterThan(0);
    // Each slice reads the clock a few times (1 ms per read), so a 20 ms budget takes a handful.
    expect(slices).toBeGreaterThan(1);
    expect(slices).toBeLessThan(20);
  });

  it('stops before its next slice when told to, and schedules nothing more', () => {
    const m = manualSchedule();
    const w = startWarmUp(m.schedule, steppingClock(1), REGISTRY, 1000, 4);
    m.runNext();
    const events = w.events;
    w.stop();
    expect(w.running).toBe(false);
    while (m.tasks.length > 0) m.runNext();
    expect(w.events).toBe(events);
    w.stop(); // idempotent
  });

  // Two runs of the test scenario and a warm-up of 4 slices: ≤ 200 ms here in all.
  it(
    "never changes the person's run: same summary with or without a warm-up first",
    budget(3, 200),
    () => {
      const plain = createSimulation(pairScenario(), { registry: REGISTRY });
      plain.runToEnd();
      const m = manualSchedule();
      startWarmUp(m.schedule, steppingClock(1), REGISTRY, 50, 4);
      while (m.tasks.length > 0) m.runNext();
      const after = createSimulation(pairScenario(), { registry: REGISTRY });
      after.runToEnd();
      expect(after.summary()).toEqual(plain.summary());
    },
  );
});
