import { z } from 'zod';

/**
 * Path-prefix routing over plain data, shared by the API gateway and the strangler fig: a
 * route is chosen by the longest prefix that covers the request's path on a segment
 * boundary. Nothing mutates its input.
 */

/** A path prefix: starts with "/", e.g. "/orders" or "/" (catch-all). */
export const pathPrefixSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^\//, { error: 'must start with "/"' });

/**
 * True when `prefix` covers `path` on a segment boundary: "/orders" matches "/orders" and
 * "/orders/42" but not "/ordersX"; "/" and any prefix ending in "/" match everything below.
 */
export function prefixMatches(prefix: string, path: string): boolean {
  if (!path.startsWith(prefix)) return false;
  return path.length === prefix.length || prefix.endsWith('/') || path[prefix.length] === '/';
}

/**
 * Index of the route with the longest prefix covering `path` (the first one listed on a tie),
 * or -1 when none does.
 */
export function matchRoute(routes: readonly { prefix: string }[], path: string): number {
  let best = -1;
  let bestLength = -1;
  for (let i = 0; i < routes.length; i++) {
    const prefix = (routes[i] as { prefix: string }).prefix;
    if (prefix.length > bestLength && prefixMatches(prefix, path)) {
      best = i;
      bestLength = prefix.length;
    }
  }
  return best;
}
