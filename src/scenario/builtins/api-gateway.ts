import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Crash of the orders backend: down from 30 s for 60 s. */
export const GATEWAY_CRASH_START_MS = 30_000;
export const GATEWAY_CRASH_DURATION_MS = 60_000;
/** The /search route's rate limit (the search backend takes ~100 req/s). */
export const SEARCH_LIMIT_PER_SEC = 50;

const TITLE = 'API gateway';
const DESCRIPTION =
  'One client (Poisson 300 req/s) reaches three backends through an API gateway: /orders, /catalog and /search are routed by path prefix, /home is an aggregation (catalog and search called in parallel; it waits for the slower), and a few requests ask for /legacy, which has no route (404). The gateway rejects 2% of requests as unauthorized (401), caps /search at 50 req/s (429) because a scraper sends more than the search backend can take, and gives every route its own circuit breaker (503). At 30 s the orders backend crashes for 60 s: watch the /orders breaker open while /catalog, /search and /home keep answering, and the causes counted apart on the gateway. The "without" variant is a plain reverse proxy: the same routes, but no authentication, no rate limit and no breakers; compare the search backend\'s queue and the /search and /home failures.';

const ROUTES = [
  { path: '/orders', weight: 30 },
  { path: '/catalog', weight: 30 },
  { path: '/search', weight: 25 },
  { path: '/home', weight: 10 },
  { path: '/legacy', weight: 5 },
];

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['orders'],
  figure: 'arrivals',
  caption:
    'Calls reaching the crashed orders backend per second: the /orders breaker stops them within a few; the plain proxy keeps sending every one.',
  withPattern: 'lower',
};
/**
 * E1: client (Poisson 300/s, 2 s timeout, weighted routes) → gateway → orders, catalog,
 * search (search: 4 workers × 40 ms, ~100 req/s). `without` keeps the gateway's routing but
 * turns authentication, the /search rate limit and the route breakers off; node ids, seed and
 * traffic are unchanged.
 */
export const apiGatewayBuiltin: BuiltinScenario = {
  id: 'api-gateway',
  title: TITLE,
  patterns: ['E1'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const route = (prefix: string, targets: string[], limit: number | null = null) => ({
      prefix,
      targets,
      rateLimitPerSec: on ? limit : null,
      breaker: on,
    });
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['E1'],
      variant,
      seed: 21,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 300 },
            timeoutMs: 2000,
            routes: ROUTES,
          },
        ),
        builtinNode(
          'gateway',
          'api-gateway',
          on ? 'API gateway' : 'Reverse proxy',
          { x: 360, y: 300 },
          {
            authFailureRate: on ? 0.02 : 0,
            routes: [
              route('/orders', ['orders']),
              route('/catalog', ['catalog']),
              route('/search', ['search'], SEARCH_LIMIT_PER_SEC),
              route('/home', ['catalog', 'search']),
            ],
          },
        ),
        builtinNode(
          'orders',
          'service',
          'Orders',
          { x: 620, y: 160 },
          {
            workers: 8,
            serviceTime: { type: 'exponential', meanMs: 20 },
          },
        ),
        builtinNode(
          'catalog',
          'service',
          'Catalog',
          { x: 620, y: 300 },
          {
            workers: 8,
            serviceTime: { type: 'exponential', meanMs: 15 },
          },
        ),
        builtinNode(
          'search',
          'service',
          'Search',
          { x: 620, y: 440 },
          {
            workers: 4,
            serviceTime: { type: 'exponential', meanMs: 40 },
          },
        ),
      ],
      edges: [
        builtinEdge('client', 'gateway'),
        builtinEdge('gateway', 'orders'),
        builtinEdge('gateway', 'catalog'),
        builtinEdge('gateway', 'search'),
      ],
      faults: [
        {
          id: 'orders-crash',
          type: 'crash',
          target: 'orders',
          startMs: GATEWAY_CRASH_START_MS,
          durationMs: GATEWAY_CRASH_DURATION_MS,
        },
      ],
    });
  },
};
