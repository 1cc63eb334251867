// Event types. Timers use TIMER_BASE + tag so a kind can keep several kinds of timer.
export const EV_CALL_ARRIVE = 1;
export const EV_RESPONSE_ARRIVE = 2;
export const EV_FAULT = 3;
export const EV_TIMER_BASE = 16;
// Faults apply before anything else at the same instant, so a fault starting at t is seen at t.
export const PRIORITY_FAULT = 0;
export const PRIORITY_NORMAL = 1;

/** More events than this at one virtual instant means a zero-delay loop that never ends. */
export const MAX_EVENTS_PER_INSTANT = 2_000_000;

export class LivelockError extends Error {
  constructor(timeUs: number) {
    super(
      `Virtual time stopped advancing at ${timeUs / 1000} ms: more than ${MAX_EVENTS_PER_INSTANT} events at one instant. ` +
        'A loop with zero delay (e.g. users with no think time calling a node that fails instantly) never ends; give it some latency.',
    );
    this.name = 'LivelockError';
  }
}
