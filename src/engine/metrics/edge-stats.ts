/** Traffic over one edge, for edge thickness and colour on the canvas. */
export class EdgeStats {
  calls = 0;
  ok = 0;
  failed = 0;
  dropped = 0;
  windowCalls = 0;
  windowFailed = 0;
  /** Calls and failures in the last closed window. */
  lastWindowCalls = 0;
  lastWindowFailed = 0;
  /** Changed since the last telemetry frame. */
  dirty = true;

  closeWindow(): void {
    this.lastWindowCalls = this.windowCalls;
    this.lastWindowFailed = this.windowFailed;
    this.windowCalls = 0;
    this.windowFailed = 0;
  }
}
