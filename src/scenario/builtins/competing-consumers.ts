import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Consumer B hangs from 30 s to the end: it holds what it was given and answers nothing. */
export const CC_HANG_START_MS = 30_000;
/** How long a consumer may hold a message before the queue gives it to another (with). */
export const CC_VISIBILITY_MS = 5000;
/** The same, set below the time the work takes (without). */
export const CC_SHORT_VISIBILITY_MS = 150;

const TITLE = 'Competing consumers';
const DESCRIPTION = `Orders (Poisson 60/s) go through a queue to three consumers (4 workers each, exponential 100 ms: about half busy). From 30 s consumer B hangs: it keeps the ten messages it was given (its prefetch) and never answers. With a visibility timeout of ${CC_VISIBILITY_MS / 1000} s — well above the work — those ten come back once, ${CC_VISIBILITY_MS / 1000} s later, and A and C process them: none is lost and nothing is processed twice. The "without" variant sets the visibility timeout below the time the work takes (${CC_SHORT_VISIBILITY_MS} ms): every slow message is handed to a second consumer while the first is still at it, and hundreds of orders are processed twice.`;

/** What the app charts when this built-in opens. */
const WATCH: ScenarioWatch = {
  nodes: ['orders-queue'],
  figure: 'metric:duplicateAcks',
  caption:
    'Orders processed a second time: none with a visibility timeout above the work; many when it is shorter than the work.',
  withPattern: 'lower',
  over: 'run',
};

/**
 * M2: orders (Poisson 60/s) → orders-queue (visibility 5 s; without: 150 ms) → consumers a, b,
 * c (4 workers, exp 100 ms). Consumer b hangs from 30 s to the end. Same ids and seed.
 */
export const competingConsumersBuiltin: BuiltinScenario = {
  id: 'competing-consumers',
  title: TITLE,
  patterns: ['M2'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    const consumer = { workers: 4, serviceTime: { type: 'exponential', meanMs: 100 } };
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['M2'],
      variant,
      seed: 31,
      durationMs: 90_000,
      nodes: [
        builtinNode(
          'orders',
          'client',
          'Orders',
          { x: 100, y: 300 },
          { arrival: { type: 'poisson', ratePerSec: 60 } },
        ),
        builtinNode(
          'orders-queue',
          'queue',
          'Orders queue',
          { x: 360, y: 300 },
          { visibilityTimeoutMs: on ? CC_VISIBILITY_MS : CC_SHORT_VISIBILITY_MS },
        ),
        builtinNode('a', 'service', 'Consumer A', { x: 620, y: 140 }, consumer),
        builtinNode('b', 'service', 'Consumer B (hangs)', { x: 620, y: 300 }, consumer),
        builtinNode('c', 'service', 'Consumer C', { x: 620, y: 460 }, consumer),
      ],
      edges: [
        builtinEdge('orders', 'orders-queue'),
        builtinEdge('orders-queue', 'a'),
        builtinEdge('orders-queue', 'b'),
        builtinEdge('orders-queue', 'c'),
      ],
      faults: [
        { id: 'b-hangs', type: 'hang', target: 'b', startMs: CC_HANG_START_MS, durationMs: null },
      ],
    });
  },
};
