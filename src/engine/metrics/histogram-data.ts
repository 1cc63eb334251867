/**
 * The histogram's bucket geometry and its plain-data form: which slot a value falls in, the
 * value each slot stands for, and the checks a histogram read back from JSON must pass.
 */

/** Relative accuracy α of every quantile (0.5 %). */
export const HISTOGRAM_RELATIVE_ACCURACY = 0.005;

export const GAMMA = (1 + HISTOGRAM_RELATIVE_ACCURACY) / (1 - HISTOGRAM_RELATIVE_ACCURACY);
export const INV_LN_GAMMA = 1 / Math.log(GAMMA);
/** Largest value bucketed with full accuracy (~11.6 days); larger values share the top bucket. */
export const MAX_TRACKED_US = 1e12;
/** Number of log buckets (indices 0..LOG_BUCKETS−1). */
export const LOG_BUCKETS = Math.ceil(Math.log(MAX_TRACKED_US) * INV_LN_GAMMA) + 1;
/** Slot 0 is the zero bucket; slot i+1 is log bucket i. */
export const SLOTS = LOG_BUCKETS + 1;
export const TOP_SLOT = SLOTS - 1;

/** Latency summary in milliseconds; all 0 when the histogram is empty. */
export interface LatencySummaryMs {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
}

/** Plain JSON-able form of a histogram: only the touched range of log buckets is kept. */
export interface HistogramData {
  /** α the buckets were built with; `fromJSON` refuses data from a different layout. */
  relativeAccuracy: number;
  count: number;
  sumUs: number;
  minUs: number;
  maxUs: number;
  /** Count of values below 1 µs. */
  zeroCount: number;
  /** Log-bucket index of `counts[0]`. */
  offset: number;
  /** Counts of log buckets offset, offset+1, … */
  counts: number[];
}

/** Representative value of the values in each slot: 0, then 2·γ^i/(γ+1) for log bucket i. */
export const SLOT_VALUES_US = Float64Array.from({ length: SLOTS }, (_, slot) =>
  slot === 0 ? 0 : (2 * Math.pow(GAMMA, slot - 1)) / (GAMMA + 1),
);

/** Slot of a finite non-negative value (µs): 0 below 1 µs, else its log bucket + 1, capped. */
export function slotOf(valueUs: number): number {
  if (valueUs < 1) return 0;
  const slot = Math.ceil(Math.log(valueUs) * INV_LN_GAMMA) + 1;
  return slot > TOP_SLOT ? TOP_SLOT : slot;
}

/** Nearest rank of quantile q among n values; the tiny shrink stops 0.95·100 = 95.000…01 → 96. */
export function nearestRank(q: number, n: number): number {
  return Math.max(1, Math.ceil(q * n * (1 - 1e-12)));
}

/**
 * Checks histogram data read back (right layout, counts whole and in range, totals adding up,
 * sane min and max) and returns its count of values; throws a RangeError naming the problem.
 */
export function checkHistogramData(data: HistogramData): number {
  if (data.relativeAccuracy !== HISTOGRAM_RELATIVE_ACCURACY) {
    throw new RangeError(
      `histogram data uses relative accuracy ${data.relativeAccuracy}, expected ${HISTOGRAM_RELATIVE_ACCURACY}`,
    );
  }
  const { offset, counts, zeroCount } = data;
  if (!(Number.isInteger(offset) && offset >= 0 && offset + counts.length <= LOG_BUCKETS)) {
    throw new RangeError('histogram data: bucket range out of bounds');
  }
  const isCount = (c: number) => Number.isInteger(c) && c >= 0;
  if (!isCount(zeroCount)) throw new RangeError('histogram data: bad zeroCount');
  let total = zeroCount;
  counts.forEach((c, k) => {
    if (!isCount(c)) throw new RangeError(`histogram data: bad count at bucket ${offset + k}`);
    total += c;
  });
  if (total !== data.count) {
    throw new RangeError(`histogram data: bucket counts sum to ${total}, count is ${data.count}`);
  }
  if (total > 0 && !(data.minUs >= 0 && data.minUs <= data.maxUs && Number.isFinite(data.maxUs))) {
    throw new RangeError('histogram data: bad min/max');
  }
  return total;
}
