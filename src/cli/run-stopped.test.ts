import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import { EXIT_RUN_STOPPED, EXIT_USAGE, runCli } from './run-scenario-file.ts';
import { captureIo, REPO_ROOT, type CapturedIo } from './test-io.ts';

// The inputs that used to take the tab (and `npm run sim`) down, as files: over a bound they
// are refused like any invalid file; within the bounds the engine stops them with one line.
const fixture = (name: string) => join(REPO_ROOT, 'src/cli/fixtures', name);

async function sim(...argv: string[]): Promise<{ code: number; io: CapturedIo }> {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, io };
}

/** A guard's stop: nothing on stdout, one line on stderr, `file: sentence`. */
function expectOneLine(io: CapturedIo, file: string, sentence: RegExp): void {
  expect(io.stdoutText).toBe('');
  expect(io.err).toHaveLength(1);
  const line = io.stderrText;
  expect(line.endsWith('\n')).toBe(true);
  expect(line.trimEnd()).not.toMatch(/\n/);
  expect(line.startsWith(`${file}: `)).toBe(true);
  expect(line.slice(file.length + 2).trimEnd()).toMatch(sentence);
}

describe('sim CLI: values past a bound are refused, naming the field', () => {
  it.each([
    [
      'poisson-1e9.json',
      'nodes[0].config.arrival.ratePerSec: must be a number ≤ 100000 (got 1000000000)',
    ],
    ['spike-1e300.json', 'faults[1].multiplier: must be a number ≤ 1000 (got 1e+300)'],
    [
      'constant-1e308.json',
      'nodes[0].config.arrival.ratePerSec: must be a number ≤ 100000 (got 1e+308)',
    ],
  ])('%s', async (name, error) => {
    const file = fixture(name);
    const { code, io } = await sim(file);
    expect(code).toBe(EXIT_USAGE);
    expect(io.stderrText).toBe(`${file}: ${error}\n`);
  });
});

// Each run goes until the guard stops it: ≤ 600 000 events, ~0.003 ms each.
const STOP = budget(600_000, 0.003);

describe('sim CLI: a run the engine stops prints one line and exits 3', () => {
  it.each([
    [
      'poisson-max-rate.json',
      /^Stopped at 2\.\d s: 200 001 calls are queued at Gateway \(8 workers, no queue limit\) — the client Users sends 100 000 req\/s\. Lower the rate or add a queue limit\.$/,
    ],
    [
      'spike-max.json',
      /^Stopped at 3\.\d s: 200 001 calls are queued at Gateway \(8 workers, no queue limit\) — the client Users sends 60 req\/s \(×1 000 by a traffic spike\)\. Lower the rate or add a queue limit\.$/,
    ],
    [
      'users-100000-think0.json',
      /^Stopped at 2 µs: 250 001 calls are on their way to Gateway — the client Users has 100 000 users with no think time who give up after 0\.001 ms\. Give the users some think time\.$/,
    ],
    [
      'livelock-lone-users.json',
      /^Stopped at 0 µs: virtual time cannot advance — the client u has 10 users with no think time, so each request fails at once \(no-route\) and the next one is sent at the same instant\. Give the users some think time\.$/,
    ],
    [
      'constant-max-spike.json',
      /^Stopped at 2\.5 ms: 250 001 calls are in flight, \d[\d ]* of them queued at Gateway .* one request every 0\.01 µs, which rounds to 0 µs: 100 requests land on each microsecond\. Lower the rate or add a queue limit\.$/,
    ],
  ])('%s', STOP, async (name, sentence) => {
    const file = fixture(name);
    const { code, io } = await sim(file);
    expect(code).toBe(EXIT_RUN_STOPPED);
    expectOneLine(io, file, sentence);
  });

  it('with --json too: nothing on stdout, the same line on stderr', STOP, async () => {
    const file = fixture('livelock-lone-users.json');
    const { code, io } = await sim(file, '--json');
    expect(code).toBe(EXIT_RUN_STOPPED);
    expectOneLine(io, file, /^Stopped at 0 µs: virtual time cannot advance — /);
  });

  it('a label with line breaks still makes one line', STOP, async () => {
    const doc = JSON.parse(readFileSync(fixture('livelock-lone-users.json'), 'utf8')) as {
      nodes: { label?: string }[];
    };
    const first = doc.nodes[0];
    if (first) first.label = 'Lone\nusers';
    const io = captureIo();
    io.readFile = () => Promise.resolve(JSON.stringify(doc));
    expect(await runCli(['lone.json'], io)).toBe(EXIT_RUN_STOPPED);
    expectOneLine(io, 'lone.json', /— the client Lone users has 10 users with no think time/);
  });
});
