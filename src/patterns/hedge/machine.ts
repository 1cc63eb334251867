import { z } from 'zod';
import { AS_PERCENT } from '../kit/index.ts';

/**
 * Hedged requests (Dean & Barroso, "The Tail at Scale"; docs/patterns.md, R13): the hedge delay
 * and target choice over plain data. Every function returns a new state.
 *
 * The delay before a hedge is `hedgeDelayMs` when set; when null it is the `hedgePercentile`
 * (default p95) of the latencies of this node's last `historySize` successful requests,
 * measured from the request's arrival at the hedge node to its first success — so hedged
 * requests count with the latency the caller saw, and the percentile does not drift down as
 * hedges cut the tail. The percentile is the nearest-rank one, refreshed every
 * `REFRESH_EVERY` new samples; until `MIN_SAMPLES` are in there is no delay and no hedging.
 */

export const MIN_SAMPLES = 20;
export const REFRESH_EVERY = 10;

export const hedgeConfigSchema = z.strictObject({
  hedgeDelayMs: z
    .number()
    .min(0)
    .nullable()
    .default(null)
    .meta({ noneLabel: 'From recent latencies', suggested: 50 }),
  hedgePercentile: z.number().gt(0).lt(1).default(0.95).meta(AS_PERCENT),
  maxHedges: z.number().int().min(0).max(5).default(1),
  pick: z.enum(['round-robin', 'random']).default('round-robin'),
  hedgeOnFailure: z.boolean().default(false),
  historySize: z.number().int().min(MIN_SAMPLES).max(10_000).default(200),
});
export type HedgeConfig = z.infer<typeof hedgeConfigSchema>;

export interface LatencyHistory {
  /** Recent request latencies (µs), oldest first, at most `historySize`. */
  samplesUs: number[];
  /** Samples since the percentile was last computed. */
  sinceRefresh: number;
  /** The cached percentile (µs); null until MIN_SAMPLES are in. */
  percentileUs: number | null;
}

export function emptyHistory(): LatencyHistory {
  return { samplesUs: [], sinceRefresh: 0, percentileUs: null };
}

/** Nearest-rank percentile: the smallest sample with at least a share q of samples ≤ it. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] as number;
}

export function recordLatency(cfg: HedgeConfig, h: LatencyHistory, us: number): LatencyHistory {
  // Oldest first; a history shrunk by a live edit drops its oldest samples here.
  const samplesUs = [...h.samplesUs, us];
  if (samplesUs.length > cfg.historySize) samplesUs.splice(0, samplesUs.length - cfg.historySize);
  const sinceRefresh = h.sinceRefresh + 1;
  const due =
    samplesUs.length >= MIN_SAMPLES && (h.percentileUs === null || sinceRefresh >= REFRESH_EVERY);
  if (!due) return { samplesUs, sinceRefresh, percentileUs: h.percentileUs };
  return { samplesUs, sinceRefresh: 0, percentileUs: percentile(samplesUs, cfg.hedgePercentile) };
}

/** How long to wait before hedging (µs); null = do not hedge (yet). */
export function hedgeDelayUs(cfg: HedgeConfig, h: LatencyHistory): number | null {
  if (cfg.maxHedges === 0) return null;
  if (cfg.hedgeDelayMs !== null) return Math.round(cfg.hedgeDelayMs * 1000);
  return h.percentileUs;
}

/** Attempt `attempt` (0 = primary) goes to the edge after the primary's, wrapping around. */
export function attemptEdgePosition(primary: number, attempt: number, edges: number): number {
  return (primary + attempt) % edges;
}
