/**
 * Traffic over one edge, for edge thickness and colour on the canvas. Like a node's, its
 * windows close lazily: when the edge is next used or read.
 */
export class EdgeStats {
  calls = 0;
  ok = 0;
  failed = 0;
  dropped = 0;
  private windowCalls = 0;
  private windowFailed = 0;
  /** Calls and failures in the last closed window. */
  private lastCalls = 0;
  private lastFailed = 0;
  /** End of the open window. */
  private openEndUs: number;
  /** Changed since the last telemetry frame. */
  dirty = true;

  constructor(private readonly windowUs: number) {
    this.openEndUs = windowUs;
  }

  sent(nowUs: number): void {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.calls++;
    this.windowCalls++;
    this.dirty = true;
  }

  answered(nowUs: number, ok: boolean): void {
    if (nowUs >= this.openEndUs) this.closeUpTo(nowUs);
    this.dirty = true;
    if (ok) this.ok++;
    else {
      this.failed++;
      this.windowFailed++;
    }
  }

  /** Calls in the last window closed by `timeUs`. */
  lastWindowCalls(timeUs: number): number {
    if (timeUs >= this.openEndUs) this.closeUpTo(timeUs);
    return this.lastCalls;
  }

  /** Failed calls in the last window closed by `timeUs`. */
  lastWindowFailed(timeUs: number): number {
    if (timeUs >= this.openEndUs) this.closeUpTo(timeUs);
    return this.lastFailed;
  }

  /** Closes every window that ends at or before `timeUs` (a window with no traffic reads 0). */
  closeUpTo(timeUs: number): void {
    if (timeUs < this.openEndUs) return;
    const closing = Math.floor((timeUs - this.openEndUs) / this.windowUs) + 1;
    this.lastCalls = closing === 1 ? this.windowCalls : 0;
    this.lastFailed = closing === 1 ? this.windowFailed : 0;
    this.windowCalls = 0;
    this.windowFailed = 0;
    this.openEndUs += closing * this.windowUs;
  }

  /** Closes the windows of a run that ends at `endUs`; the last one may be cut short. */
  closeRun(endUs: number): void {
    this.closeUpTo(endUs);
    if (endUs > this.openEndUs - this.windowUs) {
      this.lastCalls = this.windowCalls;
      this.lastFailed = this.windowFailed;
      this.windowCalls = 0;
      this.windowFailed = 0;
      this.openEndUs = endUs + this.windowUs;
    }
  }
}
