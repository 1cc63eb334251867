// Test support only: breaker states reached through the machine's own transitions.
import { expect } from 'vitest';
import {
  breakerConfigSchema,
  initialBreaker,
  onCallAllowed,
  onResult,
  type BreakerConfig,
  type BreakerState,
} from '../kit/index.ts';

export const MS = 1000;
export const WAIT_US = 30_000 * MS;
export const defaults = breakerConfigSchema.parse({});
export const cfg = (over: Partial<BreakerConfig> = {}): BreakerConfig => ({ ...defaults, ...over });

/** A CLOSED breaker with some history: 2 failures then a success, then 2 failures. */
export function closedWithHistory(c: BreakerConfig = defaults): BreakerState {
  let s = initialBreaker();
  for (const ok of [false, false, true, false, false]) {
    const a = onCallAllowed(c, s, 0);
    s = onResult(c, a.next, a.epoch, ok ? 'success' : 'failure', 0, 0).next;
  }
  expect(s).toMatchObject({ phase: 'closed', consecutiveFailures: 2 });
  return s;
}

/** OPEN since `atUs` (epoch 1). */
export function opened(c: BreakerConfig = defaults, atUs = 0): BreakerState {
  let s = closedWithHistory(c);
  for (let i = 0; i < 3; i++) s = onResult(c, s, s.epoch, 'failure', 0, atUs).next;
  expect(s).toMatchObject({ phase: 'open', epoch: 1, sinceUs: atUs });
  return s;
}

/** HALF_OPEN (epoch 2, entered at WAIT_US) with `n` probes admitted. */
export function halfOpenWith(c: BreakerConfig, n: number): BreakerState {
  let s = opened(c);
  for (let i = 0; i < n; i++) s = onCallAllowed(c, s, WAIT_US + i).next;
  expect(s).toMatchObject({ phase: 'half-open', epoch: 2, probesAdmitted: n });
  return s;
}
