import { US_PER_MS } from '../kernel/time.ts';
import { EdgeStats } from './edge-stats.ts';
import { NODE_STRIDE, NodeStats } from './node-stats.ts';
import type { TimeSeries } from './time-series.ts';

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
 * cut into. The event loop tells it when time passes a window's end; each node and edge
 * then closes its own windows when next touched or read (see NodeStats), so passing a
 * boundary costs nothing per node.
 */
export class MetricWindows {
  private readonly windowUs: number;
  /** End of the open window. */
  private nextEndUs: number;
  /** Every window that ends at or before this time has closed. */
  private closedUpToUs = 0;
  private closed = 0;
  private readonly nodeStats: NodeStats[] = [];
  private readonly edgeStats: EdgeStats[] = [];

  constructor(nodeCount: number, edgeCount: number, options: WindowOptions) {
    this.windowUs = options.windowUs;
    this.nextEndUs = options.windowUs;
    const series = {
      windowMs: options.windowUs / US_PER_MS,
      recentCapacity: options.recentWindows,
      maxPoints: options.maxSeriesPoints,
    };
    // Every node's numbers in one array, in index order (see NodeStats).
    const numbers = new Float64Array(nodeCount * NODE_STRIDE);
    for (let i = 0; i < nodeCount; i++)
      this.nodeStats.push(new NodeStats(series, numbers, i * NODE_STRIDE));
    for (let i = 0; i < edgeCount; i++) this.edgeStats.push(new EdgeStats(options.windowUs));
  }

  /** Counters of node `index`, to record into (at the current time). */
  node(index: number): NodeStats {
    return this.nodeStats[index] as NodeStats;
  }

  /** Counters of edge `index`, to record into (at the current time). */
  edge(index: number): EdgeStats {
    return this.edgeStats[index] as EdgeStats;
  }

  get nodes(): readonly NodeStats[] {
    return this.nodeStats;
  }

  /** Node `index`'s series, every window that has ended closed. */
  series(index: number): TimeSeries {
    return this.node(index).seriesUpTo(this.closedUpToUs);
  }

  /** Calls and failed calls over edge `index` in the last closed window. */
  lastEdgeWindow(index: number): { calls: number; failed: number } {
    const e = this.edge(index);
    return {
      calls: e.lastWindowCalls(this.closedUpToUs),
      failed: e.lastWindowFailed(this.closedUpToUs),
    };
  }

  /** End of the open window: the event loop calls `closeUpTo` once time reaches it. */
  get closesAtUs(): number {
    return this.nextEndUs;
  }

  /** Windows closed so far (a frame says how many closed since the previous one). */
  get windowsClosed(): number {
    return this.closed;
  }

  /** Time has reached `timeUs`: every window that ends by then is over. */
  closeUpTo(timeUs: number): void {
    while (this.nextEndUs <= timeUs) {
      this.closedUpToUs = this.nextEndUs;
      this.nextEndUs += this.windowUs;
      this.closed++;
    }
  }

  /** Closes the windows of a run that ends at `endUs`; the last one may be cut short. */
  closeRun(endUs: number): void {
    this.closeUpTo(endUs);
    if (endUs > this.closedUpToUs) {
      this.closedUpToUs = endUs;
      this.nextEndUs = endUs + this.windowUs;
      this.closed++;
    }
    for (const s of this.nodeStats) s.closeRun(endUs);
    for (const e of this.edgeStats) e.closeRun(endUs);
  }
}
