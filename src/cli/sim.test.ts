import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import type { SimSummary } from '../engine/index.ts';
import { REPO_ROOT } from './test-io.ts';

const exec = promisify(execFile);

/** One `npx tsx` process: npx, compiling the CLI, and 2000 s of M/M/1: 3–8 s here. */
const SPAWN_MS = 8_000;

// The one end-to-end test: the real entry point in a child process, as `npm run sim` runs it.
describe('sim.ts end to end', () => {
  it(
    'prints exactly the SimSummary JSON on stdout for examples/mm1.json',
    budget(1, SPAWN_MS),
    async () => {
      const { stdout } = await exec(
        'npx',
        ['tsx', 'src/cli/sim.ts', 'examples/mm1.json', '--json'],
        {
          cwd: REPO_ROOT,
          maxBuffer: 16 * 1024 * 1024,
        },
      );
      const summary = JSON.parse(stdout) as SimSummary;
      expect(summary.seed).toBe(42);
      expect(summary.durationMs).toBe(2_000_000);
      expect(summary.conservation.ok).toBe(true);
      // 2 000 s of M/M/1 at ρ = 0.8: the mean response time is close to 1/(μ − λ) = 50 ms.
      const mean = summary.clients['users']?.latencyMs.mean ?? 0;
      expect(mean).toBeGreaterThan(45);
      expect(mean).toBeLessThan(55);
    },
  );
});
