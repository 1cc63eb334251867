// The module Web Worker that runs the simulation off the main thread (docs/architecture.md §8).
import { createDriverEndpoint, type Schedule } from './driver-endpoint.ts';
import type { DriverMessage, HostCommand } from './protocol.ts';
import { createSimDriver } from './sim-driver.ts';
import { startWarmUp } from './warm-up.ts';
import { REGISTRY } from '../patterns/index.ts';

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

const schedule = createChannelSchedule();
const now = () => performance.now();
const endpoint = createDriverEndpoint(
  createSimDriver({ now }),
  (message) => scope.postMessage(message),
  schedule,
);

// While the page boots and the person reads the canvas, compile the engine with a throwaway
// run; anything that runs the person's simulation stops it (loading and series reads don't).
const warmUp = startWarmUp(schedule, now, REGISTRY);

scope.onmessage = (event) => {
  const type = event.data.type;
  if (type !== 'load' && type !== 'series') warmUp.stop();
  endpoint.handle(event.data);
};
scope.postMessage({ type: 'ready' });
