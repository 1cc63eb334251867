import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SimSummary } from '../engine/index.ts';
import { budget } from '../engine/testing/budget.ts';
import { EXIT_OK, runCli } from './run-scenario-file.ts';
import { captureIo, REPO_ROOT } from './test-io.ts';

/** Users → Orders (4 workers) → Orders DB, the database edge partitioned from 10 s on. */
const PARTITION = join(REPO_ROOT, 'examples/partition-no-timeout.json');
/** Two virtual minutes of it: ~6 000 requests, well under a second here. */
const ARGS = [PARTITION, '--duration-ms', '120000'];

/** The same scenario with a Timeout (1 s) between Orders and its database. */
function withTimeoutFile(): string {
  const doc = JSON.parse(readFileSync(PARTITION, 'utf8')) as {
    nodes: unknown[];
    edges: { id: string; source: string; target: string }[];
    faults: { target: string }[];
  };
  doc.nodes.push({
    id: 'guard',
    kind: 'timeout',
    label: 'Guard',
    position: { x: 450, y: 100 },
    config: { timeoutMs: 1000 },
  });
  doc.edges = [
    { id: 'users-orders', source: 'users', target: 'orders' },
    { id: 'orders-guard', source: 'orders', target: 'guard' },
    { id: 'guard-db', source: 'guard', target: 'orders-db' },
  ];
  for (const f of doc.faults) f.target = 'guard-db';
  const file = join(mkdtempSync(join(tmpdir(), 'faultline-cli-stuck-')), 'guarded.json');
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  expect(io.stderrText).toBe('');
  expect(code).toBe(EXIT_OK);
  return io.stdoutText;
}

describe('sim CLI: a partition without timeouts', () => {
  it(
    'the report says which node is stuck and why, in the app’s words',
    budget(1, 1000),
    async () => {
      const text = (await run(...ARGS)).replaceAll('\u00a0', ' ');
      const said =
        'all 4 workers waiting on a partitioned call; (\\d[\\d ]*) queued; no timeout is set';
      const line = new RegExp(`Stuck\\norders {2}${said}\\n`).exec(text);
      expect(line).not.toBeNull();
      // 50 requests a second for the 110 s since the partition, less the 4 held by the workers.
      const queued = Number(line?.[1]?.replaceAll(' ', ''));
      expect(queued).toBeGreaterThan(5000);
      expect(queued).toBeLessThan(6000);
    },
  );

  it(
    '--json gives the node its stuck figures and gauges; nothing else has any',
    budget(1, 1000),
    async () => {
      const s = JSON.parse(await run(...ARGS, '--json')) as SimSummary;
      const orders = s.nodes['orders'];
      expect(orders?.stuck).toMatchObject({ partitioned: 4, hung: 0, busy: 4, capacity: 4 });
      // Every call at Orders but the 4 its workers hold is queued.
      expect(orders?.stuck?.queueDepth).toBe((orders?.stuck?.inFlight ?? 0) - 4);
      expect(s.nodes['orders-db']?.stuck).toBeUndefined();
      expect(s.clients['users']?.stuck).toBeUndefined();
    },
  );

  it(
    'before the partition nothing is stuck and the report has no such section',
    budget(1, 1000),
    async () => {
      const text = await run(PARTITION, '--duration-ms', '9000');
      expect(text).not.toContain('Stuck');
      expect(text).not.toContain('no timeout is set');
    },
  );

  it(
    'with a Timeout in front of the partitioned database, the waits end: nothing is stuck',
    budget(1, 1000),
    async () => {
      const s = JSON.parse(
        await run(withTimeoutFile(), '--duration-ms', '120000', '--json'),
      ) as SimSummary;
      expect(Object.values(s.nodes).filter((n) => n.stuck)).toEqual([]);
      // Each of the 4 workers now gives up after 1 s and takes the next call: ~4 a second.
      expect(s.nodes['guard']?.failed['timeout']).toBeGreaterThan(400);
    },
  );
});
