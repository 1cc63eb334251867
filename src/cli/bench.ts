// Entry point of `npm run bench`: the engine on chain-5 and fanout-20 against the bare heap,
// then its cost per node and the cost of frames (bench-scale.ts).
// Progress goes to stderr so `--json` leaves stdout machine-readable.
import {
  findGc,
  repeat,
  runBareOnce,
  runEngineOnce,
  summarizeSamples,
  type EngineFacts,
  type Measurement,
  type Sample,
} from './bench-measure.ts';
import { formatBenchReport, judge, type BenchReport, type BenchRow } from './bench-report.ts';
import { measureScale } from './bench-scale.ts';
import { benchScenarios } from './bench-scenarios.ts';
import { BENCH_USAGE, parseBenchArgs } from './parse-args.ts';

/** Hold times of the bare kernel: the benchmark services' mean service time. */
const BARE_MEAN_DELAY_US = 500;
/** A fixed, larger heap as a second reference point ("a few hundred pending events"). */
const BARE_LARGE_PENDING = 256;

const log = (text: string) => process.stderr.write(`${text}\n`);

function main(argv: readonly string[]): number {
  const parsed = parseBenchArgs(argv);
  if (!parsed.ok) {
    log(`${parsed.message}\n${BENCH_USAGE}`);
    return 2;
  }
  const args = parsed.args;
  if (args.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const runs = args.runs ?? (args.quick ? 1 : 5);
  const warmups = args.quick ? 0 : 1;
  const gc = findGc();
  const rows: BenchRow[] = [];

  const measure = (name: string, once: () => Sample): Measurement => {
    log(`${name}: ${warmups} warm-up + ${runs} run(s)…`);
    return summarizeSamples(repeat(warmups, runs, once));
  };

  const benches = benchScenarios(args.quick);
  const facts = new Map<string, EngineFacts>();
  for (const bench of benches) {
    const measurement = measure(bench.name, () => {
      const run = runEngineOnce(bench.scenario, gc);
      facts.set(bench.name, run.facts);
      return run.sample;
    });
    if (!facts.get(bench.name)?.conservationOk) {
      log(`${bench.name}: conservation violated — the figures are meaningless`);
      return 1;
    }
    rows.push({
      name: bench.name,
      description: bench.description,
      durationMs: bench.scenario.durationMs,
      measurement,
    });
  }

  const chain = (rows[0] as BenchRow).measurement;
  const chainDurationMs = (benches[0] as (typeof benches)[number]).scenario.durationMs;
  // Little's law: each request in flight in the chain holds about one pending event, plus
  // the client's next arrival — so the like-for-like heap is this small.
  const inFlight = (chain.requests / chainDurationMs) * (facts.get('chain-5')?.meanLatencyMs ?? 0);
  const pending = Math.max(2, Math.round(1 + inFlight));
  const bareRows: [string, number][] = [
    ['bare-kernel', pending],
    [`bare-kernel-${BARE_LARGE_PENDING}`, BARE_LARGE_PENDING],
  ];
  let likeForLike: Measurement | undefined;
  for (const [name, size] of bareRows) {
    const options = {
      events: chain.events,
      pending: size,
      meanDelayUs: BARE_MEAN_DELAY_US,
      seed: 1,
    };
    const measurement = measure(name, () => runBareOnce(options, gc));
    const description = `hold model on EventQueue, ${chain.events} events, ${size} pending${size === pending ? " (chain-5's mean heap size)" : ''}`;
    rows.push({ name, description, measurement });
    likeForLike ??= measurement;
  }

  const scale = measureScale({ quick: args.quick, warmups, runs, gc, log });
  rows.push(...scale.rows);

  const report: BenchReport = {
    node: process.versions.node,
    gcExposed: gc !== undefined,
    quick: args.quick,
    warmups,
    rows,
    verdict: judge(chain, likeForLike as Measurement, scale.ratios),
  };
  process.stdout.write(
    args.json ? `${JSON.stringify(report, null, 2)}\n` : formatBenchReport(report),
  );
  // Timing never fails a build (shared, noisy machines): the verdict is printed, exit is 0.
  return 0;
}

process.exitCode = main(process.argv.slice(2));
