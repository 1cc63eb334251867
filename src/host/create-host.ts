import { createInlineHost, type InlineHostOptions } from './inline-host.ts';
import type { HostFrame, SimHost } from './sim-host.ts';
import type { TickerFactory } from './ticker.ts';
import { createWorkerHost, type WorkerHostOptions } from './worker-host.ts';

export interface CreateHostOptions {
  /** Defaults to the real rAF ticker. */
  ticker?: TickerFactory;
  /** The worker could not run and the inline host took over (e.g. to log or show a notice). */
  onFallback?: (reason: string) => void;
  /** Test seams. */
  createWorkerHost?: (options: WorkerHostOptions) => SimHost;
  createInlineHost?: (options: InlineHostOptions) => SimHost;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The app's host: a worker host, or the inline host where a worker cannot run. A worker
 * fails either at construction (caught here) or while loading its script, after this has
 * returned; so until the worker's first message every command is also journaled, and on a
 * start failure the journal replays on a fresh inline host — pending patch and series
 * promises included. `kind` tells which host is in use (it reads 'worker' until then).
 */
export function createHost(options: CreateHostOptions = {}): SimHost {
  const makeInline = () =>
    (options.createInlineHost ?? createInlineHost)({ ticker: options.ticker });
  const listeners = new Set<(frame: HostFrame) => void>();
  // Until the worker has spoken, what to replay should it fail; null afterwards.
  let journal: ((host: SimHost) => void)[] | null = [];
  let unsubscribe: () => void = () => {};
  let disposed = false;
  let current: SimHost;

  function forward(frame: HostFrame): void {
    for (const listener of [...listeners]) {
      try {
        listener(frame);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  function adopt(next: SimHost): SimHost {
    unsubscribe();
    unsubscribe = next.onFrame(forward);
    return next;
  }

  function fallBack(reason: string): void {
    if (disposed) return;
    const replay = journal ?? [];
    journal = null;
    const failed = current;
    current = adopt(makeInline());
    failed.dispose();
    options.onFallback?.(reason);
    for (const entry of replay) entry(current);
  }

  try {
    current = adopt(
      (options.createWorkerHost ?? createWorkerHost)({
        ticker: options.ticker,
        onStarted: () => {
          journal = null;
        },
        onStartFailure: fallBack,
      }),
    );
  } catch (error) {
    journal = null;
    current = adopt(makeInline());
    options.onFallback?.(`The simulation worker could not be created: ${messageOf(error)}`);
  }

  function record(entry: (host: SimHost) => void): void {
    journal?.push(entry);
    entry(current);
  }

  function request<T>(call: (host: SimHost) => Promise<T>): Promise<T> {
    if (!journal) return call(current);
    const entries = journal;
    return new Promise<T>((resolve, reject) => {
      // A failed worker rejects its pending requests; those answers are ignored, the
      // replayed request on the inline host settles the promise instead.
      const attempt = (host: SimHost) =>
        call(host).then(resolve, (error: unknown) => {
          if (host === current) reject(error);
        });
      entries.push(attempt);
      attempt(current);
    });
  }

  return {
    get kind() {
      return current.kind;
    },
    load: (scenario) => record((h) => h.load(scenario)),
    play: () => record((h) => h.play()),
    pause: () => record((h) => h.pause()),
    step: () => record((h) => h.step()),
    setSpeed: (multiplier) => record((h) => h.setSpeed(multiplier)),
    runToEnd: () => record((h) => h.runToEnd()),
    reset: () => record((h) => h.reset()),
    patch: (patch) => request((h) => h.patch(patch)),
    series: (scope, range) => request((h) => h.series(scope, range)),
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      journal = null;
      unsubscribe();
      listeners.clear();
      current.dispose();
    },
  };
}
