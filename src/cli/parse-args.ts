import { SCENARIO_LIMITS } from '../scenario/index.ts';

export const SIM_USAGE = [
  'Usage: npm run sim -- <scenario.json> [--seed N] [--duration-ms N] [--json]',
  '       npm run sim -- --list [--json]',
  '       npm run sim -- --builtin <id> [--variant with|without] [--seed N] [--duration-ms N] [--json]',
].join('\n');
export const BENCH_USAGE = 'Usage: npm run bench -- [--runs N] [--quick] [--json]';

/** The document's seed is a 32-bit unsigned integer (src/scenario schema). */
export const MAX_SEED = 4_294_967_295;

export type ArgsResult<T> = { ok: true; args: T } | { ok: false; message: string };

export interface SimArgs {
  /** Empty with --list or --builtin. */
  file: string;
  list: boolean;
  builtin?: string;
  variant?: 'with' | 'without';
  seed?: number;
  durationMs?: number;
  json: boolean;
  help: boolean;
}

export interface BenchArgs {
  runs?: number;
  quick: boolean;
  json: boolean;
  help: boolean;
}

type OptionKind = 'value' | 'flag';

interface Tokens {
  values: Record<string, string | true>;
  positionals: string[];
}

/**
 * `--name value`, `--name=value`, boolean `--flag`, `-h`, and `--` to end options. Hand-rolled
 * rather than node:util parseArgs so a value may start with "-" (`--seed -1` then gets the
 * seed's own range message) and every error fits on one line.
 */
function tokenize(argv: readonly string[], spec: Record<string, OptionKind>): Tokens | string {
  const out: Tokens = { values: {}, positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      out.values['help'] = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    // hasOwn: "--constructor" must not find Object.prototype's.
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) return `unknown option "--${name}"`;
    if (kind === 'flag') {
      if (eq >= 0) return `--${name} takes no value`;
      out.values[name] = true;
    } else if (eq >= 0) {
      out.values[name] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      out.values[name] = argv[++i] as string;
    } else {
      return `--${name} needs a value`;
    }
  }
  return out;
}

// Digits only: rejects "1e3", "0x10", " 7" and negative numbers alike.
const INTEGER = /^\d+$/;
const DECIMAL = /^\d+(\.\d+)?$/;

function parseSeed(text: string): number | string {
  const n = Number(text);
  if (!INTEGER.test(text) || n > MAX_SEED) {
    return `--seed must be an integer from 0 to ${MAX_SEED} (got "${text}")`;
  }
  return n;
}

function parseDurationMs(text: string, maxDurationMs: number): number | string {
  const n = Number(text);
  if (!DECIMAL.test(text) || !(n > 0) || n > maxDurationMs) {
    return `--duration-ms must be a number of milliseconds > 0 and ≤ ${maxDurationMs} (got "${text}")`;
  }
  return n;
}

export function parseSimArgs(
  argv: readonly string[],
  maxDurationMs: number = SCENARIO_LIMITS.maxDurationMs,
): ArgsResult<SimArgs> {
  const raw = tokenize(argv, {
    seed: 'value',
    'duration-ms': 'value',
    json: 'flag',
    help: 'flag',
    list: 'flag',
    builtin: 'value',
    variant: 'value',
  });
  if (typeof raw === 'string') return { ok: false, message: raw };
  const v = raw.values;
  const help = v['help'] === true;
  const json = v['json'] === true;
  const list = v['list'] === true;
  if (help) return { ok: true, args: { file: '', json, help, list: false } };
  const builtin = typeof v['builtin'] === 'string' ? v['builtin'] : undefined;
  const variant = v['variant'];
  if (variant !== undefined && variant !== 'with' && variant !== 'without') {
    return {
      ok: false,
      message: `--variant must be "with" or "without" (got "${String(variant)}")`,
    };
  }
  if (variant !== undefined && builtin === undefined) {
    return { ok: false, message: '--variant needs --builtin <id>' };
  }
  if (list) {
    if (builtin !== undefined || raw.positionals.length > 0) {
      return { ok: false, message: '--list takes no scenario file and no --builtin' };
    }
    return { ok: true, args: { file: '', json, help, list } };
  }
  if (builtin !== undefined && raw.positionals.length > 0) {
    return { ok: false, message: 'give either a scenario file or --builtin <id>, not both' };
  }
  if (builtin === undefined && raw.positionals.length !== 1) {
    const got = raw.positionals.length;
    return {
      ok: false,
      message: got === 0 ? 'missing scenario file' : `expected one scenario file, got ${got}`,
    };
  }
  const args: SimArgs = { file: raw.positionals[0] ?? '', json, help, list };
  if (builtin !== undefined) {
    args.builtin = builtin;
    args.variant = variant ?? 'with';
  }
  if (typeof v['seed'] === 'string') {
    const seed = parseSeed(v['seed']);
    if (typeof seed === 'string') return { ok: false, message: seed };
    args.seed = seed;
  }
  if (typeof v['duration-ms'] === 'string') {
    const durationMs = parseDurationMs(v['duration-ms'], maxDurationMs);
    if (typeof durationMs === 'string') return { ok: false, message: durationMs };
    args.durationMs = durationMs;
  }
  return { ok: true, args };
}

export function parseBenchArgs(argv: readonly string[]): ArgsResult<BenchArgs> {
  const raw = tokenize(argv, { runs: 'value', quick: 'flag', json: 'flag', help: 'flag' });
  if (typeof raw === 'string') return { ok: false, message: raw };
  if (raw.positionals.length > 0) {
    return { ok: false, message: `unexpected argument "${raw.positionals[0]}"` };
  }
  const v = raw.values;
  const args: BenchArgs = {
    quick: v['quick'] === true,
    json: v['json'] === true,
    help: v['help'] === true,
  };
  if (typeof v['runs'] === 'string') {
    const runs = Number(v['runs']);
    if (!INTEGER.test(v['runs']) || runs < 1 || runs > 100) {
      return { ok: false, message: `--runs must be an integer from 1 to 100 (got "${v['runs']}")` };
    }
    args.runs = runs;
  }
  return { ok: true, args };
}
