import type { InlineHostOptions } from './inline-host.ts';
import { createProtocolHost } from './protocol-host.ts';
import type { HostFrame, SimHost } from './sim-host.ts';
import type { TickerFactory } from './ticker.ts';
import { createWorkerHost, type WorkerHostOptions } from './worker-host.ts';

/** Makes an inline host (what `createInlineHost` is). */
export type InlineHostFactory = (options: InlineHostOptions) => SimHost;

export interface CreateHostOptions {
  /** Defaults to the real rAF ticker. */
  ticker?: TickerFactory;
  /** The worker could not run and the inline host took over (e.g. to log or show a notice). */
  onFallback?: (reason: string) => void;
  /** Test seams. */
  createWorkerHost?: (options: WorkerHostOptions) => SimHost;
  /**
   * Loads the inline host's code. By default it is fetched with `import()` only when the
   * worker fails: it carries the whole engine, which the worker has in its own bundle.
   */
  loadInlineHost?: () => Promise<InlineHostFactory>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

const loadInlineHostModule = (): Promise<InlineHostFactory> =>
  import('./inline-host.ts').then((m) => m.createInlineHost);

/** A host that only reports `reason` as an error frame: neither engine could start. */
function deadHost(): SimHost & { fail(reason: string): void } {
  return createProtocolHost({
    kind: 'inline',
    send: () => {},
    ticker: () => ({ start() {}, stop() {}, running: false }),
    close: () => {},
  });
}

/**
 * The app's host: a worker host, or the inline host where a worker cannot run. A worker
 * fails either at construction (caught here) or while loading its script, after this has
 * returned; so until the worker's first message every command is also journaled, and on a
 * start failure the journal replays on an inline host — pending patch and series promises
 * included — once its code has loaded (commands in the meantime join the journal). `kind`
 * tells which host is in use (it reads 'worker' until then). If the inline host's code
 * cannot load either, the run shows an error frame saying why.
 */
export function createHost(options: CreateHostOptions = {}): SimHost {
  const loadInline = options.loadInlineHost ?? loadInlineHostModule;
  const listeners = new Set<(frame: HostFrame) => void>();
  // Until a host has proved it runs, what to replay should it fail; null afterwards.
  let journal: ((host: SimHost) => void)[] | null = [];
  let unsubscribe: () => void = () => {};
  let disposed = false;
  // null while the inline host's code loads: commands are only journaled then.
  let current: SimHost | null = null;
  let kind: SimHost['kind'] = 'worker';

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
    current = next;
    kind = next.kind;
    return next;
  }

  function fallBack(reason: string): void {
    if (disposed) return;
    const failed = current;
    unsubscribe();
    unsubscribe = () => {};
    current = null;
    failed?.dispose();
    loadInline().then(
      (createInlineHost) => {
        if (disposed) return;
        const inline = adopt(createInlineHost({ ticker: options.ticker }));
        const replay = journal ?? [];
        journal = null;
        options.onFallback?.(reason);
        for (const entry of replay) entry(inline);
      },
      (error: unknown) => {
        if (disposed) return;
        const replay = journal ?? [];
        journal = null;
        const dead = deadHost();
        adopt(dead);
        dead.fail(
          `${reason} The fallback engine could not be loaded either (${messageOf(error)}). Reload the page.`,
        );
        // Pending patch and series requests reject with that reason instead of hanging.
        for (const entry of replay) entry(dead);
      },
    );
  }

  try {
    adopt(
      (options.createWorkerHost ?? createWorkerHost)({
        ticker: options.ticker,
        onStarted: () => {
          journal = null;
        },
        onStartFailure: fallBack,
      }),
    );
  } catch (error) {
    fallBack(`The simulation worker could not be created: ${messageOf(error)}`);
  }

  function record(entry: (host: SimHost) => void): void {
    journal?.push(entry);
    if (current) entry(current);
  }

  function request<T>(call: (host: SimHost) => Promise<T>): Promise<T> {
    if (!journal) {
      return current ? call(current) : Promise.reject(new Error('The simulation host is gone.'));
    }
    const entries = journal;
    return new Promise<T>((resolve, reject) => {
      // A failed worker rejects its pending requests; those answers are ignored, the
      // replayed request on the inline host settles the promise instead.
      const attempt = (host: SimHost) =>
        call(host).then(resolve, (error: unknown) => {
          if (host === current) reject(error);
        });
      entries.push(attempt);
      if (current) attempt(current);
    });
  }

  return {
    get kind() {
      return kind;
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
      current?.dispose();
    },
  };
}
