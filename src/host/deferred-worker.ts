import type { HostCommand } from './protocol.ts';
import type { WorkerLike } from './worker-host.ts';

/** Runs `start` once, later (the app: after the page's first frame is painted). */
export type StartLater = (start: () => void) => void;

/**
 * The page draws before the worker starts: on two cores, the worker fetching, compiling and
 * warming up the engine while the page boots drew the canvas ~20 % later (A/B, fresh pages).
 * After the first animation frame, once its paint is done — or after `maxWaitMs` at the latest,
 * since a page opened in a background tab gets no animation frames.
 */
export function afterFirstPaint(maxWaitMs = 1000): StartLater {
  return (start) => {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(fallback);
      start();
    };
    const fallback = setTimeout(once, maxWaitMs);
    requestAnimationFrame(() => setTimeout(once, 0));
  };
}

/**
 * A `WorkerLike` whose real worker is made by `create` only when `later` says so. Commands
 * posted before then are delivered in order once it exists; a worker that cannot be made
 * reports through `onerror`, like one whose script fails to load. Terminated before it
 * started, it is never made.
 */
export function deferredWorker(create: () => WorkerLike, later: StartLater): WorkerLike {
  let real: WorkerLike | null = null;
  let terminated = false;
  const queue: HostCommand[] = [];
  const proxy: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(command) {
      if (real) real.postMessage(command);
      else queue.push(command);
    },
    terminate() {
      terminated = true;
      queue.length = 0;
      real?.terminate();
    },
  };
  later(() => {
    if (terminated) return;
    try {
      real = create();
    } catch (error) {
      const message = `could not be created (${error instanceof Error ? error.message : String(error)})`;
      proxy.onerror?.({ message, preventDefault() {} } as ErrorEvent);
      return;
    }
    real.onmessage = (event) => proxy.onmessage?.(event);
    real.onerror = (event) => proxy.onerror?.(event);
    real.onmessageerror = (event) => proxy.onmessageerror?.(event);
    for (const command of queue.splice(0)) real.postMessage(command);
  });
  return proxy;
}
