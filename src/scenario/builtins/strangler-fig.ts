import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** The new orders service's bug: 30 % of its answers fail from 40 s on. */
export const STRANGLER_BUG_START_MS = 40_000;
export const STRANGLER_BUG_RATE = 0.3;

/** The document rolls /orders back to legacy at this time (a rollback planned on the route). */
export const STRANGLER_ROLLBACK_MS = 60_000;

/**
 * The strangler's routes as the document starts them: catalog moved, orders half-way (its
 * rollback planned at 60 s), payments still on legacy.
 */
export const STRANGLER_START_ROUTES = [
  { prefix: '/catalog', percentToNew: 100 },
  { prefix: '/orders', percentToNew: 50, rollbackAtMs: STRANGLER_ROLLBACK_MS },
  { prefix: '/payments', percentToNew: 0 },
];

const TITLE = 'Strangler fig';
const DESCRIPTION =
  'A monolith is being replaced route by route. A strangler-fig façade sends each path to the legacy monolith or to the new system (an API gateway in front of one new service per route) with a per-route percentage, sticky per user (Poisson 200 req/s from 10 000 users). It starts with /catalog fully migrated, /orders at 50% and /payments still on legacy. From 40 s the new orders service has a bug: 30% of its answers fail (an error-rate fault on new-orders only). At 60 s the team rolls /orders back: the rollback is planned in the document (rollbackAtMs on the /orders route), so from then on every /orders request goes to legacy and the errors stop at once, while /catalog stays on the new system. Move routes forward or roll them back yourself by editing a percentToNew live. The "without" variant is a big-bang cutover: the client calls the new system directly, so every /orders request meets the bug and the only way back would be to undo the whole migration.';

const svc = (id: string, label: string, x: number, y: number, workers: number, meanMs: number) =>
  builtinNode(
    id,
    'service',
    label,
    { x, y },
    {
      workers,
      serviceTime: { type: 'exponential', meanMs },
    },
  );

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['client'],
  figure: 'failures',
  caption:
    "Client failures per second once new orders is buggy: the strangler's planned /orders rollback at 60 s stops them; the big-bang cut-over keeps failing.",
  withPattern: 'lower',
};
/**
 * E5: client (Poisson 200/s, 10 000 users, /catalog 2 : /orders 1 : /payments 1) → strangler
 * (first edge legacy, second the new system's gateway) → legacy monolith | new-gateway →
 * new-catalog, new-orders, new-payments. `without` wires the client straight to the new
 * gateway (big-bang); the strangler and the monolith stay on the canvas, unused.
 */
export const stranglerFigBuiltin: BuiltinScenario = {
  id: 'strangler-fig',
  title: TITLE,
  patterns: ['E5'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['E5'],
      variant,
      seed: 43,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 200 },
            timeoutMs: 2000,
            userCount: 10_000,
            routes: [
              { path: '/catalog', weight: 2 },
              { path: '/orders', weight: 1 },
              { path: '/payments', weight: 1 },
            ],
          },
        ),
        builtinNode(
          'strangler',
          'strangler-fig',
          'Strangler façade',
          { x: 360, y: 300 },
          {
            routes: STRANGLER_START_ROUTES,
            legacyTarget: 'legacy',
            newTarget: 'new-gateway',
          },
        ),
        svc('legacy', 'Legacy monolith', 620, 160, 16, 30),
        builtinNode(
          'new-gateway',
          'api-gateway',
          'New system gateway',
          { x: 620, y: 440 },
          {
            authFailureRate: 0,
            routes: [
              { prefix: '/catalog', targets: ['new-catalog'] },
              { prefix: '/orders', targets: ['new-orders'] },
              { prefix: '/payments', targets: ['new-payments'] },
            ],
          },
        ),
        svc('new-catalog', 'New catalog', 880, 300, 16, 10),
        svc('new-orders', 'New orders', 880, 440, 16, 10),
        svc('new-payments', 'New payments', 880, 580, 16, 10),
      ],
      edges: [
        ...(on
          ? [
              builtinEdge('client', 'strangler'),
              builtinEdge('strangler', 'legacy'),
              builtinEdge('strangler', 'new-gateway'),
            ]
          : [builtinEdge('client', 'new-gateway')]),
        builtinEdge('new-gateway', 'new-catalog'),
        builtinEdge('new-gateway', 'new-orders'),
        builtinEdge('new-gateway', 'new-payments'),
      ],
      faults: [
        {
          id: 'new-orders-bug',
          type: 'error-rate',
          target: 'new-orders',
          startMs: STRANGLER_BUG_START_MS,
          durationMs: null,
          rate: STRANGLER_BUG_RATE,
        },
      ],
    });
  },
};
