import type { RequestInfo } from '../../engine/index.ts';

/** The request attribute a client's `routes` fill in (see the client kind). */
export const ROUTE_ATTR = 'route';

/** The request's path; a request without one is treated as "/" (only a "/" route takes it). */
export function routePathOf(request: RequestInfo): string {
  const route = request.attrs?.[ROUTE_ATTR];
  return typeof route === 'string' ? route : '/';
}

/** A per-route counter name, e.g. `route./orders.calls` (dots inside the prefix are kept). */
export function routeMetric(prefix: string, suffix: string): string {
  return `route.${prefix}.${suffix}`;
}
