/**
 * Mergeable log-bucket latency histogram (DDSketch-style) over non-negative microseconds.
 *
 * Bucket i ≥ 0 holds values in (γ^(i−1), γ^i] with γ = (1+α)/(1−α); its representative value
 * 2·γ^i/(γ+1) is within α relative error of every value in it. Values < 1 µs (in practice 0)
 * have their own exact zero bucket. Counts live in one typed array allocated per histogram,
 * so `record` never allocates; two histograms merge by adding counts.
 */

/** Relative accuracy α of every quantile (0.5 %). */
export const HISTOGRAM_RELATIVE_ACCURACY = 0.005;

const GAMMA = (1 + HISTOGRAM_RELATIVE_ACCURACY) / (1 - HISTOGRAM_RELATIVE_ACCURACY);
const INV_LN_GAMMA = 1 / Math.log(GAMMA);
/** Largest value bucketed with full accuracy (~11.6 days); larger values share the top bucket. */
const MAX_TRACKED_US = 1e12;
/** Number of log buckets (indices 0..LOG_BUCKETS−1). */
const LOG_BUCKETS = Math.ceil(Math.log(MAX_TRACKED_US) * INV_LN_GAMMA) + 1;
/** Slot 0 is the zero bucket; slot i+1 is log bucket i. */
const SLOTS = LOG_BUCKETS + 1;
const TOP_SLOT = SLOTS - 1;

const SUMMARY_QUANTILES = [0.5, 0.95, 0.99, 0.999] as const;

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

/** Representative value of the value in `slot` (≥ 1): 2·γ^i/(γ+1) for log bucket i. */
function slotValueUs(slot: number): number {
  return slot === 0 ? 0 : (2 * Math.pow(GAMMA, slot - 1)) / (GAMMA + 1);
}

/** Nearest rank of quantile q among n values; the tiny shrink stops 0.95·100 = 95.000…01 → 96. */
function nearestRank(q: number, n: number): number {
  return Math.max(1, Math.ceil(q * n * (1 - 1e-12)));
}

export class LatencyHistogram {
  // Float64 rather than Uint32 counts: exact up to 2^53 and never wraps silently on long runs.
  private readonly counts = new Float64Array(SLOTS);
  private total = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;
  /** Touched slot range, so reset/merge/quantiles cost O(touched) rather than O(all slots). */
  private lowSlot = SLOTS;
  private highSlot = -1;

  /** Records one value (µs). Hot path: one Math.log, no allocation. */
  record(valueUs: number): void {
    this.recordMany(valueUs, 1);
  }

  /** Records `count` copies of one value (µs). */
  recordMany(valueUs: number, count: number): void {
    if (!(valueUs >= 0 && valueUs < Infinity)) {
      throw new RangeError(`latency must be a finite non-negative number of µs, got ${valueUs}`);
    }
    if (!(count >= 0 && Number.isInteger(count))) {
      throw new RangeError(`count must be a non-negative integer, got ${count}`);
    }
    if (count === 0) return;
    let slot = 0;
    if (valueUs >= 1) {
      slot = Math.ceil(Math.log(valueUs) * INV_LN_GAMMA) + 1;
      if (slot > TOP_SLOT) slot = TOP_SLOT;
    }
    this.counts[slot] = (this.counts[slot] as number) + count;
    this.total += count;
    this.sum += valueUs * count;
    if (valueUs < this.min) this.min = valueUs;
    if (valueUs > this.max) this.max = valueUs;
    if (slot < this.lowSlot) this.lowSlot = slot;
    if (slot > this.highSlot) this.highSlot = slot;
  }

  /** Adds every value of `other` into this histogram. */
  merge(other: LatencyHistogram): void {
    if (other.total === 0) return;
    const src = other.counts;
    const dst = this.counts;
    for (let s = other.lowSlot; s <= other.highSlot; s++) {
      dst[s] = (dst[s] as number) + (src[s] as number);
    }
    this.total += other.total;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    if (other.lowSlot < this.lowSlot) this.lowSlot = other.lowSlot;
    if (other.highSlot > this.highSlot) this.highSlot = other.highSlot;
  }

  reset(): void {
    if (this.highSlot >= 0) this.counts.fill(0, this.lowSlot, this.highSlot + 1);
    this.total = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.lowSlot = SLOTS;
    this.highSlot = -1;
  }

  get count(): number {
    return this.total;
  }

  get sumUs(): number {
    return this.sum;
  }

  get minUs(): number {
    return this.total === 0 ? 0 : this.min;
  }

  get maxUs(): number {
    return this.total === 0 ? 0 : this.max;
  }

  meanUs(): number {
    return this.total === 0 ? 0 : this.sum / this.total;
  }

  /**
   * Nearest-rank quantile (rank = max(1, ceil(q·count))): the representative value of the
   * bucket holding that rank, clamped into [minUs, maxUs]. Rank 1 and rank count are the
   * exact min and max, so q = 0, q = 1 and one-value histograms are exact.
   */
  quantileUs(q: number): number {
    if (Number.isNaN(q)) throw new RangeError('quantile must be a number in [0, 1]');
    if (this.total === 0) return 0;
    const rank = nearestRank(Math.min(1, Math.max(0, q)), this.total);
    let cumulative = 0;
    let slot = this.lowSlot;
    for (; slot < this.highSlot; slot++) {
      cumulative += this.counts[slot] as number;
      if (cumulative >= rank) break;
    }
    return this.valueAtRank(rank, slot);
  }

  summaryMs(): LatencySummaryMs {
    if (this.total === 0) return { mean: 0, p50: 0, p95: 0, p99: 0, p999: 0, max: 0 };
    // One pass over the buckets for all four quantiles (they are in increasing order).
    const out = [0, 0, 0, 0];
    let k = 0;
    let rank = nearestRank(SUMMARY_QUANTILES[0], this.total);
    let cumulative = 0;
    for (let slot = this.lowSlot; slot <= this.highSlot && k < out.length; slot++) {
      cumulative += this.counts[slot] as number;
      while (k < out.length && cumulative >= rank) {
        out[k] = this.valueAtRank(rank, slot);
        k++;
        const q = SUMMARY_QUANTILES[k];
        if (q !== undefined) rank = nearestRank(q, this.total);
      }
    }
    return {
      mean: this.meanUs() / 1000,
      p50: (out[0] as number) / 1000,
      p95: (out[1] as number) / 1000,
      p99: (out[2] as number) / 1000,
      p999: (out[3] as number) / 1000,
      max: this.max / 1000,
    };
  }

  toJSON(): HistogramData {
    let firstLogSlot = Math.max(1, this.lowSlot);
    while (firstLogSlot <= this.highSlot && this.counts[firstLogSlot] === 0) firstLogSlot++;
    const counts: number[] = [];
    for (let s = firstLogSlot; s <= this.highSlot; s++) counts.push(this.counts[s] as number);
    return {
      relativeAccuracy: HISTOGRAM_RELATIVE_ACCURACY,
      count: this.total,
      sumUs: this.sum,
      minUs: this.minUs,
      maxUs: this.maxUs,
      zeroCount: this.counts[0] as number,
      offset: counts.length === 0 ? 0 : firstLogSlot - 1,
      counts,
    };
  }

  static fromJSON(data: HistogramData): LatencyHistogram {
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
    const h = new LatencyHistogram();
    if (!isCount(zeroCount)) throw new RangeError('histogram data: bad zeroCount');
    let total = zeroCount;
    h.counts[0] = zeroCount;
    if (zeroCount > 0) {
      h.lowSlot = 0;
      h.highSlot = 0;
    }
    counts.forEach((c, k) => {
      if (!isCount(c)) throw new RangeError(`histogram data: bad count at bucket ${offset + k}`);
      if (c === 0) return;
      const slot = offset + k + 1;
      h.counts[slot] = c;
      total += c;
      if (slot < h.lowSlot) h.lowSlot = slot;
      if (slot > h.highSlot) h.highSlot = slot;
    });
    if (total !== data.count) {
      throw new RangeError(`histogram data: bucket counts sum to ${total}, count is ${data.count}`);
    }
    if (total > 0) {
      if (!(data.minUs >= 0 && data.minUs <= data.maxUs && Number.isFinite(data.maxUs))) {
        throw new RangeError('histogram data: bad min/max');
      }
      h.total = total;
      h.sum = data.sumUs;
      h.min = data.minUs;
      h.max = data.maxUs;
    }
    return h;
  }

  /** Value of `rank` found in `slot`: the extreme ranks are known exactly, the rest clamped. */
  private valueAtRank(rank: number, slot: number): number {
    if (rank >= this.total) return this.max;
    if (rank <= 1) return this.min;
    const valueUs = slotValueUs(slot);
    return valueUs < this.min ? this.min : valueUs > this.max ? this.max : valueUs;
  }
}
