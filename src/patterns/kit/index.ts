// The pattern kit: mechanisms several kinds share. Kind folders import from here only.
export * from './balancing.ts';
export * from './breaker-config.ts';
export * from './breaker-machine.ts';
export * from './breaker-window.ts';
export * from './causes.ts';
export * from './discovery.ts';
export * from './fan-out.ts';
export * from './formats.ts';
export * from './health-machine.ts';
export * from './health-probe.ts';
export * from './outlier.ts';
export * from './route-match.ts';
export * from './route-metrics.ts';
export * from './token-bucket.ts';
export * from './uniform.ts';
export * from './work-time.ts';
