/**
 * Binary min-heap of simulation events ordered by (time, priority, seq).
 *
 * Struct-of-arrays storage (typed arrays, no per-event objects) keeps the hot loop free of
 * allocation. `seq` increases monotonically, so events at the same time and priority pop
 * in insertion order (FIFO) — never by object identity or string comparison.
 * Cancellation is lazy: `cancel(seq)` marks the event and `pop` skips it.
 */

/** Priority and seq packed into one exact double: priority · 2^40 + seq. */
const SEQ_SPAN = 2 ** 40;
const MAX_PRIORITY = 2 ** 12 - 1;

export interface PoppedEvent {
  timeUs: number;
  priority: number;
  seq: number;
  type: number;
  target: number;
  a: number;
  b: number;
}

export class EventQueue {
  private timeUs: Float64Array;
  private order: Float64Array;
  private type: Int32Array;
  private target: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private count = 0;
  private nextSeq = 0;
  private readonly cancelled = new Set<number>();

  /** Fields of the last popped event; reused to avoid an allocation per pop. */
  readonly top: PoppedEvent = { timeUs: 0, priority: 0, seq: 0, type: 0, target: 0, a: 0, b: 0 };

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.timeUs = new Float64Array(n);
    this.order = new Float64Array(n);
    this.type = new Int32Array(n);
    this.target = new Int32Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
  }

  get size(): number {
    return this.count - this.cancelled.size;
  }

  /** Number of slots in use, cancelled-but-not-yet-popped events included. */
  get physicalSize(): number {
    return this.count;
  }

  /** Schedules an event; returns its seq (the handle for `cancel`). */
  push(timeUs: number, priority: number, type: number, target: number, a = 0, b = 0): number {
    if (!(priority >= 0 && priority <= MAX_PRIORITY && Number.isInteger(priority))) {
      throw new RangeError(`event priority must be an integer in 0..${MAX_PRIORITY}`);
    }
    if (this.count === this.timeUs.length) this.grow();
    const seq = this.nextSeq++;
    const key = priority * SEQ_SPAN + seq;
    // Sift up: move parents down until the slot for the new event is found.
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.timeUs[p] as number;
      if (pt < timeUs || (pt === timeUs && (this.order[p] as number) < key)) break;
      this.move(p, i);
      i = p;
    }
    this.timeUs[i] = timeUs;
    this.order[i] = key;
    this.type[i] = type;
    this.target[i] = target;
    this.argA[i] = a;
    this.argB[i] = b;
    return seq;
  }

  /** Marks a pending event as cancelled; it will be skipped when it reaches the top. */
  cancel(seq: number): void {
    if (seq >= 0 && seq < this.nextSeq) this.cancelled.add(seq);
  }

  /** Time of the next live event, or Infinity when none is left. */
  peekTimeUs(): number {
    this.dropCancelledTop();
    return this.count > 0 ? (this.timeUs[0] as number) : Infinity;
  }

  /** Removes the next live event into `this.top`; returns false when the queue is empty. */
  pop(): boolean {
    this.dropCancelledTop();
    if (this.count === 0) return false;
    this.readTop();
    this.removeTop();
    return true;
  }

  clear(): void {
    this.count = 0;
    this.cancelled.clear();
  }

  private dropCancelledTop(): void {
    if (this.cancelled.size === 0) return;
    while (this.count > 0) {
      const seq = (this.order[0] as number) % SEQ_SPAN;
      if (!this.cancelled.delete(seq)) return;
      this.removeTop();
    }
  }

  private readTop(): void {
    const top = this.top;
    const key = this.order[0] as number;
    top.timeUs = this.timeUs[0] as number;
    top.priority = Math.floor(key / SEQ_SPAN);
    top.seq = key % SEQ_SPAN;
    top.type = this.type[0] as number;
    top.target = this.target[0] as number;
    top.a = this.argA[0] as number;
    top.b = this.argB[0] as number;
  }

  private removeTop(): void {
    const last = --this.count;
    if (last === 0) return;
    const t = this.timeUs[last] as number;
    const k = this.order[last] as number;
    // Sift down the former last element from the root.
    let i = 0;
    const half = last >> 1;
    while (i < half) {
      let c = 2 * i + 1;
      const r = c + 1;
      if (r < last) {
        const ct = this.timeUs[c] as number;
        const rt = this.timeUs[r] as number;
        if (rt < ct || (rt === ct && (this.order[r] as number) < (this.order[c] as number))) c = r;
      }
      const ct = this.timeUs[c] as number;
      if (t < ct || (t === ct && k < (this.order[c] as number))) break;
      this.move(c, i);
      i = c;
    }
    if (i !== last) this.move(last, i);
  }

  private move(from: number, to: number): void {
    this.timeUs[to] = this.timeUs[from] as number;
    this.order[to] = this.order[from] as number;
    this.type[to] = this.type[from] as number;
    this.target[to] = this.target[from] as number;
    this.argA[to] = this.argA[from] as number;
    this.argB[to] = this.argB[from] as number;
  }

  private grow(): void {
    const n = this.timeUs.length * 2;
    const grow64 = (a: Float64Array) => {
      const b = new Float64Array(n);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.timeUs = grow64(this.timeUs);
    this.order = grow64(this.order);
    this.type = grow32(this.type);
    this.target = grow32(this.target);
    this.argA = grow32(this.argA);
    this.argB = grow32(this.argB);
  }
}
