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
  wallMs: number;
  exitCode: number | null;
  /** `events` from the JSON summary on stdout; NaN when it could not be read. */
  events: number;
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
      let events = NaN;
      try {
        const text = Buffer.concat(out).toString('utf8');
        const json = JSON.parse(text.slice(text.indexOf('{'))) as { events?: unknown };
        if (typeof json.events === 'number') events = json.events;
      } catch {
        // Reported as NaN events: the run's wall time still stands.
      }
      resolve({ wallMs, exitCode, events });
    });
  });
}

/**
 * `npm run sim -- <tmpfile> --json` as a user would type it: wall time from spawn to exit,
 * so it includes npm, tsx and module loading as well as the run itself.
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
      results.push(await spawnTimed(repoRoot, ['run', 'sim', '--', file, '--json']));
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
