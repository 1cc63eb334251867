// Test support only: fakes for the ticker, the scheduler and the worker.
import { createDriverEndpoint, type Schedule } from './driver-endpoint.ts';
import type { DriverMessage, HostCommand } from './protocol.ts';
import { createSimDriver } from './sim-driver.ts';
import type { HostFrame, SimHost } from './sim-host.ts';
import type { TickerFactory } from './ticker.ts';
import type { WorkerLike } from './worker-host.ts';

/** A ticker driven by hand: `tick(ms)` delivers a frame delta if the host started it. */
export function fakeTicker(): {
  factory: TickerFactory;
  tick(ms: number): void;
  running(): boolean;
} {
  const tickers: { onTick: (ms: number) => void; running: boolean }[] = [];
  return {
    factory(onTick) {
      const t = { onTick, running: false };
      tickers.push(t);
      return {
        start: () => void (t.running = true),
        stop: () => void (t.running = false),
        get running() {
          return t.running;
        },
      };
    },
    tick(ms) {
      for (const t of tickers) if (t.running) t.onTick(ms);
    },
    running: () => tickers.some((t) => t.running),
  };
}

/** A scheduler whose tasks run only when the test says so. */
export function manualSchedule(): { schedule: Schedule; pending(): number; runNext(): boolean } {
  const tasks: { task: () => void; cancelled: boolean }[] = [];
  return {
    schedule(task) {
      const entry = { task, cancelled: false };
      tasks.push(entry);
      return () => void (entry.cancelled = true);
    },
    pending: () => tasks.filter((t) => !t.cancelled).length,
    runNext() {
      for (let entry = tasks.shift(); entry; entry = tasks.shift()) {
        if (entry.cancelled) continue;
        entry.task();
        return true;
      }
      return false;
    },
  };
}

/** Records every frame a host emits. */
export function recordFrames(host: SimHost): HostFrame[] {
  const frames: HostFrame[] = [];
  host.onFrame((f) => frames.push(f));
  return frames;
}

/** Lets queued microtasks (message deliveries, promise callbacks) run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A stand-in for `sim.worker.ts`: the real endpoint and driver behind asynchronous,
 * structured-cloned messages, so the worker host is tested against the real protocol.
 */
export function loopbackWorker(options: { now?: () => number; failToStart?: string } = {}): {
  worker: WorkerLike;
  sent: HostCommand[];
  terminated(): boolean;
} {
  const sent: HostCommand[] = [];
  let terminated = false;
  const deliver = (message: DriverMessage) =>
    queueMicrotask(() => {
      if (!terminated) worker.onmessage?.({ data: structuredClone(message) } as MessageEvent);
    });
  const endpoint = createDriverEndpoint(
    createSimDriver({ now: options.now ?? (() => 0) }),
    deliver,
    (task) => {
      const handle = setTimeout(task, 0);
      return () => clearTimeout(handle);
    },
  );
  const worker: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(command) {
      sent.push(command);
      const copy = structuredClone(command);
      if (!options.failToStart) queueMicrotask(() => !terminated && endpoint.handle(copy));
    },
    terminate() {
      terminated = true;
      endpoint.dispose();
    },
  };
  queueMicrotask(() => {
    if (options.failToStart) {
      const event = { message: options.failToStart, preventDefault() {} } as ErrorEvent;
      worker.onerror?.(event);
    } else {
      deliver({ type: 'ready' });
    }
  });
  return { worker, sent, terminated: () => terminated };
}
