// The module Web Worker that runs the simulation off the main thread (DESIGN.md §5).
import { createDriverEndpoint, type Schedule } from './driver-endpoint.ts';
import type { DriverMessage, HostCommand } from './protocol.ts';
import { createSimDriver } from './sim-driver.ts';

/** The part of `DedicatedWorkerGlobalScope` used here (the project's TS lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<HostCommand>) => void) | null;
  postMessage(message: DriverMessage): void;
}

const scope = self as unknown as WorkerScope;

/**
 * Yields through a MessageChannel rather than `setTimeout(0)`: nested timers are clamped to
 * 4 ms, a MessageChannel is not. Main-thread messages posted while a slice ran are already
 * queued, so a `pause` is handled before the next slice.
 */
function createChannelSchedule(): Schedule {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    let cancelled = false;
    tasks.push(() => {
      if (!cancelled) task();
    });
    channel.port2.postMessage(null);
    return () => {
      cancelled = true;
    };
  };
}

const endpoint = createDriverEndpoint(
  createSimDriver({ now: () => performance.now() }),
  (message) => scope.postMessage(message),
  createChannelSchedule(),
);

scope.onmessage = (event) => endpoint.handle(event.data);
scope.postMessage({ type: 'ready' });
