// In-page measurements: rAF frame counts, long tasks and long animation frames, run-to-end time.
// Everything is counted inside the page (performance.now, no round trips through the driver).
import type { Browser, Page } from '@playwright/test';
import { watchPage, type PageProblems } from '../e2e/support/page-errors.ts';

export const VIEWPORT = { width: 1440, height: 900 } as const;
/** A long task is over 50 ms by definition; this is also the target's limit. */
export const LONG_TASK_MS = 50;

interface LongEntry {
  start: number;
  duration: number;
}

/** A script that ran inside a long animation frame (Chromium's LoAF attribution). */
export interface LoafScript {
  source: string;
  invoker: string;
  durationMs: number;
}

interface Recorder {
  longTasks: LongEntry[];
  loafs: { start: number; duration: number; scripts: LoafScript[] }[];
  frames: number[];
  recording: boolean;
}

type BenchWindow = Window & { __uiBench: Recorder };

/** Installed before the app's own scripts: observers buffer from the first task on. */
function instrument(): void {
  const rec: Recorder = { longTasks: [], loafs: [], frames: [], recording: false };
  (window as unknown as BenchWindow).__uiBench = rec;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      rec.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const scripts = ((e as unknown as { scripts?: PerformanceEntry[] }).scripts ?? []).map(
          (s) => {
            const x = s as unknown as Record<string, string>;
            const source = `${x['sourceURL'] ?? ''}:${x['sourceFunctionName'] ?? ''}`;
            return { source, invoker: String(x['invoker'] ?? ''), durationMs: s.duration };
          },
        );
        rec.loafs.push({ start: e.startTime, duration: e.duration, scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Long animation frames are Chromium ≥ 123; the benchmark works without them.
  }
}

/** Zoom-out clicks allowed to bring every node into view (each zooms out by a fifth or so). */
const ZOOM_OUT_CLICKS = 20;

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
  close(): Promise<void>;
}

/**
 * The canvas draws only the nodes in view, and a fit stops at the zoom where words stay
 * legible, so a large graph opens partly drawn. The benchmark measures the heavy case: it
 * zooms out (the canvas's own control, down to 10 %) until every node is drawn.
 */
async function zoomOutUntilDrawn(page: Page, expectedNodes: number): Promise<void> {
  const drawn = () => page.evaluate(() => document.querySelectorAll('.react-flow__node').length);
  const zoomOut = page.getByTestId('canvas').locator('.react-flow__controls-zoomout');
  for (let clicks = 0; clicks < ZOOM_OUT_CLICKS && (await drawn()) < expectedNodes; clicks++) {
    await zoomOut.click();
    await page.waitForTimeout(100);
  }
  await page.waitForFunction(
    (n) => document.querySelectorAll('.react-flow__node').length >= n,
    expectedNodes,
    { timeout: 30_000 },
  );
}

/** A fresh context (no autosave, no cache) with the scenario link opened and every node drawn. */
export async function openScenario(
  browser: Browser,
  baseUrl: string,
  hash: string,
  expectedNodes: number,
): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl });
  // tsx (esbuild, keepNames) wraps named inner functions in `__name(…)`; functions sent to the
  // page by evaluate() need that helper there too.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const problems = watchPage(page);
  await page.goto(`./#${hash}`);
  await page.getByTestId('run-status').filter({ hasText: 'Ready' }).waitFor({ timeout: 30_000 });
  await zoomOutUntilDrawn(page, expectedNodes);
  return { page, problems, close: () => context.close() };
}

export async function play(page: Page, speed: number): Promise<void> {
  await page.getByTestId('speed').selectOption(String(speed));
  await page.getByTestId('play').click();
  await page.getByTestId('run-status').filter({ hasText: 'Playing' }).waitFor({ timeout: 10_000 });
}

/** Virtual ms shown by the clock ("12.3 s", "4:05.0", "1:02:03"), as e2e/support/app-page.ts. */
export function parseClockMs(text: string): number {
  const current = text.split('/')[0]?.trim() ?? '';
  const parts = current.replace(' s', '').split(':').map(Number);
  return Math.round(parts.reduce((acc, p) => acc * 60 + p, 0) * 1000);
}

/** Starts counting requestAnimationFrame callbacks (timestamps kept in the page). */
export async function startFrames(page: Page): Promise<number> {
  return page.evaluate(() => {
    const rec = (window as unknown as BenchWindow).__uiBench;
    rec.frames = [];
    rec.recording = true;
    const tick = (t: number) => {
      if (!rec.recording) return;
      rec.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return performance.now();
  });
}

export interface WindowMetrics {
  fromMs: number;
  toMs: number;
  fps: number;
  frames: number;
  maxFrameGapMs: number;
  longTasks: number;
  maxLongTaskMs: number;
  /** Long animation frames (> 50 ms from frame start to paint). */
  longFrames: number;
  /** Virtual ms per wall ms over the window, read from the clock (speed actually achieved). */
  virtualSpeed: number;
}

interface RawWindow {
  frames: number[];
  longTasks: LongEntry[];
  loafs: Recorder['loafs'];
  clockAt: { t: number; text: string }[];
}

/** Statistics of a recorded span, cut to [fromMs, toMs) of page time. */
export function windowMetrics(raw: RawWindow, fromMs: number, toMs: number): WindowMetrics {
  const inside = (t: number) => t >= fromMs && t < toMs;
  const frames = raw.frames.filter(inside);
  let maxGap = 0;
  for (let i = 1; i < frames.length; i++) {
    maxGap = Math.max(maxGap, (frames[i] as number) - (frames[i - 1] as number));
  }
  const tasks = raw.longTasks.filter((e) => inside(e.start));
  const near = (t: number) =>
    raw.clockAt.reduce((best, c) => (Math.abs(c.t - t) < Math.abs(best.t - t) ? c : best));
  const a = near(fromMs);
  const b = near(toMs);
  return {
    fromMs,
    toMs,
    fps: (frames.length / (toMs - fromMs)) * 1000,
    frames: frames.length,
    maxFrameGapMs: maxGap,
    longTasks: tasks.length,
    maxLongTaskMs: Math.max(0, ...tasks.map((e) => e.duration)),
    longFrames: raw.loafs.filter((e) => inside(e.start)).length,
    virtualSpeed: b.t > a.t ? (parseClockMs(b.text) - parseClockMs(a.text)) / (b.t - a.t) : NaN,
  };
}

/** Samples the clock text once per `everyMs` of wall time for `totalMs`, in the page. */
async function sampleClock(page: Page, totalMs: number, everyMs: number): Promise<RawWindow> {
  return page.evaluate(
    async ({ totalMs, everyMs }) => {
      const clock = () => document.querySelector('[data-testid="clock"]')?.textContent ?? '';
      const start = performance.now();
      const clockAt = [{ t: start, text: clock() }];
      const end = start + totalMs;
      while (performance.now() < end) {
        await new Promise((r) => setTimeout(r, Math.min(everyMs, end - performance.now())));
        clockAt.push({ t: performance.now(), text: clock() });
      }
      const rec = (window as unknown as BenchWindow).__uiBench;
      rec.recording = false;
      return { frames: rec.frames, longTasks: rec.longTasks, loafs: rec.loafs, clockAt };
    },
    { totalMs, everyMs },
  );
}

/** Records frames, long tasks and the clock for `totalMs` of wall time from now. */
export async function record(
  page: Page,
  totalMs: number,
): Promise<RawWindow & { startMs: number }> {
  const startMs = await startFrames(page);
  const raw = await sampleClock(page, totalMs, 1000);
  return { ...raw, startMs };
}

/** A recorded span and the part of it [fromMs, toMs) that was measured. */
export interface MeasuredSpan {
  raw: RawWindow;
  fromMs: number;
  toMs: number;
}

/** The scripts that spent the most time inside long animation frames, over several spans. */
export function topLoafScripts(spans: readonly MeasuredSpan[], n = 5): LoafScript[] {
  const totals = new Map<string, LoafScript>();
  for (const { raw, fromMs, toMs } of spans) {
    for (const frame of raw.loafs) {
      if (frame.start < fromMs || frame.start >= toMs) continue;
      for (const s of frame.scripts) {
        const key = `${s.invoker} @ ${s.source}`;
        const t = totals.get(key) ?? { ...s, durationMs: 0 };
        t.durationMs += s.durationMs;
        totals.set(key, t);
      }
    }
  }
  return [...totals.values()].sort((a, b) => b.durationMs - a.durationMs).slice(0, n);
}

/** Clicks Run to end inside the page and resolves with the ms until the status reads Done. */
export async function timeRunToEnd(page: Page, timeoutMs: number): Promise<number> {
  return page.evaluate(async (timeoutMs) => {
    const status = document.querySelector('[data-testid="run-status"]');
    const button = document.querySelector<HTMLButtonElement>('[data-testid="run-to-end"]');
    if (!status || !button) throw new Error('run-status or run-to-end not found');
    const toolbar = status.parentElement ?? document.body;
    return new Promise<number>((resolve, reject) => {
      let started = 0;
      const isDone = () =>
        document.querySelector('[data-testid="run-status"]')?.textContent === 'Done';
      const observer = new MutationObserver(() => {
        if (!isDone()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now() - started);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`run to end did not finish within ${timeoutMs} ms`));
      }, timeoutMs);
      observer.observe(toolbar, { subtree: true, childList: true, characterData: true });
      started = performance.now();
      button.click();
    });
  }, timeoutMs);
}
