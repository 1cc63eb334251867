import { expect, test } from '@playwright/test';
import { encodeScenarioLink, findBuiltin } from '../src/scenario/index.ts';
import { AppPage } from './support/app-page.ts';

// The end of a timed one-hour run used to stall the page for 0.4–1.5 s: the four charts and
// What to watch were mounted (and Recharts compiled) in one task. Speed is the benchmark's
// business (`npm run bench:ui`, section e); this checks the structure that keeps it short:
// each chart is drawn by a task of its own, and the off-screen warm-up leaves nothing behind.

interface Recorded {
  /** Charts that got their first plot, per DOM-mutation callback (one callback per task). */
  drawnPerCallback: string[][];
  longTasks: { start: number; duration: number }[];
}

type RecordingWindow = Window & { __runEnd: Recorded };

function record(): void {
  const rec: Recorded = { drawnPerCallback: [], longTasks: [] };
  (window as unknown as RecordingWindow).__runEnd = rec;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const drawn = new Set<string>();
  new MutationObserver(() => {
    const now: string[] = [];
    for (const figure of document.querySelectorAll('figure[data-testid^="chart-"]')) {
      const id = figure.getAttribute('data-testid') ?? '';
      if (!drawn.has(id) && figure.querySelector('.recharts-surface')) {
        drawn.add(id);
        now.push(id);
      }
    }
    if (now.length > 0) rec.drawnPerCallback.push(now);
  }).observe(document, { subtree: true, childList: true });
}

test('a one-hour run ends without one long redraw: each chart is drawn in a task of its own', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(record);
  const app = new AppPage(page);
  const builtin = findBuiltin('circuit-breaker')?.build('with');
  if (!builtin) throw new Error('no circuit-breaker built-in');
  await app.open(`#${encodeScenarioLink({ ...builtin, durationMs: 3_600_000 })}`);
  await expect(page.getByTestId('charts-empty')).toBeVisible();
  await page.getByTestId('run-to-end').click();
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 150_000 });

  // What to watch and the four charts, each drawn with the finished run.
  const charts = [
    'chart-watch',
    'chart-throughput',
    'chart-latency',
    'chart-error-rate',
    'chart-queue',
  ];
  for (const id of charts) {
    await expect(page.getByTestId(id).locator('.recharts-surface').first()).toBeVisible({
      timeout: 30_000,
    });
  }
  await expect(page.getByTestId('chart-watch')).toHaveAttribute('data-last-sec', '3600');

  const rec = await page.evaluate(() => (window as unknown as RecordingWindow).__runEnd);
  test.info().annotations.push({
    type: 'long tasks (ms, for information)',
    description: rec.longTasks.map((t) => Math.round(t.duration)).join(' ') || 'none',
  });
  expect(rec.drawnPerCallback.flat().sort()).toEqual([...charts].sort());
  // Never two charts in one task (before: all five in one).
  for (const batch of rec.drawnPerCallback) expect(batch).toHaveLength(1);
  // The warm-up's off-screen box is gone, and no second copy of a chart's test id exists.
  await expect(page.locator('body > div[aria-hidden="true"]')).toHaveCount(0);
  for (const id of charts) await expect(page.getByTestId(id)).toHaveCount(1);
});
