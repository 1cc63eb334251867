import { US_PER_MS } from '../kernel/time.ts';
import { EdgeStats } from './edge-stats.ts';
import { NodeStats } from './node-stats.ts';

export interface WindowOptions {
  /** Length of one window, whole µs. */
  windowUs: number;
  /** Windows each series keeps at full resolution. */
  recentWindows: number;
  /** Points each series keeps for the whole run. */
  maxSeriesPoints: number;
}

/**
 * The run's metrics: every node's and edge's counters, and the 1-second windows they are
 * cut into. Owns the open window; the event loop asks it to close windows as time passes.
 */
export class MetricWindows {
  readonly windowUs: number;
  /** End of the open window: the event loop calls `closeUpTo` once time reaches it. */
  closesAtUs: number;
  private openStartUs = 0;
  private closed = 0;
  private readonly nodeStats: NodeStats[] = [];
  private readonly edgeStats: EdgeStats[] = [];

  constructor(nodeCount: number, edgeCount: number, options: WindowOptions) {
    this.windowUs = options.windowUs;
    this.closesAtUs = options.windowUs;
    const series = {
      windowMs: options.windowUs / US_PER_MS,
      recentCapacity: options.recentWindows,
      maxPoints: options.maxSeriesPoints,
    };
    for (let i = 0; i < nodeCount; i++) this.nodeStats.push(new NodeStats(series));
    for (let i = 0; i < edgeCount; i++) this.edgeStats.push(new EdgeStats());
  }

  /** Counters and series of node `index`. */
  node(index: number): NodeStats {
    return this.nodeStats[index] as NodeStats;
  }

  edge(index: number): EdgeStats {
    return this.edgeStats[index] as EdgeStats;
  }

  get nodes(): readonly NodeStats[] {
    return this.nodeStats;
  }

  get edges(): readonly EdgeStats[] {
    return this.edgeStats;
  }

  /** Windows closed so far (a frame says how many closed since the previous one). */
  get windowsClosed(): number {
    return this.closed;
  }

  /** Closes every full window that ends at or before `timeUs`. */
  closeUpTo(timeUs: number): void {
    while (this.closesAtUs <= timeUs) this.close(this.closesAtUs);
  }

  /** Closes the windows of a run that ends at `endUs`; the last one may be cut short. */
  closeRun(endUs: number): void {
    this.closeUpTo(endUs);
    if (endUs > this.openStartUs) this.close(endUs);
  }

  private close(endUs: number): void {
    const startMs = this.openStartUs / US_PER_MS;
    for (const s of this.nodeStats) s.closeWindow(startMs, endUs);
    for (const e of this.edgeStats) e.closeWindow();
    this.openStartUs = endUs;
    this.closesAtUs = endUs + this.windowUs;
    this.closed++;
  }
}
