import { EV_CALL_ARRIVE, EV_RESPONSE_ARRIVE, EV_TIMER_BASE } from './simulation-constants.ts';
import type { StopHost } from './stop-words.ts';

/**
 * The events a run goes through once a cap on events is passed (`SAMPLE_EVENTS` of them),
 * watched so the stop can say what they were about: which nodes they concerned, which edges
 * calls crossed, which sources sent requests and how those ended. It reads only what the
 * events and the counters already hold, so watching changes nothing in the run.
 */
export class EventSample {
  count = 0;
  /** Events concerning each node: its timers, calls arriving at it, answers coming back to it. */
  readonly perNode: Int32Array;
  /** Timer events of each node. */
  readonly timers: Int32Array;
  /** Calls arriving over each edge. */
  readonly perEdge: Int32Array;
  private readonly arrivals0: number[];
  private readonly ok0: number[];
  private readonly failed0: Record<string, number>[];

  constructor(
    private readonly host: StopHost,
    /** Virtual time the sample began at. */
    readonly startUs: number,
    /** True when watching a suspected loop: the sample is void once time moves on. */
    readonly atOneInstant: boolean,
    /** The zero-delay step the instant was at when the sample began. */
    readonly startStep: number,
  ) {
    const n = host.graph.nodeCount;
    this.perNode = new Int32Array(n);
    this.timers = new Int32Array(n);
    this.perEdge = new Int32Array(host.graph.edgeCount);
    const stats = host.metrics.nodes;
    this.arrivals0 = stats.map((s) => s.arrivals);
    this.ok0 = stats.map((s) => s.ok);
    this.failed0 = stats.map((s) => ({ ...s.failed }));
  }

  /** Notes one event, before it runs (its call is still the one it was scheduled for). */
  note(type: number, target: number, a: number): void {
    this.count++;
    if (type >= EV_TIMER_BASE) {
      bump(this.perNode, target);
      bump(this.timers, target);
      return;
    }
    if (type !== EV_CALL_ARRIVE && type !== EV_RESPONSE_ARRIVE) return;
    const call = this.host.pool.get(target, a);
    if (!call) return;
    if (type === EV_CALL_ARRIVE) {
      bump(this.perNode, call.to);
      bump(this.perEdge, call.edge);
    } else {
      bump(this.perNode, call.from);
    }
  }

  /** Requests node `i` (a source) sent since the sample began. */
  sent(i: number): number {
    return this.host.metrics.node(i).arrivals - (this.arrivals0[i] as number);
  }

  /** Requests node `i` saw answered (succeeded or failed) since the sample began. */
  answered(i: number): number {
    const s = this.host.metrics.node(i);
    let failed = 0;
    for (const cause of Object.keys(s.failed)) failed += this.failedSince(i, cause);
    return s.ok - (this.ok0[i] as number) + failed;
  }

  /** The cause node `i` failed with most since the sample began; '' when none failed. */
  topFailure(i: number): string {
    let top = '';
    let most = 0;
    for (const cause of Object.keys(this.host.metrics.node(i).failed)) {
      const n = this.failedSince(i, cause);
      if (n > most) [top, most] = [cause, n];
    }
    return top;
  }

  private failedSince(i: number, cause: string): number {
    return (this.host.metrics.node(i).failed[cause] ?? 0) - (this.failed0[i]?.[cause] ?? 0);
  }
}

function bump(counts: Int32Array, i: number): void {
  counts[i] = (counts[i] as number) + 1;
}
