import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import type { SimSummary } from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { CURRENT_VERSION, parseScenarioText } from '../scenario/index.ts';
import { EXIT_OK, EXIT_USAGE, runCli } from './run-scenario-file.ts';
import { captureIo, REPO_ROOT } from './test-io.ts';

const MM1 = join(REPO_ROOT, 'examples/mm1.json');
const CHECKOUT = join(REPO_ROOT, 'examples/checkout.json');
const tmp = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
afterAll(() => {
  /* the OS cleans tmpdir; nothing large is written */
});

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, io };
}

async function runJson(...argv: string[]): Promise<SimSummary> {
  const { code, io } = await run(...argv, '--json');
  expect(io.stderrText).toBe('');
  expect(code).toBe(EXIT_OK);
  return JSON.parse(io.stdoutText) as SimSummary;
}

/** One CLI run of an example (≤ 200 s of virtual time, ≤ 16 000 requests): ≤ 800 ms here. */
const RUN_MS = 1_000;

describe('sim CLI: running scenarios', () => {
  it(
    'mm1 with a shorter run matches M/M/1 theory (W = 1/(μ−λ) = 50 ms, ρ = 0.8)',
    budget(1, RUN_MS),
    async () => {
      const s = await runJson(MM1, '--duration-ms', '200000');
      expect(s.seed).toBe(42);
      expect(s.durationMs).toBe(200_000);
      expect(s.conservation.ok).toBe(true);
      const users = s.clients['users'];
      const server = s.nodes['server'];
      expect(users?.sent).toBeGreaterThan(15_000); // 80/s · 200 s = 16 000
      expect(users?.sent).toBeLessThan(17_000);
      expect(users?.latencyMs.mean).toBeGreaterThan(40);
      expect(users?.latencyMs.mean).toBeLessThan(60);
      expect(server?.utilization).toBeGreaterThan(0.75);
      expect(server?.utilization).toBeLessThan(0.85);
      expect(Object.keys(s).sort()).toEqual(
        ['clients', 'conservation', 'durationMs', 'events', 'nodes', 'seed'].sort(),
      );
    },
  );

  it('is deterministic, and --seed changes the run', budget(3, RUN_MS), async () => {
    const a = await runJson(MM1, '--duration-ms', '5000');
    const b = await runJson(MM1, '--duration-ms=5000');
    const c = await runJson(MM1, '--duration-ms', '5000', '--seed', '7');
    expect(b).toEqual(a);
    expect(c.seed).toBe(7);
    expect(c.clients).not.toEqual(a.clients);
  });

  it(
    'prints a plain-text report with both tables and the conservation line',
    budget(1, RUN_MS),
    async () => {
      const { code, io } = await run(MM1, '--duration-ms', '20000');
      expect(code).toBe(EXIT_OK);
      const text = io.stdoutText;
      expect(text).toMatch(
        /^M\/M\/1 queue \(.*mm1\.json\): seed 42, 20000 ms simulated, \d+ events/,
      );
      for (const header of [
        'client',
        'sent',
        'in flight',
        'mean',
        'p50',
        'p95',
        'p99',
        'ok rate',
      ]) {
        expect(text).toContain(header);
      }
      for (const header of ['node', 'arrivals', 'util', 'max queue', 'failures by cause']) {
        expect(text).toContain(header);
      }
      expect(text).toMatch(/^users +\d+/m);
      expect(text).toMatch(/^server +service +\d+/m);
      expect(text.trimEnd().endsWith('Conservation: ok')).toBe(true);
    },
  );

  it(
    'checkout example validates without warnings and its fault fails checkouts',
    budget(1, RUN_MS),
    async () => {
      const text = await captureIo().readFile(CHECKOUT);
      const parsed = parseScenarioText(text, REGISTRY);
      expect(parsed.ok && parsed.warnings).toEqual([]);
      const s = await runJson(CHECKOUT, '--duration-ms', '60000');
      expect(s.conservation.ok).toBe(true);
      // payments errors at 80 % from 30 s to 50 s: about 0.8 · 80/s · 20 s = 1280 failures.
      const paymentErrors = s.nodes['payments']?.failed['error'] ?? 0;
      expect(paymentErrors).toBeGreaterThan(1000);
      expect(paymentErrors).toBeLessThan(1600);
      expect(s.clients['users']?.failed['error'] ?? 0).toBeGreaterThanOrEqual(paymentErrors);
      expect(s.nodes['inventory-db']?.metrics?.['writes']).toBeGreaterThan(0);
    },
  );
});

describe('sim CLI: older formats', () => {
  // The examples stay at format version 1 on purpose: they show that old files still run.
  it.each([MM1, CHECKOUT])(
    '%s is a version-1 file that migrates and runs',
    budget(1, RUN_MS),
    async (file) => {
      const text = await captureIo().readFile(file);
      expect((JSON.parse(text) as { version: unknown }).version).toBe(1);
      const parsed = parseScenarioText(text, REGISTRY);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(parsed.scenario.version).toBe(CURRENT_VERSION);
      expect(parsed.scenario.groups).toEqual([]);
      const s = await runJson(file, '--duration-ms', '2000');
      expect(s.conservation.ok).toBe(true);
    },
  );

  it('runs a version-2 file with groups (the engine ignores them)', budget(2, RUN_MS), async () => {
    const text = await captureIo().readFile(CHECKOUT);
    const doc = JSON.parse(text) as Record<string, unknown>;
    const plain = join(tmp, 'checkout-v2.json');
    const grouped = join(tmp, 'checkout-v2-groups.json');
    writeFileSync(plain, JSON.stringify({ ...doc, version: 2 }));
    writeFileSync(
      grouped,
      JSON.stringify({
        ...doc,
        version: 2,
        groups: [
          {
            id: 'payments-context',
            label: 'Payments',
            position: { x: 0, y: 0 },
            width: 300,
            height: 200,
          },
        ],
      }),
    );
    const a = await runJson(plain, '--duration-ms', '5000');
    const b = await runJson(grouped, '--duration-ms', '5000');
    expect(b).toEqual(a);
  });
});

describe('sim CLI: errors', () => {
  it('invalid scenario: exit 2, one path-named error per line on stderr', async () => {
    const file = join(tmp, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'faultline-scenario',
        version: 1,
        durationMs: 1000,
        nodes: [
          { id: 'users', kind: 'client' },
          { id: 'x', kind: 'teleporter' },
        ],
        edges: [{ id: 'e1', source: 'users', target: 'ghost' }],
      }),
    );
    const { code, io } = await run(file, '--json');
    expect(code).toBe(EXIT_USAGE);
    expect(io.stdoutText).toBe('');
    const lines = io.stderrText.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^.*bad\.json: nodes\[1\]\.kind: unknown kind "teleporter"/);
    expect(lines[1]).toMatch(/^.*bad\.json: edges\[0\]\.target: .*"ghost"/);
  });

  it('a call cycle: exit 2, naming the edge that closes it (the editor refuses it too)', async () => {
    for (const [name, line] of [
      ['cycle.json', 'edges[4]: orders → gateway closes a call cycle orders → gateway → orders'],
      ['cycle-proxies.json', 'edges[6]: t2 → t1 closes a call cycle t2 → t1 → t2'],
    ] as const) {
      const file = join(REPO_ROOT, 'src/scenario/hostile-inputs', name);
      const { code, io } = await run(file);
      expect(code, name).toBe(EXIT_USAGE);
      expect(io.stdoutText).toBe('');
      expect(io.stderrText).toBe(`${file}: ${line}; requests would circle forever\n`);
    }
  });

  it('malformed JSON: exit 2', async () => {
    const file = join(tmp, 'broken.json');
    writeFileSync(file, '{"format": ');
    const { code, io } = await run(file);
    expect(code).toBe(EXIT_USAGE);
    expect(io.stderrText).toMatch(/broken\.json: .*JSON/);
  });

  it('missing file: exit 2 with a one-line message', async () => {
    const { code, io } = await run('nope/missing.json');
    expect(code).toBe(EXIT_USAGE);
    expect(io.stderrText).toBe('Cannot read scenario file "nope/missing.json": no such file\n');
    expect(io.stdoutText).toBe('');
  });

  it.each([
    [['--seed', '-1'], /--seed must be an integer from 0 to 4294967295 \(got "-1"\)/],
    [['--seed', '4294967296'], /--seed must be an integer/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--duration-ms', '0'], /--duration-ms must be a number of milliseconds > 0 and ≤ 604800000/],
    [['--duration-ms', '604800001'], /--duration-ms must be/],
    [['--bogus'], /unknown option "--bogus"/],
    [['--seed'], /--seed needs a value/],
  ])(
    'bad arguments %j: exit 2 and a usage line, before reading the file',
    async (extra, message) => {
      const io = captureIo();
      const readFile = vi.spyOn(io, 'readFile');
      const code = await runCli([MM1, ...extra], io);
      expect(code).toBe(EXIT_USAGE);
      expect(readFile).not.toHaveBeenCalled();
      expect(io.stderrText).toMatch(message);
      expect(io.stderrText).toMatch(/^Usage: npm run sim -- <scenario\.json>/m);
    },
  );

  it('no file at all: exit 2 and a usage line; --help prints the usage on stdout', async () => {
    const none = await run();
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.io.stderrText).toMatch(/missing scenario file\nUsage: /);
    const help = await run('--help');
    expect(help.code).toBe(EXIT_OK);
    expect(help.io.stdoutText).toMatch(/^Usage: /);
  });
});
