import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimSummary } from '../engine/index.ts';
import { EXIT_OK, runCli } from './run-scenario-file.ts';
import { captureIo } from './test-io.ts';

/** 10 requests/s for 10 s, given up after 50 ms, into a service that answers in 80 ms. */
function impatientClientFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-cli-late-')), 'late.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'faultline-scenario',
      version: 2,
      durationMs: 10_000,
      nodes: [
        {
          id: 'users',
          kind: 'client',
          config: { arrival: { type: 'constant', ratePerSec: 10 }, timeoutMs: 50 },
        },
        {
          id: 'slow',
          kind: 'service',
          config: { workers: 10, serviceTime: { type: 'constant', valueMs: 80 } },
        },
      ],
      edges: [{ id: 'e1', source: 'users', target: 'slow' }],
    }),
  );
  return file;
}

describe('sim CLI: late responses of clients', () => {
  it('--json gives a client its lateResponses, like a node', async () => {
    const io = captureIo();
    expect(await runCli([impatientClientFile(), '--json'], io)).toBe(EXIT_OK);
    const s = JSON.parse(io.stdoutText) as SimSummary;
    // 100 sent (the last at 9.9 s), each timed out at 50 ms; every answer comes back at 80 ms,
    // within the run, and late.
    expect(s.clients['users']).toMatchObject({ sent: 100, failed: { timeout: 100 } });
    expect(s.clients['users']?.lateResponses).toBe(100);
    expect(s.nodes['slow']?.lateResponses).toBeUndefined();
  });

  it('the text report lists them under "Client counters"', async () => {
    const io = captureIo();
    expect(await runCli([impatientClientFile()], io)).toBe(EXIT_OK);
    expect(io.stdoutText).toContain('Client counters\nusers  late-responses=100\n');
  });
});
