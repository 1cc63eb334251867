// The CLI side of measurement (c): the engine in this process, and `npm run sim` spawned.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulation, type SimScenario } from '../src/engine/index.ts';
import { toDocument } from '../src/scenario/index.ts';

export interface EngineRun {
  wallMs: number;
  events: number;
  conservationOk: boolean;
}

/** `createSimulation(scenario).runToEnd()`, timed from creation to the end of the run. */
export function runEngineInProcess(scenario: SimScenario): EngineRun {
  const started = performance.now();
  const sim = createSimulation(scenario);
  sim.runToEnd();
  const wallMs = performance.now() - started;
  return { wallMs, events: sim.events, conservationOk: sim.summary().conservation.ok };
}

export interface SpawnRun {
  /** Spawn to exit: npm, tsx and module loading as well as the run. */
  wallMs: number;
  /**
   * The CLI's own time for the run, as its report prints it ("… s wall": from creating the
   * simulation to its end, in a fresh process); NaN when it could not be read.
   */
  reportedMs: number;
  exitCode: number | null;
  /** Events from the report's header; NaN when it could not be read. */
  events: number;
}

/** Events and wall time from the header line of the CLI's text report. */
export function parseCliHeader(text: string): { events: number; reportedMs: number } {
  const events = /(\d+) events/.exec(text)?.[1];
  const wall = /([\d.]+) s wall/.exec(text)?.[1];
  return {
    events: events === undefined ? NaN : Number(events),
    reportedMs: wall === undefined ? NaN : Number(wall) * 1000,
  };
}

function spawnTimed(cwd: string, args: string[]): Promise<SpawnRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      resolve({ wallMs, exitCode, ...parseCliHeader(Buffer.concat(out).toString('utf8')) });
    });
  });
}

/**
 * `npm run sim -- <tmpfile>` as a user would type it: the CLI's own reported time for the
 * run, and the wall time from spawn to exit (npm, tsx and module loading included).
 */
export async function runCliSpawned(
  repoRoot: string,
  scenario: SimScenario,
  runs: number,
): Promise<SpawnRun[]> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-ui-bench-'));
  const file = join(dir, 'mm1.json');
  try {
    writeFileSync(file, `${JSON.stringify(toDocument(scenario), null, 2)}\n`);
    const results: SpawnRun[] = [];
    for (let i = 0; i < runs; i++) {
      results.push(await spawnTimed(repoRoot, ['run', 'sim', '--', file]));
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
