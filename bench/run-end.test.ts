import { describe, expect, it } from 'vitest';
import {
  judgeRunEnd,
  longestTaskAtRunEnd,
  runEndSection,
  runEndVerdictLine,
} from './run-end-report.ts';
import { runEndScenario, tasksAtRunEnd, type RunEndRun } from './run-end.ts';

describe('long tasks at the end of a run', () => {
  const tasks = [
    { start: 100, duration: 60 }, // over before Done (at 1000): the run's own work
    { start: 950, duration: 300 }, // running when Done appeared: counts
    { start: 1300, duration: 80 },
    { start: 2600, duration: 90 }, // after the window
  ];

  it('counts the tasks running at Done or starting before the window ends', () => {
    expect(tasksAtRunEnd(tasks, 1000, 2500)).toEqual({
      longestTaskMs: 300,
      longTasks: 2,
      longTaskTotalMs: 380,
    });
  });

  it('is zero when no task was long', () => {
    expect(tasksAtRunEnd([], 1000, 2500)).toEqual({
      longestTaskMs: 0,
      longTasks: 0,
      longTaskTotalMs: 0,
    });
  });
});

describe('run-end report', () => {
  const run = (longestTaskMs: number): RunEndRun => ({
    runMs: 2000,
    chartsDrawnMs: 400,
    longestTaskMs,
    longTasks: 3,
    longTaskTotalMs: 150,
  });

  it('reports the median of the runs’ longest tasks and judges it against 100 ms', () => {
    const r = { scenario: 's', runs: [run(90), run(400), run(70), run(95), run(120)] };
    expect(longestTaskAtRunEnd(r)).toBe(95);
    expect(judgeRunEnd(r)).toBe(true);
    expect(runEndVerdictLine(r)).toBe(
      '(e) longest main-thread task at run end: 95 ms median (target ≤ 100 ms) PASS',
    );
    expect(judgeRunEnd({ scenario: 's', runs: [run(101)] })).toBe(false);
    expect(judgeRunEnd({ scenario: 's', runs: [] })).toBeUndefined();
    expect(runEndSection(r).join('\n')).toContain('70–400');
  });

  it('measures a one-hour run', () => {
    expect(runEndScenario().durationMs).toBe(3_600_000);
  });
});
