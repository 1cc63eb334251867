// Public API of the host layer: what the app and its store use. Everything else (the driver,
// the worker protocol, the ticker) is the folder's own.
export type { HostFrame, RunStatus, SeriesResult, SeriesScope, SimHost } from './sim-host.ts';
export { createHost, type CreateHostOptions } from './create-host.ts';
