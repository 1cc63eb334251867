import { z } from 'zod';
import type { RandomStream } from '../kernel/rng.ts';

export const keysSchema = z.strictObject({
  distribution: z.enum(['uniform', 'zipf']).default('uniform'),
  count: z.number().int().min(1).max(1_000_000).meta({ title: 'Key count', suggested: 1000 }),
  /** Zipf exponent s: key k (1-based) has weight 1 / k^s. */
  exponent: z.number().positive().max(5).default(1).meta({ title: 'Zipf exponent' }),
});
export type KeysConfig = z.infer<typeof keysSchema>;

export type KeySampler = (rng: RandomStream) => number;

// Derived from config only (not simulation state), so caching by config object is safe.
const cache = new WeakMap<KeysConfig, KeySampler>();

/** Returns 0-based key indexes; key 0 is the most popular under Zipf. */
export function keySampler(keys: KeysConfig): KeySampler {
  let sampler = cache.get(keys);
  if (sampler) return sampler;
  if (keys.distribution === 'uniform') {
    const n = keys.count;
    sampler = (rng) => rng.nextInt(n);
  } else {
    const cdf = new Float64Array(keys.count);
    let total = 0;
    for (let k = 0; k < keys.count; k++) {
      total += 1 / Math.pow(k + 1, keys.exponent);
      cdf[k] = total;
    }
    sampler = (rng) => {
      const x = rng.next() * total;
      let lo = 0;
      let hi = cdf.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cdf[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
  }
  cache.set(keys, sampler);
  return sampler;
}
