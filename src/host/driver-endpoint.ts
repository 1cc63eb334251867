import type { DriverMessage, HostCommand } from './protocol.ts';
import type { SimDriver } from './sim-driver.ts';
import { createTelemetrySlicer } from './telemetry-slicer.ts';

/** Runs `task` soon, after pending messages get their turn; returns a cancel function. */
export type Schedule = (task: () => void) => () => void;

export interface DriverEndpoint {
  handle(command: HostCommand): void;
  dispose(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The simulation side of the protocol, shared by the worker entry and the inline host: turns
 * commands into driver calls and answers with frames and results. Every state-changing
 * command is answered by one frame, so the main side always sees the new status.
 * Run-to-end proceeds one slice per scheduled task, so a `pause` (or any command) queued
 * behind a slice is handled before the next one.
 */
export function createDriverEndpoint(
  driver: SimDriver,
  post: (message: DriverMessage) => void,
  schedule: Schedule,
): DriverEndpoint {
  let cancelSlice: (() => void) | null = null;
  let disposed = false;
  // Element figures are thinned here, before posting: a frame nobody draws is not decoded.
  const slicer = createTelemetrySlicer();

  const postFrame = (tickReply = false) => {
    if (!disposed) post({ type: 'frame', frame: slicer.slice(driver.frame()), tickReply });
  };

  function runSlice(): void {
    cancelSlice = null;
    if (disposed || driver.status !== 'running-to-end') return;
    driver.runSlice();
    postFrame();
    scheduleSlice();
  }

  function scheduleSlice(): void {
    // One pending slice at most, however many run-to-end commands arrive.
    if (!cancelSlice && driver.status === 'running-to-end') cancelSlice = schedule(runSlice);
  }

  function stopSlices(): void {
    cancelSlice?.();
    cancelSlice = null;
  }

  return {
    handle(command) {
      if (disposed) return;
      switch (command.type) {
        case 'load':
          slicer.clear();
          driver.load(command.scenario);
          break;
        case 'play':
          driver.play();
          break;
        case 'pause':
          driver.pause();
          break;
        case 'step':
          driver.step();
          break;
        case 'set-speed':
          driver.setSpeed(command.multiplier);
          break;
        case 'run-to-end':
          driver.runToEnd();
          break;
        case 'reset':
          slicer.clear();
          driver.reset();
          break;
        case 'tick':
          driver.advanceBy(command.wallDeltaMs);
          postFrame(true);
          return;
        case 'patch': {
          const { requestId } = command;
          try {
            post({ type: 'patch-result', requestId, result: driver.patch(command.patch) });
          } catch (error) {
            post({ type: 'request-failed', requestId, message: messageOf(error) });
          }
          break;
        }
        case 'series': {
          const { requestId } = command;
          try {
            const result = driver.series(command.scope, command.range);
            post({ type: 'series-result', requestId, result });
          } catch (error) {
            post({ type: 'request-failed', requestId, message: messageOf(error) });
          }
          return; // reading a series changes nothing: no frame
        }
        default:
          return; // an unknown message (e.g. from a newer main bundle) is ignored
      }
      if (driver.status === 'running-to-end') scheduleSlice();
      else stopSlices();
      postFrame();
    },
    dispose() {
      disposed = true;
      stopSlices();
    },
  };
}
