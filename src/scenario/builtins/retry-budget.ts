import type { ScenarioWatch } from '../../engine/index.ts';
import { builtinDocument, builtinEdge, builtinNode } from './build-helpers.ts';
import type { BuiltinScenario } from './types.ts';

/** Full outage of the service (every call fails) from 60 s for 30 s. */
export const BUDGET_OUTAGE_START_MS = 60_000;
export const BUDGET_OUTAGE_DURATION_MS = 30_000;
export const BUDGET_RATIO = 0.1;
/** No time-based allowance: in a full outage only the ratio (and the starting burst) pays for retries. */
export const BUDGET_MIN_PER_SEC = 0;
export const BUDGET_BURST = 10;
export const BUDGET_CLIENT_RATE_PER_SEC = 200;

const TITLE = 'Retry budget';
const DESCRIPTION =
  'The retry storm and its cure. A client (Poisson 200 req/s, 2 s timeout) calls a service through a retry proxy (3 attempts, exponential backoff with full jitter) that has a retry budget: retries may be at most 10% of requests (a token bucket that starts full with 10 tokens and gets no time-based allowance, budgetMinPerSec 0). The service fails 5% of its calls at random, and from 60 s to 90 s an error-rate fault makes it fail every call (a full outage). Watch the service load during the outage: without the budget every request costs 3 attempts (amplification ≈ 2.99); with it about 1.10 = 1 + ratio, and the retry node counts the retries it refused ("budget spent", ≈ 6000). Before the outage both variants retry the transient errors equally well (99.99% success). The "without" variant is the same retry proxy with no budget.';

/** What the app charts when this built-in opens (its lesson in one figure). */
const WATCH: ScenarioWatch = {
  nodes: ['service'],
  figure: 'amplification',
  caption:
    'Calls reaching the service per request sent, during the outage: the budget holds it near 1.1; without it every request costs 3 attempts.',
  withPattern: 'lower',
};
/**
 * R2 (retry budget): client → retry (defaults + budget 0.1, 0/s, burst 10) → service (32 workers,
 * exponential 20 ms, 5% errors), error-rate 1.0 fault from 60 s for 30 s. `without` keeps the
 * retry proxy but turns its budget off, so only the budget differs.
 */
export const retryBudgetBuiltin: BuiltinScenario = {
  id: 'retry-budget',
  title: TITLE,
  patterns: ['R2'],
  description: DESCRIPTION,
  watch: WATCH,
  variants: ['with', 'without'],
  build(variant) {
    const on = variant === 'with';
    return builtinDocument({
      title: TITLE,
      description: DESCRIPTION,
      watch: WATCH,
      patterns: ['R2'],
      variant,
      seed: 13,
      durationMs: 120_000,
      nodes: [
        builtinNode(
          'client',
          'client',
          'Client',
          { x: 100, y: 300 },
          {
            arrival: { type: 'poisson', ratePerSec: BUDGET_CLIENT_RATE_PER_SEC },
            timeoutMs: 2000,
          },
        ),
        builtinNode(
          'retry',
          'retry',
          on ? 'Retry (budget)' : 'Retry',
          { x: 360, y: 300 },
          {
            budgetRatio: on ? BUDGET_RATIO : null,
            budgetMinPerSec: BUDGET_MIN_PER_SEC,
            budgetBurst: BUDGET_BURST,
          },
        ),
        builtinNode(
          'service',
          'service',
          'Service',
          { x: 620, y: 300 },
          {
            workers: 32,
            serviceTime: { type: 'exponential', meanMs: 20 },
            errorRate: 0.05,
          },
        ),
      ],
      edges: [builtinEdge('client', 'retry'), builtinEdge('retry', 'service')],
      faults: [
        {
          id: 'service-outage',
          type: 'error-rate',
          target: 'service',
          startMs: BUDGET_OUTAGE_START_MS,
          durationMs: BUDGET_OUTAGE_DURATION_MS,
          rate: 1,
        },
      ],
    });
  },
};
