import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as Engine from '../engine/index.ts';
import { EXIT_RUN_FAILED, runCli } from './run-scenario-file.ts';
import { captureIo, REPO_ROOT } from './test-io.ts';

// The engine only throws ConservationError on a bug, so the test forces one.
vi.mock('../engine/index.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof Engine>();
  return {
    ...engine,
    createSimulation: () => ({
      runToEnd() {
        throw new engine.ConservationError('users: sent 3 ≠ succeeded 1 + failed 0 + in flight 1');
      },
    }),
  };
});

describe('sim CLI: a broken engine invariant', () => {
  it('prints the ConservationError message and exits 1', async () => {
    const io = captureIo();
    const code = await runCli([join(REPO_ROOT, 'examples/mm1.json'), '--json'], io);
    expect(code).toBe(EXIT_RUN_FAILED);
    expect(io.stdoutText).toBe('');
    expect(io.stderrText).toBe(
      'Conservation violated: users: sent 3 ≠ succeeded 1 + failed 0 + in flight 1\n',
    );
  });
});
