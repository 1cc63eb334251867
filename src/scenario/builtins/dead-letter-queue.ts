import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Share of the orders the API publishes that no consumer can ever process. */
export const DLQ_POISON_SHARE = 0.02;
/** Deliveries of one message before the queue gives up on it (with the pattern). */
export const DLQ_MAX_DELIVERIES = 5;

const TITLE = 'Dead-letter queue';
const DESCRIPTION = `A shop (Poisson 100 orders/s) calls an orders API, which publishes each order to a queue and answers at once; a fulfilment service (4 workers, exponential 30 ms: busy about three quarters of the time) consumes the queue. A poison fault makes ${DLQ_POISON_SHARE * 100} % of the orders unprocessable: every attempt at one fails. With the pattern the queue gives up on a message after ${DLQ_MAX_DELIVERIES} deliveries and moves it to the dead-letter queue, where it waits for a person to look at it: each poison message costs exactly ${DLQ_MAX_DELIVERIES} attempts, and the queue stays near empty. The "without" variant has no limit and no dead-letter queue: poison messages come back for ever, take a growing share of the consumer's time, and the backlog of good orders and their wait grow without end.`;

/** What the app charts when this built-in opens. */
const WATCH: ScenarioWatch = {
  nodes: ['orders-queue'],
  figure: 'queue-depth',
  caption:
    'Orders waiting in the queue: with a dead-letter queue it stays near empty; without one, poison messages circle for ever and the backlog grows.',
  withPattern: 'lower',
};

/**
 * M2: shop (Poisson 100/s) → orders-api (8 workers, exp 2 ms) → orders-queue → fulfilment
 * (4 workers, exp 30 ms); with: orders-queue → orders-dlq (role dead-letter) and at most 5
 * deliveries. Poison 2 % on orders-api for the whole run. `without` drops the limit and the
 * dead-letter queue; every other id and the seed are the same.
 */
export const deadLetterQueueBuiltin: BuiltinScenario = {
  id: 'dead-letter-queue',
  title: TITLE,
  patterns: ['M2'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['M2'],
      variant,
      seed: 42,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'shop',
          'client',
          'Shop',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: 100 },
            timeoutMs: 1000,
          },
        ),
        builtinNode(
          'orders-api',
          'service',
          'Orders API',
          { x: 360, y: 300 },
          {
            workers: 8,
            serviceTime: { type: 'exponential', meanMs: 2 },
          },
        ),
        builtinNode(
          'orders-queue',
          'queue',
          'Orders queue',
          { x: 620, y: 300 },
          {
            maxDeliveries: on ? DLQ_MAX_DELIVERIES : null,
          },
        ),
        builtinNode(
          'fulfilment',
          'service',
          'Fulfilment',
          { x: 880, y: 300 },
          {
            workers: 4,
            serviceTime: { type: 'exponential', meanMs: 30 },
          },
        ),
        ...(on ? [builtinNode('orders-dlq', 'queue', 'Dead letters', { x: 880, y: 470 })] : []),
      ],
      edges: [
        builtinEdge('shop', 'orders-api'),
        builtinEdge('orders-api', 'orders-queue', { messageType: 'OrderPlaced' }),
        builtinEdge('orders-queue', 'fulfilment'),
        ...(on ? [builtinEdge('orders-queue', 'orders-dlq', { role: 'dead-letter' })] : []),
      ],
      faults: [
        {
          id: 'poison-orders',
          type: 'poison',
          target: 'orders-api',
          startMs: 0,
          durationMs: null,
          rate: DLQ_POISON_SHARE,
        },
      ],
    });
  },
};
