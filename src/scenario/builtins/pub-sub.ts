import type { ScenarioWatch, SimEdge, SimNode } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Inventory is down from 30 s for 30 s. */
export const PUBSUB_OUTAGE_START_MS = 30_000;
export const PUBSUB_OUTAGE_DURATION_MS = 30_000;

const TITLE = 'Publish/subscribe';
const DESCRIPTION =
  'A checkout (Poisson 50 orders/s, 1 s timeout) calls an orders API, which publishes OrderPlaced to a topic; three subscribers — email, analytics and inventory (4 workers, exponential 20 ms each) — each read their own queue. Inventory is down from 30 s for 30 s. The checkout never notices: the API answers once the topic has the event; email and analytics keep their 50 events/s; inventory\'s queue keeps its events (about 1 500) and it catches up within seconds of coming back. The "without" variant has the API call the three services one after the other and wait: every order pays for all three, and while inventory is down every order fails.';

/** What the app charts when this built-in opens. */
const WATCH: ScenarioWatch = {
  nodes: ['checkout'],
  figure: 'failures',
  caption:
    'Checkout failures while inventory is down: with a topic none; when the API calls every subscriber itself, every order fails.',
  withPattern: 'lower',
};

const SUBSCRIBERS = [
  ['email', 'Email'],
  ['analytics', 'Analytics'],
  ['inventory', 'Inventory'],
] as const;

/**
 * M1: checkout (Poisson 50/s, 1 s timeout) → orders-api (8 workers, exp 2 ms) → order-events
 * (topic) → {email, analytics, inventory}-queue → the three services (4 workers, exp 20 ms).
 * Inventory crashes from 30 s for 30 s. `without`: orders-api → the three services, called one
 * after the other; the ids of the client, the API, the services and the seed are the same.
 */
export const pubSubBuiltin: BuiltinScenario = {
  id: 'pub-sub',
  title: TITLE,
  patterns: ['M1'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const nodes: SimNode[] = [
      builtinNode(
        'checkout',
        'client',
        'Checkout',
        { x: 100, y: 300 },
        { arrival: { type: 'poisson', ratePerSec: 50 }, timeoutMs: 1000 },
      ),
      builtinNode(
        'orders-api',
        'service',
        'Orders API',
        { x: 360, y: 300 },
        { workers: 8, serviceTime: { type: 'exponential', meanMs: 2 } },
      ),
    ];
    const edges: SimEdge[] = [builtinEdge('checkout', 'orders-api')];
    if (on) {
      nodes.push(builtinNode('order-events', 'topic', 'Order events', { x: 620, y: 300 }));
      edges.push(builtinEdge('orders-api', 'order-events', { messageType: 'OrderPlaced' }));
    }
    SUBSCRIBERS.forEach(([id, label], i) => {
      const y = 140 + i * 160;
      nodes.push(
        builtinNode(
          id,
          'service',
          label,
          { x: 1140, y },
          { workers: 4, serviceTime: { type: 'exponential', meanMs: 20 } },
        ),
      );
      if (on) {
        nodes.push(builtinNode(`${id}-queue`, 'queue', `${label} queue`, { x: 880, y }));
        edges.push(builtinEdge('order-events', `${id}-queue`), builtinEdge(`${id}-queue`, id));
      } else edges.push(builtinEdge('orders-api', id));
    });
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['M1'],
      variant,
      seed: 17,
      durationMs: 120_000,
      nodes,
      edges,
      faults: [
        {
          id: 'inventory-down',
          type: 'crash',
          target: 'inventory',
          startMs: PUBSUB_OUTAGE_START_MS,
          durationMs: PUBSUB_OUTAGE_DURATION_MS,
        },
      ],
    });
  },
};
