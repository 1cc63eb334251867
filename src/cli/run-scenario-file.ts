import {
  ConservationError,
  createSimulation,
  RunStoppedError,
  type SimScenario,
} from '../engine/index.ts';
import { REGISTRY } from '../patterns/index.ts';
import { BUILTINS, findBuiltin, formatErrors, parseScenarioText } from '../scenario/index.ts';
import {
  builtinListing,
  formatListing,
  formatPatternMetrics,
  patternMetrics,
} from './builtin-commands.ts';
import { formatSummary } from './format-summary.ts';
import { parseSimArgs, SIM_USAGE, type SimArgs } from './parse-args.ts';

/** Everything the CLI touches outside itself, so tests can run it in-process. */
export interface CliIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Wall clock in ms for the text report; without it no wall time is printed. */
  now?(): number;
}

export const EXIT_OK = 0;
/** The run itself failed (the engine broke an invariant). */
export const EXIT_RUN_FAILED = 1;
/** Bad arguments, unreadable file or invalid scenario: nothing was run. */
export const EXIT_USAGE = 2;
/**
 * The engine stopped the run: work piled up past the run budget, or a loop with no delay kept
 * virtual time from advancing (README, "Limits"). The scenario is valid but cannot run on.
 */
export const EXIT_RUN_STOPPED = 3;

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
};

function readFailure(file: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const reason =
    (typeof code === 'string' ? READ_ERRORS[code] : undefined) ??
    (err instanceof Error ? err.message : String(err));
  return `Cannot read scenario file "${file}": ${reason}\n`;
}

function withOverrides(scenario: SimScenario, args: SimArgs): SimScenario {
  return {
    ...scenario,
    seed: args.seed ?? scenario.seed,
    durationMs: args.durationMs ?? scenario.durationMs,
  };
}

/**
 * `sim <file.json> [--seed N] [--duration-ms N] [--json]`: validates the scenario, runs it to
 * the end and prints a report (or the `SimSummary` as JSON). Resolves to the exit code.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsedArgs = parseSimArgs(argv);
  if (!parsedArgs.ok) {
    io.stderr(`${parsedArgs.message}\n${SIM_USAGE}\n`);
    return EXIT_USAGE;
  }
  const args = parsedArgs.args;
  if (args.help) {
    io.stdout(`${SIM_USAGE}\n`);
    return EXIT_OK;
  }

  if (args.list) {
    const listing = builtinListing(BUILTINS);
    io.stdout(args.json ? `${JSON.stringify(listing, null, 2)}\n` : formatListing(listing));
    return EXIT_OK;
  }
  if (args.builtin !== undefined) return runBuiltin(args, args.builtin, io);

  let text: string;
  try {
    text = await io.readFile(args.file);
  } catch (err) {
    io.stderr(readFailure(args.file, err));
    return EXIT_USAGE;
  }

  const parsed = parseScenarioText(text, REGISTRY);
  if (!parsed.ok) {
    // One error per line, prefixed with the file like a compiler, so each line stands alone.
    io.stderr(
      formatErrors(parsed.errors)
        .map((e) => `${args.file}: ${e}\n`)
        .join(''),
    );
    return EXIT_USAGE;
  }
  for (const warning of parsed.warnings) io.stderr(`${args.file}: warning: ${warning}\n`);

  return runAndReport(withOverrides(parsed.scenario, args), args, args.file, io);
}

/** `--builtin <id>`: the catalogue's scenario, run like a file, plus its pattern figures. */
function runBuiltin(args: SimArgs, id: string, io: CliIo): number {
  const builtin = findBuiltin(id);
  if (!builtin) {
    io.stderr(
      `unknown built-in "${id}"; run "npm run sim -- --list" to see them (${BUILTINS.length} built-ins)\n`,
    );
    return EXIT_USAGE;
  }
  const variant = args.variant ?? 'with';
  if (!builtin.variants.includes(variant)) {
    io.stderr(`built-in "${id}" has no "${variant}" variant\n`);
    return EXIT_USAGE;
  }
  const scenario = withOverrides(builtin.build(variant), args);
  return runAndReport(scenario, args, `builtin:${id}/${variant}`, io, { id, variant });
}

function runAndReport(
  scenario: SimScenario,
  args: SimArgs,
  source: string,
  io: CliIo,
  builtin?: { id: string; variant: string },
): number {
  const started = io.now?.();
  let summary;
  try {
    const sim = createSimulation(scenario, { registry: REGISTRY });
    sim.runToEnd();
    summary = sim.summary();
  } catch (err) {
    if (err instanceof RunStoppedError) {
      // One line, like a compiler's: a label may hold any whitespace, the line never breaks.
      io.stderr(`${source}: ${err.message.replace(/\s+/g, ' ')}\n`);
      return EXIT_RUN_STOPPED;
    }
    if (!(err instanceof ConservationError)) throw err;
    io.stderr(`${err.message}\n`);
    return EXIT_RUN_FAILED;
  }
  const wallMs = started === undefined ? undefined : (io.now?.() ?? started) - started;

  if (builtin) {
    // A built-in's report adds what it is and each pattern node's figures to the summary.
    const metrics = patternMetrics(scenario, summary, REGISTRY);
    if (args.json) {
      const out = {
        builtin: { ...builtin, patterns: scenario.meta.patterns },
        ...summary,
        patternMetrics: metrics,
      };
      io.stdout(`${JSON.stringify(out, null, 2)}\n`);
      return EXIT_OK;
    }
    const kinds = Object.fromEntries(scenario.nodes.map((n) => [n.id, n.kind]));
    const text = formatSummary(summary, { title: scenario.meta.title, source, kinds, wallMs });
    const lines = formatPatternMetrics(metrics);
    io.stdout(lines.length > 0 ? `${text}\nPattern figures\n${lines.join('\n')}\n` : text);
    return EXIT_OK;
  }
  if (args.json) {
    io.stdout(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    const kinds = Object.fromEntries(scenario.nodes.map((n) => [n.id, n.kind]));
    io.stdout(formatSummary(summary, { title: scenario.meta.title, source, kinds, wallMs }));
  }
  return EXIT_OK;
}
