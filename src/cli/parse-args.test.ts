import { describe, expect, it } from 'vitest';
import { MAX_SEED, parseBenchArgs, parseSimArgs } from './parse-args.ts';

describe('parseSimArgs', () => {
  it('reads the file, overrides and flags in any order and both value syntaxes', () => {
    expect(parseSimArgs(['--json', 'a.json', '--seed', '7', '--duration-ms=1500.5'])).toEqual({
      ok: true,
      args: { file: 'a.json', seed: 7, durationMs: 1500.5, json: true, help: false, list: false },
    });
    expect(parseSimArgs(['a.json'])).toEqual({
      ok: true,
      args: { file: 'a.json', json: false, help: false, list: false },
    });
    expect(parseSimArgs(['--', '--odd-name.json'])).toMatchObject({
      ok: true,
      args: { file: '--odd-name.json' },
    });
  });

  it('accepts the whole seed range', () => {
    expect(parseSimArgs(['a.json', '--seed', '0'])).toMatchObject({ ok: true, args: { seed: 0 } });
    expect(parseSimArgs(['a.json', '--seed', String(MAX_SEED)])).toMatchObject({
      ok: true,
      args: { seed: MAX_SEED },
    });
  });

  it.each([
    [['a.json', '--seed', '-1'], '--seed must be an integer from 0 to 4294967295 (got "-1")'],
    [['a.json', '--seed', '1e3'], '--seed must be an integer from 0 to 4294967295 (got "1e3")'],
    [['a.json', '--seed', ''], '--seed must be an integer from 0 to 4294967295 (got "")'],
    [
      ['a.json', '--duration-ms', '-5'],
      '--duration-ms must be a number of milliseconds > 0 and ≤ 604800000 (got "-5")',
    ],
    [
      ['a.json', '--duration-ms', 'abc'],
      '--duration-ms must be a number of milliseconds > 0 and ≤ 604800000 (got "abc")',
    ],
    [['a.json', '--duration-ms'], '--duration-ms needs a value'],
    [['a.json', '--json=yes'], '--json takes no value'],
    [['a.json', '-v'], 'unknown option "-v"'],
    [['a.json', '--constructor'], 'unknown option "--constructor"'],
    [[], 'missing scenario file'],
    [['a.json', 'b.json'], 'expected one scenario file, got 2'],
  ])('%j → %s', (argv, message) => {
    expect(parseSimArgs(argv)).toEqual({ ok: false, message });
  });

  it('caps --duration-ms at the given scenario limit', () => {
    expect(parseSimArgs(['a.json', '--duration-ms', '1001'], 1000)).toMatchObject({ ok: false });
    expect(parseSimArgs(['a.json', '--duration-ms', '1000'], 1000)).toMatchObject({ ok: true });
  });

  it('-h and --help need no file', () => {
    expect(parseSimArgs(['-h'])).toMatchObject({ ok: true, args: { help: true } });
    expect(parseSimArgs(['--help'])).toMatchObject({ ok: true, args: { help: true } });
  });
});

describe('parseBenchArgs', () => {
  it('reads --runs, --quick and --json', () => {
    expect(parseBenchArgs(['--runs', '3', '--quick', '--json'])).toEqual({
      ok: true,
      args: { runs: 3, quick: true, json: true, help: false },
    });
    expect(parseBenchArgs([])).toEqual({
      ok: true,
      args: { quick: false, json: false, help: false },
    });
  });

  it.each([[['--runs', '0']], [['--runs', 'many']], [['extra']], [['--fast']]])(
    'rejects %j',
    (argv) => {
      expect(parseBenchArgs(argv)).toMatchObject({ ok: false });
    },
  );
});
