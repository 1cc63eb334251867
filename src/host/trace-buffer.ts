import type { TraceEvent } from '../engine/index.ts';

/**
 * Trace events kept between two frames unless told otherwise: enough for a run-to-end slice
 * of a busy run (a frame per ~30 ms of work), bounded so a failure storm cannot flood a frame.
 */
export const DEFAULT_TRACE_CAPACITY = 10_000;

export interface TraceBuffer {
  push(event: TraceEvent): void;
  /** Everything held, oldest first, and how many were dropped since the last drain; empties. */
  drain(): { events: TraceEvent[]; dropped: number };
  clear(): void;
  readonly size: number;
}

/**
 * A ring of the newest trace events. At high speed the engine can emit far more events per
 * frame than anyone can read, so the oldest are overwritten (and counted) instead of letting
 * a frame — and the memory between frames — grow without bound.
 */
export function createTraceBuffer(capacity: number = DEFAULT_TRACE_CAPACITY): TraceBuffer {
  if (!(Number.isInteger(capacity) && capacity >= 1)) {
    throw new RangeError(`trace capacity must be an integer ≥ 1, got ${capacity}`);
  }
  let ring: (TraceEvent | undefined)[] = new Array<TraceEvent | undefined>(capacity);
  let head = 0; // next slot to write
  let size = 0;
  let dropped = 0;

  return {
    push(event) {
      ring[head] = event;
      head = head + 1 === capacity ? 0 : head + 1;
      if (size < capacity) size++;
      else dropped++;
    },
    drain() {
      const events: TraceEvent[] = [];
      const first = (head - size + capacity) % capacity;
      for (let i = 0; i < size; i++) events.push(ring[(first + i) % capacity] as TraceEvent);
      const result = { events, dropped };
      ring = new Array<TraceEvent | undefined>(capacity); // let drained events be collected
      head = 0;
      size = 0;
      dropped = 0;
      return result;
    },
    clear() {
      ring = new Array<TraceEvent | undefined>(capacity);
      head = 0;
      size = 0;
      dropped = 0;
    },
    get size() {
      return size;
    },
  };
}
