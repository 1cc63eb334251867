import { createDriverEndpoint, type Schedule } from './driver-endpoint.ts';
import { createProtocolHost, type ProtocolHost } from './protocol-host.ts';
import type { HostCommand, DriverMessage } from './protocol.ts';
import { createSimDriver, type SimDriverOptions } from './sim-driver.ts';
import type { SimHost } from './sim-host.ts';
import { createTicker, type TickerFactory } from './ticker.ts';

export interface InlineHostOptions extends Partial<SimDriverOptions> {
  /** Defaults to the real rAF ticker. */
  ticker?: TickerFactory;
  /** How run-to-end yields between slices; defaults to `setTimeout(…, 0)`. */
  schedule?: Schedule;
}

/** Yields to the event loop (and so to rendering and input) between run-to-end slices. */
export const timeoutSchedule: Schedule = (task) => {
  const handle = setTimeout(task, 0);
  return () => clearTimeout(handle);
};

/**
 * Runs the same driver and protocol as the worker host, on the calling thread (tests, and
 * the fallback where a worker cannot start). Messages are handed over synchronously through
 * one FIFO queue: a listener that sends a command while a frame is being delivered has it
 * handled after that delivery, so every listener sees frames in order, as with a worker.
 */
export function createInlineHost(options: InlineHostOptions = {}): SimHost {
  const driver = createSimDriver({ ...options, now: options.now ?? (() => performance.now()) });
  const queue: (() => void)[] = [];
  let draining = false;
  function run(task: () => void): void {
    queue.push(task);
    if (draining) return;
    draining = true;
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        next();
      } catch (error) {
        // A bug on one side must not strand the messages queued behind it.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    draining = false;
  }

  const endpoint = createDriverEndpoint(
    driver,
    (message: DriverMessage) => run(() => host.receive(message)),
    options.schedule ?? timeoutSchedule,
  );
  const host: ProtocolHost = createProtocolHost({
    kind: 'inline',
    send: (command: HostCommand) => run(() => endpoint.handle(command)),
    ticker: options.ticker ?? ((onTick) => createTicker(onTick)),
    close: () => endpoint.dispose(),
  });
  return host;
}
