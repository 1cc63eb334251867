// Measurement (e) of `npm run bench:ui`: the main thread when a run finishes. A fresh page opens
// a one-hour scenario, runs it to the end, and the long tasks from the end of the run until every
// chart has drawn are counted in the page (PerformanceObserver 'longtask').
import type { Page } from '@playwright/test';
import type { SimScenario } from '../src/engine/index.ts';
import { findBuiltin } from '../src/scenario/index.ts';

/** A timed one-hour run of a built-in: What to watch, the four charts and a state strip. */
export const RUN_END_DURATION_MS = 3_600_000;
const RUN_END_BUILTIN = 'circuit-breaker';

export function runEndScenario(): SimScenario {
  const scenario = findBuiltin(RUN_END_BUILTIN)?.build('with');
  if (!scenario) throw new Error(`no built-in "${RUN_END_BUILTIN}"`);
  return { ...scenario, durationMs: RUN_END_DURATION_MS };
}

export const RUN_END_SCENARIO_NAME = `the ${RUN_END_BUILTIN} built-in for 1 h of virtual time`;

/** After the last chart has drawn, tasks are still counted this long (late work is work too). */
export const RUN_END_TAIL_MS = 1000;

export interface LongTask {
  start: number;
  duration: number;
}

/** One run: what the main thread did from the run's end until the charts were drawn. */
export interface RunEndRun {
  /** Wall time of Run to end, click → Done. */
  runMs: number;
  /** Done → every chart of the panel drawn (its last chart's first frame). */
  chartsDrawnMs: number;
  /** The longest task that overlaps [Done, charts drawn + tail]; 0 when none was long. */
  longestTaskMs: number;
  longTasks: number;
  longTaskTotalMs: number;
}

export interface RunEndResult {
  scenario: string;
  runs: RunEndRun[];
  error?: string;
}

/** The long tasks that were running at the end of the run or started before `untilMs`. */
export function tasksAtRunEnd(
  tasks: readonly LongTask[],
  doneMs: number,
  untilMs: number,
): Pick<RunEndRun, 'longestTaskMs' | 'longTasks' | 'longTaskTotalMs'> {
  const inside = tasks.filter((t) => t.start + t.duration >= doneMs && t.start <= untilMs);
  return {
    longestTaskMs: Math.max(0, ...inside.map((t) => t.duration)),
    longTasks: inside.length,
    longTaskTotalMs: inside.reduce((sum, t) => sum + t.duration, 0),
  };
}

interface InPage {
  runMs: number;
  doneMs: number;
  drawnMs: number;
  untilMs: number;
  tasks: LongTask[];
}

/**
 * Clicks Run to end and waits (in the page) for Done, then for every chart of the panel to draw.
 * Needs the bench's long-task recorder (`page-metrics.ts`, `__uiBench`) installed.
 */
export async function measureRunEnd(page: Page, timeoutMs: number): Promise<RunEndRun> {
  const r = await page.evaluate(
    async ({ timeoutMs, tailMs }) => {
      type Rec = { longTasks: { start: number; duration: number }[] };
      const rec = (window as unknown as { __uiBench: Rec }).__uiBench;
      const status = document.querySelector('[data-testid="run-status"]');
      const button = document.querySelector<HTMLButtonElement>('[data-testid="run-to-end"]');
      if (!status || !button) throw new Error('run-status or run-to-end not found');
      const deadline = performance.now() + timeoutMs;
      const until = (test: () => boolean, what: string) =>
        new Promise<number>((resolve, reject) => {
          const finish = (settle: () => void) => {
            observer.disconnect();
            clearInterval(timer);
            settle();
          };
          // Checked on every DOM change (in the task that made it) and, for the deadline, 4×/s.
          const check = () => {
            if (test()) finish(() => resolve(performance.now()));
            else if (performance.now() > deadline)
              finish(() => reject(new Error(`${what} within ${timeoutMs} ms`)));
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          const timer = setInterval(check, 250);
          check();
        });
      const drawn = () => {
        const panel = document.querySelector('[data-testid="charts-panel"]');
        if (!panel || panel.querySelector('[data-testid="charts-empty"]')) return false;
        const figures = panel.querySelectorAll('figure.chart');
        return figures.length > 0 && panel.querySelectorAll('.chart__pending').length === 0;
      };
      const startMs = performance.now();
      button.click();
      const doneMs = await until(() => status.textContent === 'Done', 'the run did not finish');
      const drawnMs = await until(drawn, 'the charts were not drawn');
      await new Promise((resolve) => setTimeout(resolve, tailMs));
      return {
        runMs: doneMs - startMs,
        doneMs,
        drawnMs,
        untilMs: drawnMs + tailMs,
        tasks: rec.longTasks.map((t) => ({ start: t.start, duration: t.duration })),
      };
    },
    { timeoutMs, tailMs: RUN_END_TAIL_MS },
  );
  const { runMs, doneMs, drawnMs, untilMs, tasks } = r as InPage;
  return { runMs, chartsDrawnMs: drawnMs - doneMs, ...tasksAtRunEnd(tasks, doneMs, untilMs) };
}
