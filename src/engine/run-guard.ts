import { EventSample } from './event-sample.ts';
import type { PoppedEvent } from './kernel/event-queue.ts';
import { US_PER_SEC } from './kernel/time.ts';
import { explainBusy, explainLoop } from './loop-diagnosis.ts';
import { explainCallPileUp, explainPendingEvents } from './pile-up-diagnosis.ts';
import { SAMPLE_EVENTS, SAMPLE_STEPS, type RunBudget } from './run-budget.ts';
import type { StopHost } from './stop-words.ts';

/**
 * Keeps a run within its budget (run-budget.ts). The core tells it about every event — a few
 * counters and comparisons on the hot path — and, once a cap is passed, the guard stops the
 * run by throwing a `RunStoppedError` whose sentence names what piled up or looped, where, and
 * the setting behind it. A cap on events first watches `SAMPLE_EVENTS` more events (at one
 * instant, `SAMPLE_STEPS` zero-delay steps at least) to see what they are about — a loop, or
 * just a burst that then ends, and the run goes on; a cap on calls or scheduled events stops
 * at once.
 */
export class RunGuard {
  private instantUs = -1;
  private eventsThisInstant = 0;
  /** Zero-delay steps at this instant (see `RunBudget.maxZeroDelayDepth`). */
  private depth = 0;
  /** Events with a seq from here on were scheduled during the current step. */
  private stepBoundary = 0;
  private secondEndsUs = 0;
  private eventsThisSecond = 0;
  /** A node whose queue has passed the cap, or -1 (set by the core as gauges change). */
  queuedOver = -1;
  private sample: EventSample | null = null;

  constructor(private readonly budget: Readonly<RunBudget>) {}

  /** The cap on one node's queue, which the core compares gauges with as they change. */
  get maxQueuedAtNode(): number {
    return this.budget.maxQueuedAtNode;
  }

  /** Before event `ev` (at `timeUs`) runs; `pushed` is the queue's count of events ever pushed. */
  beforeEvent(timeUs: number, ev: PoppedEvent, pushed: number): void {
    if (timeUs === this.instantUs) {
      this.eventsThisInstant++;
      if (ev.seq >= this.stepBoundary) {
        this.depth++;
        this.stepBoundary = pushed;
      }
    } else {
      this.instantUs = timeUs;
      this.eventsThisInstant = 1;
      this.depth = 0;
      this.stepBoundary = pushed;
      // The instant ended: what was watched was a burst, not a loop.
      if (this.sample?.atOneInstant) this.sample = null;
      if (timeUs >= this.secondEndsUs) {
        this.eventsThisSecond = 0;
        this.secondEndsUs = timeUs - (timeUs % US_PER_SEC) + US_PER_SEC;
      }
    }
    this.eventsThisSecond++;
    if (this.sample !== null) this.sample.note(ev.type, ev.target, ev.a);
  }

  /** After an event: true when a cap is passed or events are being watched (then `check`). */
  over(liveCalls: number, pendingEvents: number): boolean {
    const b = this.budget;
    return (
      this.sample !== null ||
      liveCalls > b.maxLiveCalls ||
      pendingEvents > b.maxPendingEvents ||
      this.queuedOver >= 0 ||
      this.eventsThisSecond > b.maxEventsPerVirtualSecond ||
      this.eventsThisInstant > b.maxEventsPerInstant ||
      this.depth > b.maxZeroDelayDepth
    );
  }

  /** The slow path of `over`: watches, or throws the stop's `RunStoppedError`. */
  check(host: StopHost): void {
    const b = this.budget;
    const live = host.pool.live;
    const pending = host.queue.size;
    if (this.sample !== null) {
      const steps = this.depth - this.sample.startStep;
      if (
        this.sample.count >= SAMPLE_EVENTS &&
        (!this.sample.atOneInstant || steps >= SAMPLE_STEPS)
      ) {
        throw this.sample.atOneInstant
          ? explainLoop(host, this.sample)
          : explainBusy(host, this.sample, b.maxEventsPerVirtualSecond);
      }
      // Watching must not cost what the caps are there to prevent.
      if (live > 2 * b.maxLiveCalls) throw this.pileUp(host, 'live-calls');
      if (pending > 2 * b.maxPendingEvents) throw explainPendingEvents(host);
      return;
    }
    if (this.eventsThisInstant > b.maxEventsPerInstant || this.depth > b.maxZeroDelayDepth) {
      this.sample = new EventSample(host, host.nowUs, true, this.depth);
    } else if (this.queuedOver >= 0 || live > b.maxLiveCalls) {
      const limit = this.queuedOver >= 0 ? 'queued' : 'live-calls';
      const stop = explainCallPileUp(host, limit, this.queuedOver);
      // Null: the calls were all made at this instant — a loop; watch it to say which.
      if (stop) throw stop;
      this.sample = new EventSample(host, host.nowUs, true, this.depth);
    } else if (pending > b.maxPendingEvents) {
      throw explainPendingEvents(host);
    } else if (this.eventsThisSecond > b.maxEventsPerVirtualSecond) {
      this.sample = new EventSample(host, host.nowUs, false, this.depth);
    }
  }

  private pileUp(host: StopHost, limit: 'live-calls'): Error {
    return explainCallPileUp(host, limit, -1) ?? explainLoop(host, this.sample as EventSample);
  }
}
