// Public API of the host layer. Other folders import from here only.
export {
  MAX_SPEED,
  MIN_SPEED,
  type HostFrame,
  type RunStatus,
  type SeriesRange,
  type SeriesResult,
  type SeriesScope,
  type SimHost,
} from './sim-host.ts';
export { createHost, type CreateHostOptions } from './create-host.ts';
export { createWorkerHost, type WorkerHostOptions, type WorkerLike } from './worker-host.ts';
export {
  createTicker,
  browserTickerEnv,
  type Ticker,
  type TickerEnv,
  type TickerFactory,
} from './ticker.ts';
export {
  createSimDriver,
  MAX_TICK_WALL_MS,
  SLICE_BUDGET_MS,
  STEP_WINDOW_MS,
  TICK_BUDGET_MS,
  type SimDriver,
  type SimDriverOptions,
} from './sim-driver.ts';
export type { DriverMessage, HostCommand } from './protocol.ts';
export type { Schedule } from './driver-endpoint.ts';
export { DEFAULT_TRACE_CAPACITY } from './trace-buffer.ts';
