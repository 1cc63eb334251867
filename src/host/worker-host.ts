import { afterFirstPaint, deferredWorker } from './deferred-worker.ts';
import { createProtocolHost } from './protocol-host.ts';
import type { DriverMessage, HostCommand } from './protocol.ts';
import type { SimHost } from './sim-host.ts';
import { createTicker, type TickerFactory } from './ticker.ts';

/** The part of `Worker` the host uses (a fake one in tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<DriverMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  postMessage(message: HostCommand): void;
  terminate(): void;
}

export interface WorkerHostOptions {
  /** Defaults to the real rAF ticker. */
  ticker?: TickerFactory;
  /** Makes the worker; defaults to the bundled module worker, started after the first paint. */
  createWorker?: () => WorkerLike;
  /** The worker answered for the first time: it runs. */
  onStarted?: () => void;
  /**
   * The worker failed before its first message (e.g. the script did not load). Called before
   * pending requests reject, so a caller can switch to another host first. Without it, the
   * failure shows as a frame with status 'error'.
   */
  onStartFailure?: (reason: string) => void;
}

/** Vite bundles the worker only from this exact `new Worker(new URL(…), …)` form. */
export function spawnSimWorker(): WorkerLike {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
}

/** The app's worker: the bundled module worker, started once the page has drawn. */
const spawnAfterFirstPaint = () => deferredWorker(spawnSimWorker, afterFirstPaint());

/**
 * Runs the simulation in a module Web Worker. Throws if `createWorker` throws; a worker that
 * fails later (the default one is made after the first paint) goes to `onStartFailure`.
 */
export function createWorkerHost(options: WorkerHostOptions = {}): SimHost {
  const worker = (options.createWorker ?? spawnAfterFirstPaint)();
  let started = false;
  const host = createProtocolHost({
    kind: 'worker',
    send: (command) => worker.postMessage(command),
    ticker: options.ticker ?? ((onTick) => createTicker(onTick)),
    close: () => worker.terminate(),
  });

  worker.onmessage = (event) => {
    if (!started) {
      started = true;
      options.onStarted?.();
    }
    host.receive(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault(); // reported as a frame or a fallback, not as an uncaught error
    const detail = event.message || 'the worker script could not be loaded';
    if (started) {
      host.fail(`The simulation worker crashed: ${detail}. Reload the page to continue.`);
      return;
    }
    const reason = `The simulation worker failed to start: ${detail}.`;
    options.onStartFailure?.(reason);
    host.fail(reason);
    worker.terminate();
  };
  worker.onmessageerror = () => {
    host.fail('A message from the simulation worker could not be read. Reload the page.');
  };
  return host;
}
