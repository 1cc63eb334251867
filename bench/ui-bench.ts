// Entry point of `npm run bench:ui`: the built site in headless Chromium — the first load, live
// fps and long tasks at 20/100/300 nodes, a sustained run, run-to-end against the CLI, and the
// main thread at the end of a run.
// Progress goes to stderr so `--json` leaves stdout machine-readable. Always exits 0 once it
// has measured: a benchmark reports, it does not gate.
import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CHROMIUM_ARGS,
  findChromiumHere,
  NO_CHROMIUM_MESSAGE,
} from '../e2e/support/find-chromium.ts';
import { playwrightChromiumPath } from '../e2e/support/playwright-chromium-path.ts';
import { serveStatic } from '../e2e/support/static-server.ts';
import type { SimScenario } from '../src/engine/index.ts';
import { encodeScenarioLink } from '../src/scenario/index.ts';
import { runCliSpawned, runEngineInProcess } from './cli-timing.ts';
import {
  openScenario,
  type MeasuredSpan,
  play,
  record,
  timeRunToEnd,
  topLoafScripts,
  windowMetrics,
} from './page-metrics.ts';
import { measureFirstCanvas, measureInitialJs, type FirstLoadResult } from './first-load.ts';
import {
  measureRunEnd,
  RUN_END_SCENARIO_NAME,
  runEndScenario,
  type RunEndResult,
} from './run-end.ts';
import { layeredScenario, mm1Scenario } from './ui-scenarios.ts';
import {
  formatUiReport,
  type LoadResult,
  type RunToEndResult,
  type SustainedResult,
  type UiBenchReport,
} from './ui-report.ts';

const USAGE = 'Usage: npm run bench:ui -- [--quick] [--runs N] [--json]';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');

const LOAD_SIZES = [20, 100, 300] as const;
const LOAD_SPEED = 10;
const WARM_UP_MS = 2000;
const WINDOW_MS = 5000;
const SUSTAINED_NODES = 100;
const SUSTAINED_SPEED = 20;
const SUSTAINED_SECONDS = { full: 60, quick: 20 } as const;
const IDLE_MS = 2000;
/** (d) fresh pages per measurement: the first load varies more than a steady frame rate. */
const FIRST_LOAD_RUNS = { full: 7, quick: 1 } as const;
/** (e) fresh pages: one long task decides a run, so more runs than the fps figures. */
const RUN_END_RUNS = { full: 5, quick: 1 } as const;
/**
 * (c) clicks Run to end this long after the page is ready, as a person would: the CLI's own
 * time excludes its start-up (npm, tsx, module loading), and this excludes the page's (the
 * worker compiles the engine with a ≤ 400 ms warm-up run while the page boots).
 */
const SETTLE_BEFORE_RUN_TO_END_MS = 1000;
const RUN_TO_END_TIMEOUT_MS = 120_000;

const log = (text: string) => process.stderr.write(`${text}\n`);
const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e)) ?? '';

interface Options {
  quick: boolean;
  json: boolean;
  runs: number;
}

function parseOptions(argv: string[]): Options | string {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        runs: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return USAGE;
    const runs = values.runs === undefined ? (values.quick ? 1 : 3) : Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) return `--runs must be a whole number ≥ 1\n${USAGE}`;
    return { quick: values.quick, json: values.json, runs };
  } catch (e) {
    return `${message(e)}\n${USAGE}`;
  }
}

interface Site {
  browser: Browser;
  url: string;
  pageErrors: string[];
}

async function openInApp(site: Site, scenario: SimScenario) {
  const opened = await openScenario(
    site.browser,
    site.url,
    encodeScenarioLink(scenario),
    scenario.nodes.length,
  );
  return {
    ...opened,
    close: async () => {
      site.pageErrors.push(...opened.problems.pageErrors, ...opened.problems.consoleErrors);
      await opened.close();
    },
  };
}

async function idleFps(site: Site): Promise<number> {
  const page = await openInApp(site, layeredScenario(LOAD_SIZES[0]));
  try {
    const raw = await record(page.page, IDLE_MS);
    return windowMetrics(raw, raw.startMs, raw.startMs + IDLE_MS).fps;
  } finally {
    await page.close();
  }
}

async function measureLoad(site: Site, nodes: number, runs: number): Promise<LoadResult> {
  const scenario = layeredScenario(nodes);
  const result: LoadResult = {
    nodes,
    edges: scenario.edges.length,
    speed: LOAD_SPEED,
    runs: [],
    topLoafScripts: [],
  };
  const spans: MeasuredSpan[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      log(`(a) ${nodes} nodes: run ${i + 1}/${runs}…`);
      const page = await openInApp(site, scenario);
      try {
        await play(page.page, LOAD_SPEED);
        await page.page.waitForTimeout(WARM_UP_MS);
        const raw = await record(page.page, WINDOW_MS);
        const m = windowMetrics(raw, raw.startMs, raw.startMs + WINDOW_MS);
        result.runs.push(m);
        spans.push({ raw, fromMs: m.fromMs, toMs: m.toMs });
      } finally {
        await page.close();
      }
    }
  } catch (e) {
    result.error = `(a) ${nodes} nodes: ${message(e)}`;
  }
  result.topLoafScripts = topLoafScripts(spans);
  return result;
}

async function measureFirstLoad(site: Site, o: Options): Promise<FirstLoadResult> {
  const result: FirstLoadResult = { firstCanvasMs: [], firstPaintMs: [] };
  try {
    log('(d) initial JS: size-limit…');
    result.initialJs = await measureInitialJs(ROOT);
    const runs = o.quick ? FIRST_LOAD_RUNS.quick : FIRST_LOAD_RUNS.full;
    log(`(d) first load: ${runs} fresh page(s)…`);
    await measureFirstCanvas(site.browser, site.url, runs, result);
  } catch (e) {
    result.error = `(d): ${message(e)}`;
  }
  return result;
}

async function measureSustained(site: Site, o: Options): Promise<SustainedResult> {
  const wallSeconds = o.quick ? SUSTAINED_SECONDS.quick : SUSTAINED_SECONDS.full;
  const scenario = layeredScenario(SUSTAINED_NODES);
  const result: SustainedResult = {
    scenario: `the ${SUSTAINED_NODES}-node layered scenario`,
    speed: SUSTAINED_SPEED,
    wallSeconds,
    runs: [],
  };
  try {
    for (let i = 0; i < o.runs; i++) {
      log(`(b) ${wallSeconds} s at ${SUSTAINED_SPEED}×: run ${i + 1}/${o.runs}…`);
      const page = await openInApp(site, scenario);
      try {
        await play(page.page, SUSTAINED_SPEED);
        const totalMs = wallSeconds * 1000;
        const raw = await record(page.page, totalMs);
        const end = raw.startMs + totalMs;
        result.runs.push({
          first: windowMetrics(raw, raw.startMs, raw.startMs + WINDOW_MS),
          last: windowMetrics(raw, end - WINDOW_MS, end),
        });
      } finally {
        await page.close();
      }
    }
  } catch (e) {
    result.error = `(b): ${message(e)}`;
  }
  return result;
}

async function measureRunToEnd(site: Site, o: Options): Promise<RunToEndResult> {
  const scenario = mm1Scenario();
  const result: RunToEndResult = {
    scenario: 'M/M/1 (Poisson 80/s → 1 worker, exp 10 ms, 2 000 000 ms)',
    events: 0,
    pageMs: [],
    pageRepeatMs: [],
    engineMs: [],
    cli: [],
  };
  try {
    for (let i = 0; i < o.runs; i++) {
      log(`(c) page run to end: run ${i + 1}/${o.runs}…`);
      const page = await openInApp(site, scenario);
      try {
        await page.page.waitForTimeout(SETTLE_BEFORE_RUN_TO_END_MS);
        result.pageMs.push(await timeRunToEnd(page.page, RUN_TO_END_TIMEOUT_MS));
        // The same page again after Reset: its worker's engine is warm now, as in-process runs.
        await page.page.getByTestId('reset').click();
        await page.page.getByTestId('run-status').filter({ hasText: 'Ready' }).waitFor();
        result.pageRepeatMs.push(await timeRunToEnd(page.page, RUN_TO_END_TIMEOUT_MS));
      } finally {
        await page.close();
      }
    }
    for (let i = 0; i < o.runs; i++) {
      log(`(c) engine in process: run ${i + 1}/${o.runs}…`);
      const run = runEngineInProcess(scenario);
      if (!run.conservationOk) throw new Error('conservation violated in the engine run');
      result.events = run.events;
      result.engineMs.push(run.wallMs);
    }
    log(`(c) npm run sim, spawned: ${o.runs} run(s)…`);
    result.cli = await runCliSpawned(ROOT, scenario, o.runs);
    const bad = result.cli.find(
      (c) => c.exitCode !== 0 || c.events !== result.events || !Number.isFinite(c.reportedMs),
    );
    if (bad) {
      throw new Error(
        `npm run sim exited ${bad.exitCode} with ${bad.events} events, reported ${bad.reportedMs} ms`,
      );
    }
  } catch (e) {
    result.error = `(c): ${message(e)}`;
  }
  return result;
}

async function measureRunEndSection(site: Site, o: Options): Promise<RunEndResult> {
  const scenario = runEndScenario();
  const result: RunEndResult = { scenario: RUN_END_SCENARIO_NAME, runs: [] };
  const runs = Math.max(o.runs, o.quick ? RUN_END_RUNS.quick : RUN_END_RUNS.full);
  try {
    for (let i = 0; i < runs; i++) {
      log(`(e) run end: run ${i + 1}/${runs}…`);
      const page = await openInApp(site, scenario);
      try {
        await page.page.waitForTimeout(SETTLE_BEFORE_RUN_TO_END_MS);
        result.runs.push(await measureRunEnd(page.page, RUN_TO_END_TIMEOUT_MS));
      } finally {
        await page.close();
      }
    }
  } catch (e) {
    result.error = `(e): ${message(e)}`;
  }
  return result;
}

async function main(argv: string[]): Promise<number> {
  const options = parseOptions(argv);
  if (typeof options === 'string') {
    const help = options === USAGE;
    (help ? process.stdout : process.stderr).write(`${options}\n`);
    return help ? 0 : 2;
  }
  const choice = findChromiumHere(playwrightChromiumPath());
  if (!choice) {
    log(NO_CHROMIUM_MESSAGE);
    return 1;
  }
  if (!existsSync(join(DIST, 'index.html'))) {
    log('dist/index.html not found: run `vite build` first (npm run bench:ui does).');
    return 1;
  }
  const server = await serveStatic(DIST, '/');
  const browser = await chromium.launch({
    executablePath: choice.executablePath,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
  try {
    const site: Site = { browser, url: server.url, pageErrors: [] };
    log(`UI bench: ${choice.executablePath} (Chromium ${browser.version()}), site at ${site.url}`);
    const idle = await idleFps(site);
    const firstLoad = await measureFirstLoad(site, options);
    const load: LoadResult[] = [];
    for (const nodes of LOAD_SIZES) load.push(await measureLoad(site, nodes, options.runs));
    const sustained = await measureSustained(site, options);
    const runToEnd = await measureRunToEnd(site, options);
    const runEnd = await measureRunEndSection(site, options);
    const report: UiBenchReport = {
      chromium: browser.version(),
      node: process.versions.node,
      cpus: availableParallelism(),
      quick: options.quick,
      runsPerMeasurement: options.runs,
      idleFps: idle,
      firstLoad,
      load,
      sustained,
      runToEnd,
      runEnd,
      pageErrors: [...new Set(site.pageErrors)],
    };
    process.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : formatUiReport(report),
    );
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
