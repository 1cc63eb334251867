import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  breakerConfigSchema,
  classifyResult,
  initialBreaker,
  onCallAllowed,
  onResult,
  windowRates,
  type BreakerConfig,
  type BreakerState,
  type CallResult,
} from './index.ts';
import { REGISTRY } from '../registry.ts';

/** Which causes are recorded (`recordFailureOn`), ignored results, and `tripPolicy`. */

const MS = 1000;
const WAIT_US = 30_000 * MS;
const defaults = breakerConfigSchema.parse({});
const cfg = (over: Partial<BreakerConfig> = {}): BreakerConfig => ({ ...defaults, ...over });

const S: CallResult = 'success';
const F: CallResult = 'failure';
const I: CallResult = 'ignored';

/** Feeds results of calls admitted and answered at `atUs`; returns the final state. */
function feed(c: BreakerConfig, s: BreakerState, results: CallResult[], atUs = 0, durUs = 0) {
  let state = s;
  for (const r of results) {
    const a = onCallAllowed(c, state, atUs);
    expect(a.allowed).toBe(true);
    state = onResult(c, a.next, a.epoch, r, durUs, atUs).next;
  }
  return state;
}

const times = (n: number, r: CallResult): CallResult[] => Array<CallResult>(n).fill(r);

/** HALF_OPEN (entered at WAIT_US) with `n` probes admitted. */
function halfOpenWith(c: BreakerConfig, n: number): BreakerState {
  let s = feed({ ...c, tripPolicy: 'either' }, initialBreaker(), times(5, F));
  expect(s.phase).toBe('open');
  for (let i = 0; i < n; i++) s = onCallAllowed(c, s, WAIT_US + i).next;
  expect(s).toMatchObject({ phase: 'half-open', probesAdmitted: n });
  return s;
}

describe('config: recordFailureOn and tripPolicy', () => {
  it('defaults: the trouble classes recorded (error, timeout, refused, queue-full, bad-format); trip on either rule', () => {
    expect(defaults.recordFailureOn).toEqual([
      'dependency-failure',
      'caller-gone',
      'overload-refusal',
    ]);
    expect(defaults.tripPolicy).toBe('either');
    // A fresh list per parse: editing one config never edits another's default.
    expect(breakerConfigSchema.parse({}).recordFailureOn).not.toBe(defaults.recordFailureOn);
  });

  it('rejects an unknown trip policy and a non-list of causes; JSON Schema stays representable', () => {
    expect(breakerConfigSchema.safeParse({ tripPolicy: 'majority' }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ recordFailureOn: 'error' }).success).toBe(false);
    expect(breakerConfigSchema.safeParse({ recordFailureOn: [''] }).success).toBe(false);
    const schema = z.toJSONSchema(breakerConfigSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['tripPolicy', 'recordFailureOn', 'halfOpenDecision']),
    );
  });
});

describe('classifyResult', () => {
  it('ok is a success whatever the cause; listed classes are failures; the rest are ignored', () => {
    expect(defaults.recordFailureOn).toEqual([
      'dependency-failure',
      'caller-gone',
      'overload-refusal',
    ]);
    // Over every cause the registry knows: today's list, plus bad-format (an unreadable answer).
    const failures = REGISTRY.causes()
      .map((c) => c.cause)
      .filter((c) => classifyResult(defaults, false, c, REGISTRY) === 'failure');
    expect(failures.sort()).toEqual([
      'bad-format',
      'broker-full',
      'broker-unavailable',
      'error',
      'queue-full',
      'refused',
      'timeout',
    ]);
    expect(classifyResult(defaults, true, '', REGISTRY)).toBe('success');
    for (const cause of ['error', 'timeout', 'refused', 'queue-full']) {
      expect(classifyResult(defaults, false, cause, REGISTRY)).toBe('failure');
    }
    for (const cause of ['rate-limited', 'bulkhead-full', 'circuit-open', 'shed', 'no-route']) {
      expect(classifyResult(defaults, false, cause, REGISTRY)).toBe('ignored');
    }
  });

  it('follows the configured list: exact names (old documents) and classes', () => {
    const old = cfg({ recordFailureOn: ['error', 'timeout', 'refused', 'queue-full'] });
    expect(classifyResult(old, false, 'timeout', REGISTRY)).toBe('failure');
    expect(classifyResult(old, false, 'bad-format', REGISTRY)).toBe('ignored');
    const limits = cfg({ recordFailureOn: ['policy-refusal'] });
    expect(classifyResult(limits, false, 'shed', REGISTRY)).toBe('failure');
    expect(classifyResult(limits, false, 'error', REGISTRY)).toBe('ignored');
    const c = cfg({ recordFailureOn: ['rate-limited'] });
    expect(classifyResult(c, false, 'rate-limited', REGISTRY)).toBe('failure');
    expect(classifyResult(c, false, 'error', REGISTRY)).toBe('ignored');
    expect(classifyResult(cfg({ recordFailureOn: [] }), false, 'error', REGISTRY)).toBe('ignored');
  });
});

describe('ignored results', () => {
  it('CLOSED: change nothing — not in the window, the consecutive count neither grows nor resets', () => {
    const four = feed(defaults, initialBreaker(), times(4, F));
    const a = onCallAllowed(defaults, four, 1);
    expect(onResult(defaults, a.next, a.epoch, I, 0, 1)).toEqual({ next: four, transition: null });
    // 4 failures, 100 ignored, 1 failure: the 5th consecutive failure opens it.
    const s = feed(defaults, four, times(100, I));
    expect(s).toMatchObject({ phase: 'closed', consecutiveFailures: 4, window: [1, 1, 1, 1] });
    expect(feed(defaults, s, [F]).phase).toBe('open');
  });

  it('CLOSED: an ignored slow call is not counted as slow either', () => {
    const slow = cfg({ slowCallDurationMs: 10, slowCallRateThreshold: 0.5, minimumCalls: 2 });
    const s = feed(slow, initialBreaker(), times(50, I), 0, 100 * MS);
    expect(s).toEqual(initialBreaker());
    expect(windowRates(slow, s.window)).toBeNull();
  });

  it('HALF_OPEN: an ignored probe frees its permit and counts for nothing', () => {
    const s = halfOpenWith(defaults, 3);
    expect(onCallAllowed(defaults, s, WAIT_US + 5).allowed).toBe(false);
    const r = onResult(defaults, s, s.epoch, I, 0, WAIT_US + 10);
    expect(r).toEqual({ next: { ...s, probesAdmitted: 2 }, transition: null });
    // Another call may probe in its place; the decision still waits for 3 recorded probes.
    const again = onCallAllowed(defaults, r.next, WAIT_US + 11);
    expect(again).toMatchObject({ allowed: true, next: { probesAdmitted: 3 } });
    let st = again.next;
    for (const x of [S, S]) st = onResult(defaults, st, s.epoch, x, 0, WAIT_US + 20).next;
    expect(st).toMatchObject({ phase: 'half-open', probeResults: 2 });
    expect(onResult(defaults, st, s.epoch, F, 0, WAIT_US + 30).transition).toBe('closed');
  });

  it('HALF_OPEN "first-failure": an ignored probe does not re-open it', () => {
    const c = cfg({ halfOpenDecision: 'first-failure' });
    const s = halfOpenWith(c, 1);
    const r = onResult(c, s, s.epoch, I, 0, WAIT_US + 1);
    expect(r).toMatchObject({ transition: null, next: { phase: 'half-open', probeFailed: 0 } });
  });
});

describe('tripPolicy', () => {
  // Alternating failure and success: a 50% failure rate, never 2 failures in a row.
  const alternating = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? F : S));

  it('"consecutive-failures": only failureThreshold (5) failures in a row open it, never the rate', () => {
    const c = cfg({ tripPolicy: 'consecutive-failures' });
    const s = feed(c, initialBreaker(), [...alternating, ...alternating, ...alternating]);
    expect(s.phase).toBe('closed');
    expect(windowRates(c, s.window)?.failureRate).toBe(0.5);
    expect(feed(c, s, times(4, F)).phase).toBe('closed');
    expect(feed(c, s, times(5, F)).phase).toBe('open');
  });

  it('"failure-rate": only the window rate opens it — 9 failures in a row stay closed (9 < minimumCalls)', () => {
    const c = cfg({ tripPolicy: 'failure-rate' });
    const nine = feed(c, initialBreaker(), times(9, F));
    expect(nine).toMatchObject({ phase: 'closed', consecutiveFailures: 9 });
    expect(feed(c, nine, [F]).phase).toBe('open');
    expect(feed(c, initialBreaker(), alternating).phase).toBe('open');
  });

  it('"either" (default): 5 in a row open it, and so does a 50% rate over 10 calls', () => {
    expect(feed(defaults, initialBreaker(), times(5, F)).phase).toBe('open');
    expect(feed(defaults, initialBreaker(), alternating.slice(0, 9)).phase).toBe('closed');
    expect(feed(defaults, initialBreaker(), alternating).phase).toBe('open');
  });

  it('the slow-call rule applies under every policy once slowCallDurationMs is set', () => {
    for (const tripPolicy of ['consecutive-failures', 'failure-rate', 'either'] as const) {
      const c = cfg({ tripPolicy, slowCallDurationMs: 100, slowCallRateThreshold: 0.5 });
      expect(feed(c, initialBreaker(), times(9, S), 0, 101 * MS).phase).toBe('closed');
      expect(feed(c, initialBreaker(), times(10, S), 0, 101 * MS).phase).toBe('open');
    }
  });
});
