// Event types. Timers use TIMER_BASE + tag so a kind can keep several kinds of timer.
export const EV_CALL_ARRIVE = 1;
export const EV_RESPONSE_ARRIVE = 2;
export const EV_FAULT = 3;
export const EV_TIMER_BASE = 16;
// Faults apply before anything else at the same instant, so a fault starting at t is seen at t.
export const PRIORITY_FAULT = 0;
export const PRIORITY_NORMAL = 1;
