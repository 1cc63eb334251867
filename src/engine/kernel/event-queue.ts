/**
 * Binary min-heap of simulation events ordered by (time, priority, seq).
 *
 * Struct-of-arrays storage (typed arrays, no per-event objects) keeps the hot loop free of
 * allocation. The heap itself holds (time, order, slot); an event's payload stays in its slot,
 * so a sift moves three numbers a level, not seven. `seq` increases monotonically, so events at the same time and priority pop
 * in insertion order (FIFO) — never by object identity or string comparison.
 * Cancellation is lazy: `cancel(seq)` marks the event and `pop` skips it.
 *
 * Events pushed for the time of the last pop (zero delay: a call to a node with no network
 * latency, its answer) skip the heap: they queue in a FIFO, since among themselves they are
 * already in (priority, seq) order, and `pop` takes the smaller of the FIFO's head and the
 * heap's top. The order is exactly a single heap's; a node fanning out to a thousand others
 * pushes and pops those calls in O(1) instead of sifting them through a deep heap.
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
  private slot: Int32Array;
  // Payloads by slot; free slots are a stack.
  private type: Int32Array;
  private target: Int32Array;
  private argA: Int32Array;
  private argB: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private slotsUsed = 0;
  private count = 0;
  private nextSeq = 0;
  private readonly cancelled = new Set<number>();

  /** Time of the last pop: events pushed for it may go to the FIFO. */
  private nowUs = -Infinity;
  /** The FIFO (a ring): events at `fifoTimeUs`, all of priority `fifoPriority`, seq order. */
  private fifoOrder: Float64Array;
  private fifoType: Int32Array;
  private fifoTarget: Int32Array;
  private fifoA: Int32Array;
  private fifoB: Int32Array;
  private fifoHead = 0;
  private fifoCount = 0;
  private fifoTimeUs = 0;
  private fifoPriority = 0;

  /** Fields of the last popped event; reused to avoid an allocation per pop. */
  readonly top: PoppedEvent = { timeUs: 0, priority: 0, seq: 0, type: 0, target: 0, a: 0, b: 0 };

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.timeUs = new Float64Array(n);
    this.order = new Float64Array(n);
    this.slot = new Int32Array(n);
    this.type = new Int32Array(n);
    this.target = new Int32Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
    this.fifoOrder = new Float64Array(16);
    this.fifoType = new Int32Array(16);
    this.fifoTarget = new Int32Array(16);
    this.fifoA = new Int32Array(16);
    this.fifoB = new Int32Array(16);
  }

  get size(): number {
    return this.count + this.fifoCount - this.cancelled.size;
  }

  /** Events ever pushed: the seq the next push gets (an event with seq ≥ this is newer). */
  get pushed(): number {
    return this.nextSeq;
  }

  /**
   * Calls `visit` with the payload of every pending event, in no particular order (for
   * diagnostics: what the queue holds, by target).
   */
  forEachPending(visit: (type: number, target: number, a: number, b: number) => void): void {
    const live = (order: number) => !this.cancelled.has(order % SEQ_SPAN);
    for (let i = 0; i < this.count; i++) {
      const slot = this.slot[i] as number;
      if (live(this.order[i] as number)) {
        visit(
          this.type[slot] as number,
          this.target[slot] as number,
          this.argA[slot] as number,
          this.argB[slot] as number,
        );
      }
    }
    for (let k = 0; k < this.fifoCount; k++) {
      const i = (this.fifoHead + k) % this.fifoOrder.length;
      if (live(this.fifoOrder[i] as number)) {
        visit(
          this.fifoType[i] as number,
          this.fifoTarget[i] as number,
          this.fifoA[i] as number,
          this.fifoB[i] as number,
        );
      }
    }
  }

  /** Number of slots in use, cancelled-but-not-yet-popped events included. */
  get physicalSize(): number {
    return this.count + this.fifoCount;
  }

  /** Schedules an event; returns its seq (the handle for `cancel`). */
  push(timeUs: number, priority: number, type: number, target: number, a = 0, b = 0): number {
    if (!(priority >= 0 && priority <= MAX_PRIORITY && Number.isInteger(priority))) {
      throw new RangeError(`event priority must be an integer in 0..${MAX_PRIORITY}`);
    }
    const seq = this.nextSeq++;
    const key = priority * SEQ_SPAN + seq;
    if (timeUs === this.nowUs && (this.fifoCount === 0 || priority === this.fifoPriority)) {
      this.fifoPush(timeUs, priority, key, type, target, a, b);
      return seq;
    }
    if (this.count === this.timeUs.length) this.grow();
    const slot =
      this.freeCount > 0 ? (this.freeSlots[--this.freeCount] as number) : this.slotsUsed++;
    this.type[slot] = type;
    this.target[slot] = target;
    this.argA[slot] = a;
    this.argB[slot] = b;
    // Sift up: move parents down until the place for the new event is found.
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
    this.slot[i] = slot;
    return seq;
  }

  /** Marks a pending event as cancelled; it will be skipped when it reaches the top. */
  cancel(seq: number): void {
    if (seq >= 0 && seq < this.nextSeq) this.cancelled.add(seq);
  }

  /** Time of the next live event, or Infinity when none is left. */
  peekTimeUs(): number {
    this.dropCancelledTop();
    const heapUs = this.count > 0 ? (this.timeUs[0] as number) : Infinity;
    return this.fifoCount > 0 && this.fifoTimeUs < heapUs ? this.fifoTimeUs : heapUs;
  }

  /** Removes the next live event into `this.top`; returns false when the queue is empty. */
  pop(): boolean {
    this.dropCancelledTop();
    if (this.fifoFirst()) {
      this.readFifoHead();
      this.fifoShift();
    } else if (this.count > 0) {
      this.readTop();
      this.removeTop();
    } else {
      return false;
    }
    this.nowUs = this.top.timeUs;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.slotsUsed = 0;
    this.fifoCount = 0;
    this.cancelled.clear();
  }

  /** The FIFO's head comes before the heap's top (or the heap is empty). */
  private fifoFirst(): boolean {
    if (this.fifoCount === 0) return false;
    if (this.count === 0) return true;
    const t = this.timeUs[0] as number;
    return (
      this.fifoTimeUs < t ||
      (this.fifoTimeUs === t &&
        (this.fifoOrder[this.fifoHead] as number) < (this.order[0] as number))
    );
  }

  private dropCancelledTop(): void {
    if (this.cancelled.size === 0) return;
    for (;;) {
      if (this.fifoFirst()) {
        const seq = (this.fifoOrder[this.fifoHead] as number) % SEQ_SPAN;
        if (!this.cancelled.delete(seq)) return;
        this.fifoShift();
      } else if (this.count > 0) {
        const seq = (this.order[0] as number) % SEQ_SPAN;
        if (!this.cancelled.delete(seq)) return;
        this.removeTop();
      } else {
        return;
      }
    }
  }

  private fifoPush(
    timeUs: number,
    priority: number,
    key: number,
    type: number,
    target: number,
    a: number,
    b: number,
  ): void {
    if (this.fifoCount === this.fifoOrder.length) this.growFifo();
    if (this.fifoCount === 0) {
      this.fifoTimeUs = timeUs;
      this.fifoPriority = priority;
    }
    const i = (this.fifoHead + this.fifoCount) % this.fifoOrder.length;
    this.fifoOrder[i] = key;
    this.fifoType[i] = type;
    this.fifoTarget[i] = target;
    this.fifoA[i] = a;
    this.fifoB[i] = b;
    this.fifoCount++;
  }

  private fifoShift(): void {
    this.fifoHead = this.fifoHead + 1 === this.fifoOrder.length ? 0 : this.fifoHead + 1;
    this.fifoCount--;
  }

  private readFifoHead(): void {
    const top = this.top;
    const i = this.fifoHead;
    const key = this.fifoOrder[i] as number;
    top.timeUs = this.fifoTimeUs;
    top.priority = Math.floor(key / SEQ_SPAN);
    top.seq = key % SEQ_SPAN;
    top.type = this.fifoType[i] as number;
    top.target = this.fifoTarget[i] as number;
    top.a = this.fifoA[i] as number;
    top.b = this.fifoB[i] as number;
  }

  /** Doubles the FIFO, unrolling the ring so the head is at 0. */
  private growFifo(): void {
    const n = this.fifoOrder.length;
    const unroll64 = (a: Float64Array) => {
      const b = new Float64Array(2 * n);
      for (let k = 0; k < this.fifoCount; k++) b[k] = a[(this.fifoHead + k) % n] as number;
      return b;
    };
    const unroll32 = (a: Int32Array) => {
      const b = new Int32Array(2 * n);
      for (let k = 0; k < this.fifoCount; k++) b[k] = a[(this.fifoHead + k) % n] as number;
      return b;
    };
    this.fifoOrder = unroll64(this.fifoOrder);
    this.fifoType = unroll32(this.fifoType);
    this.fifoTarget = unroll32(this.fifoTarget);
    this.fifoA = unroll32(this.fifoA);
    this.fifoB = unroll32(this.fifoB);
    this.fifoHead = 0;
  }

  private readTop(): void {
    const top = this.top;
    const key = this.order[0] as number;
    const slot = this.slot[0] as number;
    top.timeUs = this.timeUs[0] as number;
    top.priority = Math.floor(key / SEQ_SPAN);
    top.seq = key % SEQ_SPAN;
    top.type = this.type[slot] as number;
    top.target = this.target[slot] as number;
    top.a = this.argA[slot] as number;
    top.b = this.argB[slot] as number;
  }

  private removeTop(): void {
    this.freeSlots[this.freeCount++] = this.slot[0] as number;
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
    this.slot[to] = this.slot[from] as number;
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
    this.slot = grow32(this.slot);
    this.freeSlots = grow32(this.freeSlots);
    this.type = grow32(this.type);
    this.target = grow32(this.target);
    this.argA = grow32(this.argA);
    this.argB = grow32(this.argB);
  }
}
