// Measurement (d) of `npm run bench:ui`: the first load — the JavaScript the page needs before
// it can draw (size-limit's own figure, the same check `npm test` runs) and the time from
// navigation to the canvas drawn, on fresh pages (no cache, no autosave).
import type { Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { VIEWPORT } from './page-metrics.ts';

export interface InitialJs {
  /** Gzip bytes of the entry script and the chunks index.html preloads. */
  gzipBytes: number;
  /** The budget in .size-limit.js, bytes. */
  limitBytes: number;
}

export interface FirstLoadResult {
  initialJs?: InitialJs;
  /** Navigation start → the first frame with a canvas node drawn, per fresh page. */
  firstCanvasMs: number[];
  /** Navigation start → first contentful paint (the header), per fresh page. */
  firstPaintMs: number[];
  error?: string;
}

/** The one check of `size-limit --json`; an error naming what was printed otherwise. */
export function parseSizeLimitJson(stdout: string): InitialJs {
  const parsed: unknown = JSON.parse(stdout);
  const check = Array.isArray(parsed) ? (parsed[0] as Record<string, unknown>) : undefined;
  const size = check?.['size'];
  const limit = check?.['sizeLimit'];
  if (typeof size !== 'number' || typeof limit !== 'number') {
    throw new Error(`size-limit printed no size and limit: ${stdout.slice(0, 200)}`);
  }
  return { gzipBytes: size, limitBytes: limit };
}

/** Runs size-limit (the same config and plugin as `npm run size`) over the built dist/. */
export function measureInitialJs(repoRoot: string): Promise<InitialJs> {
  const bin = join(
    dirname(createRequire(import.meta.url).resolve('size-limit/package.json')),
    'bin.js',
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, '--json'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.resume();
    child.on('error', reject);
    // It exits 1 when over budget; the figure is what the bench wants either way.
    child.on('close', () => {
      try {
        resolve(parseSizeLimitJson(Buffer.concat(out).toString('utf8')));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

type FirstLoadWindow = Window & { __firstCanvasMs?: number; __firstPaintMs?: number };

/**
 * Installed before the app's scripts. On every animation frame until then it looks for a
 * laid-out, visible canvas node (React Flow keeps nodes hidden until it has measured them);
 * the time is taken in a task queued from that frame, so it runs after the frame is painted.
 */
function watchFirstCanvas(): void {
  const w = window as FirstLoadWindow;
  // Paint entries arrive after their frame: observed, not looked up when the canvas shows.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint') w.__firstPaintMs = e.startTime;
    }
  }).observe({ type: 'paint', buffered: true });
  const look = () => {
    const node = document.querySelector('.react-flow__node');
    if (node && getComputedStyle(node).visibility !== 'hidden' && node.clientWidth > 0) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        w.__firstCanvasMs = performance.now();
      };
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** One fresh page: ms from navigation start to the canvas drawn, and to the first paint. */
async function firstCanvasOnce(
  browser: Browser,
  url: string,
): Promise<{ canvasMs: number; paintMs: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    // As in page-metrics.ts: tsx wraps named inner functions in `__name(…)`.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await context.addInitScript(watchFirstCanvas);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(
      () => {
        const w = window as FirstLoadWindow;
        return w.__firstCanvasMs !== undefined && w.__firstPaintMs !== undefined;
      },
      null,
      { timeout: 30_000 },
    );
    return await page.evaluate(() => {
      const w = window as FirstLoadWindow;
      return { canvasMs: w.__firstCanvasMs ?? NaN, paintMs: w.__firstPaintMs ?? NaN };
    });
  } finally {
    await context.close();
  }
}

export async function measureFirstCanvas(
  browser: Browser,
  url: string,
  runs: number,
  into: FirstLoadResult,
): Promise<void> {
  for (let i = 0; i < runs; i++) {
    const { canvasMs, paintMs } = await firstCanvasOnce(browser, url);
    into.firstCanvasMs.push(canvasMs);
    into.firstPaintMs.push(paintMs);
  }
}
