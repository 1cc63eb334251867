import { EventQueue } from '../engine/index.ts';

/**
 * The engine's event heap on its own: the classic "hold model" (pop the next event, push one
 * at now + an exponential delay), on the same `EventQueue` class the engine uses — no
 * requests, no kinds, no metrics. Its events/s is the ceiling the engine is compared to.
 */
export interface HoldModelOptions {
  /** Events to process (pop + push each). */
  events: number;
  /** Pending events kept in the heap for the whole run. */
  pending: number;
  /** Mean of the exponential hold time, µs. */
  meanDelayUs: number;
  seed: number;
}

export interface HoldModelResult {
  events: number;
  /** Virtual time reached, µs; also keeps the loop from being optimised away. */
  endTimeUs: number;
  checksum: number;
}

export function runHoldModel(options: HoldModelOptions): HoldModelResult {
  const { events, pending, meanDelayUs } = options;
  const queue = new EventQueue(4096);
  // mulberry32, inline: a generator call per event would measure the call, not the heap.
  let state = options.seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Integer µs and the engine's (priority, FIFO) tie-break, like real events.
  const delay = () => Math.round(-meanDelayUs * Math.log(1 - next()));
  for (let i = 0; i < pending; i++) queue.push(delay(), 1, 1, i, i, 0);

  const top = queue.top;
  let checksum = 0;
  for (let n = 0; n < events; n++) {
    queue.pop();
    const now = top.timeUs;
    checksum = (checksum + top.target) | 0;
    queue.push(now + delay(), 1, top.type, top.target, top.a, n);
  }
  queue.pop();
  return { events, endTimeUs: top.timeUs, checksum };
}
