import { z } from 'zod';
import type { RandomStream } from '../kernel/rng.ts';
import { weight } from './config-schemas.ts';

/**
 * A client's request paths (`/orders`, `/catalog/items` …) with relative weights. Each
 * request draws one and carries it as `request.attrs.route`, for routers that dispatch by
 * path (API gateway, strangler fig).
 */
export const routeSpecSchema = z.strictObject({
  path: z.string().min(1).max(200),
  weight: weight().default(1),
});

export const routesSchema = z.array(routeSpecSchema).min(1).max(64);
export type RoutesConfig = z.infer<typeof routesSchema>;

export type RouteSampler = (rng: RandomStream) => string;

// Derived from config only (configs are replaced on edit, never mutated), so caching by the
// config array is safe.
const cache = new WeakMap<RoutesConfig, RouteSampler>();

/** Draws a path with probability weight / Σ weights (one uniform draw per request). */
export function routeSampler(routes: RoutesConfig): RouteSampler {
  let sampler = cache.get(routes);
  if (sampler) return sampler;
  const paths = routes.map((r) => r.path);
  const cdf = new Float64Array(routes.length);
  let total = 0;
  routes.forEach((r, i) => {
    total += r.weight;
    cdf[i] = total;
  });
  sampler = (rng) => {
    const x = rng.next() * total;
    for (let i = 0; i < cdf.length; i++) if (x < (cdf[i] as number)) return paths[i] as string;
    return paths[paths.length - 1] as string;
  };
  cache.set(routes, sampler);
  return sampler;
}
