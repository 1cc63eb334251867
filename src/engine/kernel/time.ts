/** Virtual time is an integer number of microseconds inside the engine; configs speak ms. */
export const US_PER_MS = 1000;
export const US_PER_SEC = 1_000_000;

/** Milliseconds (possibly fractional) to whole microseconds. */
export function msToUs(ms: number): number {
  return Math.round(ms * US_PER_MS);
}

export function usToMs(us: number): number {
  return us / US_PER_MS;
}
