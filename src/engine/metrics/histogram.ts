/**
 * Mergeable log-bucket latency histogram (DDSketch-style) over non-negative microseconds.
 *
 * Bucket i ≥ 0 holds values in (γ^(i−1), γ^i] with γ = (1+α)/(1−α); its representative value
 * 2·γ^i/(γ+1) is within α relative error of every value in it. Values < 1 µs (in practice 0)
 * have their own exact zero bucket. Counts live in one typed array over the touched slot range,
 * grown when a value lands outside it; two histograms merge by adding counts.
 */

import {
  HISTOGRAM_RELATIVE_ACCURACY,
  SLOTS,
  SLOT_VALUES_US,
  checkHistogramData,
  nearestRank,
  slotOf,
  type HistogramData,
  type LatencySummaryMs,
} from './histogram-data.ts';

export {
  HISTOGRAM_RELATIVE_ACCURACY,
  type HistogramData,
  type LatencySummaryMs,
} from './histogram-data.ts';

const SUMMARY_QUANTILES = [0.5, 0.95, 0.99, 0.999] as const;
const SUMMARY_SCRATCH = new Float64Array(6);

/** Empty storage shared by every histogram until it needs its own. */
const NO_COUNTS = new Uint16Array(0);
/**
 * A slot's count is `counts[i]` plus COUNT_SPAN times its carry: 16-bit counts keep a node's
 * run histogram near 2 kB (a thousand nodes' fit in cache), and a count past 65535 carries
 * into a map — exact up to 2^53, never wrapping, and rare (once per 65536 values in a slot).
 */
const COUNT_SPAN = 0x10000;
/** Smallest slot range allocated at a time (512 bytes). */
const MIN_RANGE = 256;
/**
 * Distinct slots a histogram keeps in a short list before it needs an array over its slot
 * range. A one-second window at a node of a large graph holds a handful of values spread over
 * hundreds of slots: it never allocates the array, and its summary, merge and reset visit its
 * few slots instead of the whole range.
 */
const LISTED_SLOTS = 32;
/** Slot and count pairs `mergeLater` holds before it adds them to the counts. */
const PENDING_PAIRS = 128;

export class LatencyHistogram {
  // `counts[i]` (plus its carry) is slot `base + i`; the range grows as values arrive (most
  // runs touch a few hundred of the ~2770 slots, and a graph of a thousand nodes holds two per
  // node). Unused
  // while the values fit in the list; kept (zeroed) across `reset`.
  private counts = NO_COUNTS;
  private base = 0;
  /** Slot → multiples of COUNT_SPAN beyond `counts` (null until a count first carries). */
  private carries: Map<number, number> | null = null;
  /** Slots and their counts while at most `listedSlots` slots are non-empty (`listSize`). */
  private readonly listSlots: number[] = [];
  private readonly listCounts: number[] = [];
  private listSize = 0;
  /**
   * Slot, count, slot, count … merged in by `mergeLater` but not yet added (`pendingSize`
   * numbers); `total`, `sum`, `min` and `max` already include them.
   */
  private pending: number[] | null = null;
  private pendingSize = 0;
  /** True once the values outgrew the list: `counts` holds them all. */
  private ranged = false;
  private total = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;
  /** Touched slot range, so reset/merge/quantiles cost O(touched) rather than O(all slots). */
  private lowSlot = SLOTS;
  private highSlot = -1;

  /** `listedSlots` = 0 always keeps the array over the range (tests compare both ways). */
  constructor(private readonly listedSlots = LISTED_SLOTS) {}

  /** Records one value (µs). Hot path: one Math.log, no allocation once the range is covered. */
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
    this.add(slotOf(valueUs), count);
    this.total += count;
    this.sum += valueUs * count;
    if (valueUs < this.min) this.min = valueUs;
    if (valueUs > this.max) this.max = valueUs;
  }

  /**
   * Adds every value of `other`, as `merge` does; but the few slots of a listed `other` wait in
   * a buffer, added in a batch when it fills or when this histogram is read. A thousand nodes
   * each folding a one-second window of a few values into their run's histogram write one
   * buffer line each instead of a cache line of counts per value.
   */
  mergeLater(other: LatencyHistogram): void {
    if (other.total === 0) return;
    if (other.ranged || other.pendingSize > 0) {
      this.merge(other);
      return;
    }
    this.hold(other.listSlots, other.listCounts, other.listSize);
    this.addTotals(other);
  }

  /**
   * Adds `n` values given by their slots, with their sum, min and max, held back like
   * `mergeLater`: how a node folds a window it kept as a few raw values (see `foldWindow`).
   */
  mergeSlotsLater(slots: Int32Array, n: number, sumUs: number, minUs: number, maxUs: number): void {
    if (n === 0) return;
    this.hold(slots, null, n);
    this.total += n;
    this.sum += sumUs;
    if (minUs < this.min) this.min = minUs;
    if (maxUs > this.max) this.max = maxUs;
  }

  /** Holds `n` slots (with their counts; 1 each without) in the buffer, flushing it when full. */
  private hold(slots: ArrayLike<number>, counts: ArrayLike<number> | null, n: number): void {
    const p = (this.pending ??= []);
    let size = this.pendingSize;
    if (size + 2 * n > 2 * PENDING_PAIRS) {
      this.flush();
      size = 0;
    }
    for (let k = 0; k < n; k++) {
      p[size++] = slots[k] as number;
      p[size++] = counts === null ? 1 : (counts[k] as number);
    }
    this.pendingSize = size;
  }

  /** Adds every value of `other` into this histogram. */
  merge(other: LatencyHistogram): void {
    if (other.total === 0) return;
    other.flush();
    this.flush();
    if (other.ranged) {
      if (!this.ranged) this.toRange(other.lowSlot, other.highSlot);
      else this.cover(other.lowSlot, other.highSlot);
      for (let s = other.lowSlot; s <= other.highSlot; s++) {
        const c = other.rangedCount(s);
        if (c !== 0) this.add(s, c);
      }
    } else {
      const n = other.listSize;
      for (let k = 0; k < n; k++)
        this.add(other.listSlots[k] as number, other.listCounts[k] as number);
    }
    this.addTotals(other);
  }

  private addTotals(other: LatencyHistogram): void {
    this.total += other.total;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    if (this.ranged) this.counts.fill(0, this.lowSlot - this.base, this.highSlot - this.base + 1);
    this.carries = null;
    this.pendingSize = 0;
    this.ranged = false;
    this.listSize = 0;
    this.total = 0;
    this.sum = 0;
    this.min = Infinity;
    this.max = -Infinity;
    this.lowSlot = SLOTS;
    this.highSlot = -1;
  }

  /** Bytes held in the array over the slot range (none while the values fit in the list). */
  bytesUsed(): number {
    this.flush();
    return this.counts.byteLength;
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
    this.flush();
    const rank = nearestRank(Math.min(1, Math.max(0, q)), this.total);
    let cumulative = 0;
    if (!this.ranged) {
      this.sortList();
      const last = this.listSize - 1;
      let k = 0;
      for (; k < last; k++) {
        cumulative += this.listCounts[k] as number;
        if (cumulative >= rank) break;
      }
      return this.valueAtRank(rank, this.listSlots[k] as number);
    }
    let slot = this.lowSlot;
    for (; slot < this.highSlot; slot++) {
      cumulative += this.rangedCount(slot);
      if (cumulative >= rank) break;
    }
    return this.valueAtRank(rank, slot);
  }

  summaryMs(): LatencySummaryMs {
    const out = SUMMARY_SCRATCH;
    this.summaryInto(out);
    return {
      mean: out[0] as number,
      p50: out[1] as number,
      p95: out[2] as number,
      p99: out[3] as number,
      p999: out[4] as number,
      max: out[5] as number,
    };
  }

  /**
   * The summary in milliseconds into `out[at…at+5]`: mean, p50, p95, p99, p99.9, max (all 0
   * when empty). Allocates nothing: a thousand nodes close a window each simulated second.
   */
  summaryInto(out: Float64Array, at = 0): void {
    if (this.total === 0) {
      out.fill(0, at, at + 6);
      return;
    }
    this.flush();
    // One pass over the buckets for all four quantiles (they are in increasing order).
    let k = 0;
    let rank = nearestRank(SUMMARY_QUANTILES[0], this.total);
    let cumulative = 0;
    if (!this.ranged) this.sortList();
    const steps = this.ranged ? this.highSlot - this.lowSlot + 1 : this.listSize;
    const quantiles = SUMMARY_QUANTILES.length;
    for (let i = 0; i < steps && k < quantiles; i++) {
      const slot = this.ranged ? this.lowSlot + i : (this.listSlots[i] as number);
      cumulative += this.ranged ? this.rangedCount(slot) : (this.listCounts[i] as number);
      while (k < quantiles && cumulative >= rank) {
        out[at + 1 + k] = this.valueAtRank(rank, slot) / 1000;
        k++;
        const q = SUMMARY_QUANTILES[k];
        if (q !== undefined) rank = nearestRank(q, this.total);
      }
    }
    out[at] = this.meanUs() / 1000;
    out[at + 5] = this.max / 1000;
  }

  toJSON(): HistogramData {
    this.flush();
    let firstLogSlot = Math.max(1, this.lowSlot);
    while (firstLogSlot <= this.highSlot && this.countAt(firstLogSlot) === 0) firstLogSlot++;
    const counts: number[] = [];
    for (let s = firstLogSlot; s <= this.highSlot; s++) counts.push(this.countAt(s));
    return {
      relativeAccuracy: HISTOGRAM_RELATIVE_ACCURACY,
      count: this.total,
      sumUs: this.sum,
      minUs: this.minUs,
      maxUs: this.maxUs,
      zeroCount: this.countAt(0),
      offset: counts.length === 0 ? 0 : firstLogSlot - 1,
      counts,
    };
  }

  static fromJSON(data: HistogramData): LatencyHistogram {
    const total = checkHistogramData(data);
    const h = new LatencyHistogram();
    if (data.zeroCount > 0) h.add(0, data.zeroCount);
    data.counts.forEach((c, k) => {
      if (c > 0) h.add(data.offset + k + 1, c);
    });
    if (total > 0) {
      h.total = total;
      h.sum = data.sumUs;
      h.min = data.minUs;
      h.max = data.maxUs;
    }
    return h;
  }

  private countAt(slot: number): number {
    if (!this.ranged) {
      for (let k = 0; k < this.listSize; k++) {
        if (this.listSlots[k] === slot) return this.listCounts[k] as number;
      }
      return 0;
    }
    const i = slot - this.base;
    return i >= 0 && i < this.counts.length ? this.rangedCount(slot) : 0;
  }

  /** Adds the pairs `mergeLater` held to the counts. */
  private flush(): void {
    const p = this.pending;
    const size = this.pendingSize;
    if (p === null || size === 0) return;
    this.pendingSize = 0;
    for (let k = 0; k < size; k += 2) this.add(p[k] as number, p[k + 1] as number);
  }

  /** Count of a slot inside the array's range. */
  private rangedCount(slot: number): number {
    const c = this.counts[slot - this.base] as number;
    return this.carries === null ? c : c + (this.carries.get(slot) ?? 0) * COUNT_SPAN;
  }

  /** Adds `count` to array index `i`, carrying what does not fit in 16 bits. */
  private addAt(i: number, count: number): void {
    const c = (this.counts[i] as number) + count;
    if (c < COUNT_SPAN) {
      this.counts[i] = c;
      return;
    }
    const slot = this.base + i;
    const carries = (this.carries ??= new Map());
    carries.set(slot, (carries.get(slot) ?? 0) + Math.floor(c / COUNT_SPAN));
    this.counts[i] = c % COUNT_SPAN;
  }

  /** Adds `count` (> 0) to one slot: in the list while it has room, else in the array. */
  private add(slot: number, count: number): void {
    if (slot < this.lowSlot) this.lowSlot = slot;
    if (slot > this.highSlot) this.highSlot = slot;
    if (!this.ranged) {
      const slots = this.listSlots;
      const n = this.listSize;
      for (let k = 0; k < n; k++) {
        if (slots[k] === slot) {
          this.listCounts[k] = (this.listCounts[k] as number) + count;
          return;
        }
      }
      if (n < this.listedSlots) {
        // Past entries stay allocated after a reset: the list is reused window after window.
        slots[n] = slot;
        this.listCounts[n] = count;
        this.listSize = n + 1;
        return;
      }
      this.toRange(this.lowSlot, this.highSlot);
    }
    let i = slot - this.base;
    if (i < 0 || i >= this.counts.length) {
      this.cover(slot, slot);
      i = slot - this.base;
    }
    this.addAt(i, count);
  }

  /** Moves the listed slots into the array, covering at least lo..hi. */
  private toRange(lo: number, hi: number): void {
    this.cover(Math.min(lo, this.lowSlot), Math.max(hi, this.highSlot));
    for (let k = 0; k < this.listSize; k++) {
      const i = (this.listSlots[k] as number) - this.base;
      this.addAt(i, this.listCounts[k] as number);
    }
    this.listSize = 0;
    this.ranged = true;
  }

  /**
   * Grows the array to hold slots lo..hi, to half as much again as the range needs: a node's
   * latencies span a few hundred slots, and a large graph holds a run histogram per node, so
   * the array stays near that span (memory a thousand nodes touch, not ~22 kB each).
   */
  private cover(lo: number, hi: number): void {
    const length = this.counts.length;
    const end = this.base + length;
    if (lo >= this.base && hi < end) return;
    const from = length === 0 ? lo : Math.min(lo, this.base);
    const to = length === 0 ? hi + 1 : Math.max(hi + 1, end);
    const span = to - from;
    const size = Math.min(SLOTS, Math.max(span + (span >> 1), MIN_RANGE));
    // Room to grow on the side that asked for it.
    const base = Math.max(0, Math.min(lo < this.base ? to - size : from, SLOTS - size));
    const counts = new Uint16Array(size);
    if (length > 0) counts.set(this.counts, this.base - base);
    this.counts = counts;
    this.base = base;
  }

  /** Sorts the listed slots (and their counts) by slot: an insertion sort of a short list. */
  private sortList(): void {
    const slots = this.listSlots;
    const counts = this.listCounts;
    for (let i = 1; i < this.listSize; i++) {
      const s = slots[i] as number;
      const c = counts[i] as number;
      let j = i - 1;
      while (j >= 0 && (slots[j] as number) > s) {
        slots[j + 1] = slots[j] as number;
        counts[j + 1] = counts[j] as number;
        j--;
      }
      slots[j + 1] = s;
      counts[j + 1] = c;
    }
  }

  /** Value of `rank` found in `slot`: the extreme ranks are known exactly, the rest clamped. */
  private valueAtRank(rank: number, slot: number): number {
    if (rank >= this.total) return this.max;
    if (rank <= 1) return this.min;
    const valueUs = SLOT_VALUES_US[slot] as number;
    return valueUs < this.min ? this.min : valueUs > this.max ? this.max : valueUs;
  }
}
