import type { RandomStream } from './rng.ts';
import { US_PER_MS } from './time.ts';

/** Latency / duration distributions of the scenario format (docs/architecture.md §7). */
export type Distribution =
  | { type: 'constant'; valueMs: number }
  | { type: 'uniform'; minMs: number; maxMs: number }
  | { type: 'exponential'; meanMs: number }
  | { type: 'lognormal'; medianMs: number; p99Ms: number };

export const DISTRIBUTION_TYPES: readonly Distribution['type'][] = [
  'constant',
  'uniform',
  'exponential',
  'lognormal',
];

/** z such that Φ(z) = 0.99 for the standard normal distribution. */
export const Z_99 = 2.3263478740408408;

/** Draws one value in whole microseconds (≥ 0). */
export type Sampler = (rng: RandomStream) => number;

export function compileDistribution(d: Distribution): Sampler {
  switch (d.type) {
    case 'constant': {
      const us = Math.max(0, Math.round(d.valueMs * US_PER_MS));
      return () => us;
    }
    case 'uniform': {
      const lo = d.minMs * US_PER_MS;
      const span = (d.maxMs - d.minMs) * US_PER_MS;
      return (rng) => Math.round(lo + rng.next() * span);
    }
    case 'exponential': {
      const meanUs = d.meanMs * US_PER_MS;
      // 1 - u lies in (0, 1], so the logarithm is finite.
      return (rng) => Math.round(-meanUs * Math.log(1 - rng.next()));
    }
    case 'lognormal': {
      const mu = Math.log(d.medianMs * US_PER_MS);
      const sigma = Math.max(0, (Math.log(d.p99Ms * US_PER_MS) - mu) / Z_99);
      return (rng) => Math.round(Math.exp(mu + sigma * standardNormal(rng)));
    }
  }
}

/** Box–Muller; one of the pair is used so every draw consumes exactly two uniforms. */
export function standardNormal(rng: RandomStream): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** The distribution's mean in milliseconds (used for utilisation hints and tests). */
export function distributionMeanMs(d: Distribution): number {
  switch (d.type) {
    case 'constant':
      return d.valueMs;
    case 'uniform':
      return (d.minMs + d.maxMs) / 2;
    case 'exponential':
      return d.meanMs;
    case 'lognormal': {
      const sigma = Math.max(0, Math.log(d.p99Ms / d.medianMs) / Z_99);
      return d.medianMs * Math.exp((sigma * sigma) / 2);
    }
  }
}

/**
 * A distribution of `type` centred on `meanMs`: what an editor offers when a distribution
 * changes type (uniform spans 0 to twice the mean; a log-normal gets a p99 of 5 × the median).
 */
export function distributionAroundMs(type: Distribution['type'], meanMs: number): Distribution {
  switch (type) {
    case 'constant':
      return { type, valueMs: meanMs };
    case 'uniform':
      return { type, minMs: 0, maxMs: 2 * meanMs };
    case 'exponential':
      return { type, meanMs };
    case 'lognormal':
      return { type, medianMs: meanMs, p99Ms: 5 * meanMs };
  }
}
