import { describe, expect, it } from 'vitest';
import { budget } from '../engine/testing/budget.ts';
import type { SimSummary } from '../engine/index.ts';
import { BUILTINS } from '../scenario/index.ts';
import type { BuiltinListing, PatternMetrics } from './builtin-commands.ts';
import { runCli, EXIT_OK, EXIT_USAGE } from './run-scenario-file.ts';
import { captureIo } from './test-io.ts';

describe('sim --list', () => {
  it('lists every built-in as JSON: id, title, patterns, variants', async () => {
    const io = captureIo();
    expect(await runCli(['--list', '--json'], io)).toBe(EXIT_OK);
    const listing = JSON.parse(io.stdoutText) as BuiltinListing[];
    expect(listing).toHaveLength(BUILTINS.length);
    expect(listing.find((b) => b.id === 'circuit-breaker')).toEqual({
      id: 'circuit-breaker',
      title: 'Circuit breaker',
      patterns: ['R1'],
      variants: ['with', 'without'],
    });
  });

  it('prints a table with one row per built-in', async () => {
    const io = captureIo();
    expect(await runCli(['--list'], io)).toBe(EXIT_OK);
    for (const b of BUILTINS) expect(io.stdoutText).toContain(b.id);
    expect(io.stdoutText).toContain('--builtin <id>');
  });
});

/** One built-in run through the CLI (≤ 180 s of virtual time): ≤ 2.2 s here, the first one. */
const BUILTIN_RUN_MS = 2_500;

// Each test runs at most one built-in or scenario file.
describe('sim --builtin', budget(1, BUILTIN_RUN_MS), () => {
  it('runs a built-in and adds its pattern figures to the JSON summary', async () => {
    const io = captureIo();
    expect(await runCli(['--builtin', 'circuit-breaker', '--json'], io)).toBe(EXIT_OK);
    const out = JSON.parse(io.stdoutText) as SimSummary & {
      builtin: { id: string; variant: string; patterns: string[] };
      patternMetrics: PatternMetrics;
    };
    expect(out.builtin).toEqual({ id: 'circuit-breaker', variant: 'with', patterns: ['R1'] });
    expect(out.conservation.ok).toBe(true);
    const breaker = out.patternMetrics['breaker'];
    expect(breaker?.kind).toBe('circuit-breaker');
    // Open for the 30 s outage out of 120 s; opened, half-opened and closed once each.
    expect(breaker?.['openShare']).toBeCloseTo(0.25, 2);
    expect(breaker?.['transitions']).toBe(3);
    expect(breaker?.['failedFast']).toBe(out.nodes['breaker']?.metrics?.['rejected']);
  });

  it('passes late responses to report: the timeout built-in reports its discarded answers', async () => {
    const io = captureIo();
    expect(await runCli(['--builtin', 'timeout', '--json'], io)).toBe(EXIT_OK);
    const out = JSON.parse(io.stdoutText) as SimSummary & { patternMetrics: PatternMetrics };
    const late = out.nodes['timeout']?.lateResponses ?? 0;
    expect(late).toBeGreaterThan(1800);
    expect(out.patternMetrics['timeout']?.['late']).toBe(late);
  });

  it('runs the without variant with the same seed and a different seed on request', async () => {
    const io = captureIo();
    expect(
      await runCli(
        ['--builtin', 'circuit-breaker', '--variant', 'without', '--seed', '3', '--json'],
        io,
      ),
    ).toBe(EXIT_OK);
    const out = JSON.parse(io.stdoutText) as SimSummary & { patternMetrics: PatternMetrics };
    expect(out.seed).toBe(3);
    expect(out.nodes['breaker']).toBeUndefined();
    expect(out.patternMetrics).toEqual({});
  });

  it('prints the pattern figures under the text report', async () => {
    const io = captureIo();
    expect(await runCli(['--builtin', 'circuit-breaker'], io)).toBe(EXIT_OK);
    expect(io.stdoutText).toContain('Pattern figures');
    expect(io.stdoutText).toMatch(/breaker \(circuit-breaker\): closedShare 0\.7\d+/);
  });

  it('refuses an unknown built-in, a bad variant and a file with --builtin', async () => {
    let io = captureIo();
    expect(await runCli(['--builtin', 'nope'], io)).toBe(EXIT_USAGE);
    expect(io.stderrText).toContain('unknown built-in "nope"');
    io = captureIo();
    expect(await runCli(['--builtin', 'circuit-breaker', '--variant', 'maybe'], io)).toBe(
      EXIT_USAGE,
    );
    expect(io.stderrText).toContain('--variant must be "with" or "without"');
    io = captureIo();
    expect(await runCli(['x.json', '--builtin', 'circuit-breaker'], io)).toBe(EXIT_USAGE);
    expect(io.stderrText).toContain('not both');
    io = captureIo();
    expect(await runCli(['--variant', 'with', 'x.json'], io)).toBe(EXIT_USAGE);
    expect(io.stderrText).toContain('--variant needs --builtin');
  });
});

describe('sim <file> with pattern kinds', budget(1, BUILTIN_RUN_MS), () => {
  it('runs a scenario file that uses a pattern kind (the full registry, not only built-in kinds)', async () => {
    const { toDocument } = await import('../scenario/index.ts');
    const doc = JSON.stringify(
      toDocument((BUILTINS[0] as (typeof BUILTINS)[number]).build('with')),
    );
    const io = { ...captureIo(), readFile: () => Promise.resolve(doc) };
    const captured = captureIo();
    const code = await runCli(['breaker.json', '--json'], {
      ...io,
      stdout: captured.stdout,
      stderr: captured.stderr,
    });
    expect(captured.stderrText).toBe('');
    expect(code).toBe(EXIT_OK);
    expect((JSON.parse(captured.stdoutText) as SimSummary).nodes['breaker']).toBeDefined();
  });
});
