import { describe, expect, it } from 'vitest';
import { createStream } from '../../engine/index.ts';
import type { NodeSpec } from '../../engine/testing/scenario-builder.ts';
import { REGISTRY } from '../registry.ts';
import { retryDelayMs } from '../kit/index.ts';
import { retryConfigSchema } from './config.ts';
import { retryKind } from './retry.ts';
import { crash, FIXED_50, runRetry as run } from './retry-test-harness.ts';

describe('retry kind', () => {
  it('is registered in the resilience category and reports amplification', () => {
    expect(REGISTRY.get('retry')).toBe(retryKind);
    expect(retryKind.category).toBe('resilience');
    const report = retryKind.report?.({
      arrivals: 100,
      completed: 90,
      failed: { error: 10 },
      metrics: { attempts: 250, retries: 150, succeededAfterRetry: 40, budgetExhausted: 5 },
      elapsedMs: 1000,
    });
    expect(report).toEqual({
      amplification: 2.5,
      retriesPerRequest: 1.5,
      succeededAfterRetryShare: 0.4,
      budgetExhausted: 5,
      budgetExhaustedShare: 0.05,
    });
  });

  it('healthy downstream: one attempt per request, nothing retried', () => {
    const { r, s, c } = run();
    expect(c).toMatchObject({ arrivals: 10, ok: 10 });
    expect(r).toMatchObject({ arrivals: 10, ok: 10, failed: {} });
    expect(s.arrivals).toBe(10);
    expect(r.metrics).toEqual({ attempts: 10 });
    expect(r.latencyMs.mean).toBe(10);
  });

  it('no outgoing edge: answers no-route', () => {
    const { r } = run({ noDownstream: true });
    expect(r).toMatchObject({ arrivals: 10, failed: { 'no-route': 10 } });
  });

  it('dead downstream: 3 attempts 50 ms apart (fixed backoff), then the refusal is passed back', () => {
    const { r, s, c, at } = run({ retry: FIXED_50, faults: [crash] });
    expect(s.arrivals).toBe(30);
    expect(r.metrics).toEqual({ attempts: 30, retries: 20, attemptsExhausted: 10 });
    expect(c.failed).toEqual({ refused: 10 });
    expect(r.latencyMs.mean).toBe(100);
    expect(at('retry.scheduled').slice(0, 4)).toEqual([0, 50, 100, 150]);
    expect(at('retry.gave-up').slice(0, 2)).toEqual([100, 200]);
  });

  it('exponential backoff without jitter waits base, base·m, … capped', () => {
    const { r, events } = run({
      retry: { maxAttempts: 5, baseMs: 20, multiplier: 3, capMs: 100, jitter: 'none' },
      faults: [crash],
      requests: 1,
    });
    expect(events.filter((e) => e.type === 'retry.scheduled').map((e) => e.detail)).toEqual([
      'attempt 2 in 20 ms',
      'attempt 3 in 60 ms',
      'attempt 4 in 100 ms',
      'attempt 5 in 100 ms',
    ]);
    expect(r.latencyMs.mean).toBe(280);
  });

  it('jitter draws from the node stream rng(retry, "jitter")', () => {
    const { events } = run({ retry: { maxAttempts: 4 }, faults: [crash], requests: 1 });
    const rng = createStream(5, 'r', 'jitter');
    const cfg = retryConfigSchema.parse({});
    const expected = [0, 1, 2].map((n) => {
      const ms = retryDelayMs(cfg, n, cfg.baseMs, rng.next());
      return `attempt ${n + 2} in ${Math.round(ms * 10) / 10} ms`;
    });
    expect(events.filter((e) => e.type === 'retry.scheduled').map((e) => e.detail)).toEqual(
      expected,
    );
  });

  it('transient errors: a failed attempt is retried and the request succeeds after it', () => {
    const { r, s, c } = run({ retry: FIXED_50, service: { errorRate: 0.5 }, requests: 10 });
    const m = r.metrics;
    expect(m['attempts']).toBe(s.arrivals);
    expect(m['retries']).toBe((m['attempts'] ?? 0) - 10);
    expect(c.ok).toBe(r.ok);
    expect(c.ok).toBe(s.ok);
    expect(m['succeededAfterRetry']).toBeGreaterThan(0);
    expect(c.ok + (m['attemptsExhausted'] ?? 0)).toBe(10);
  });

  it('never retries circuit-open by default; does when retryOn lists it', () => {
    const below: NodeSpec[] = [{ id: 'b', kind: 'circuit-breaker', config: {} }];
    // 5 refusals open the breaker: request 1's 3 attempts, request 2's first 2; request 2's
    // third attempt and every later one fail fast with circuit-open, passed back as they are.
    const plain = run({ retry: FIXED_50, below, faults: [crash] }).r;
    expect(plain.failed).toEqual({ refused: 1, 'circuit-open': 9 });
    expect(plain.metrics).toEqual({
      attempts: 3 + 3 + 8,
      retries: 4,
      attemptsExhausted: 1,
      notRetryable: 9,
    });
    const eager = run({
      retry: { ...FIXED_50, retryOn: ['refused', 'circuit-open'] },
      below,
      faults: [crash],
    }).r;
    expect(eager.metrics).toEqual({ attempts: 30, retries: 20, attemptsExhausted: 10 });
  });

  it('never retries past the request deadline: gives up when the backoff would end after it', () => {
    // Deadline 120 ms: attempts at 0, 50, 100; a retry at 150 would be too late.
    const { r, s, c } = run({
      retry: { ...FIXED_50, maxAttempts: 10 },
      client: { timeoutMs: 120 },
      faults: [crash],
    });
    expect(s.arrivals).toBe(30);
    expect(r.metrics).toEqual({ attempts: 30, retries: 20, deadlineExceeded: 10 });
    expect(c.failed).toEqual({ refused: 10 });
  });

  it('stops retrying once the caller has abandoned the call (checked when the backoff ends)', () => {
    // A timeout (120 ms, no deadline propagation) above the retry abandons its call at 120;
    // the retry notices at the end of the backoff (150) and answers; that answer is late.
    const { r, s, sim } = run({
      retry: { ...FIXED_50, maxAttempts: 10 },
      above: [{ id: 't', kind: 'timeout', config: { timeoutMs: 120, propagateDeadline: false } }],
      faults: [crash],
    });
    expect(s.arrivals).toBe(30);
    expect(r.metrics).toEqual({ attempts: 30, retries: 20, callerGone: 10 });
    expect(r.latencyMs.mean).toBe(150);
    expect(sim.nodeDetail('t')).toMatchObject({ failed: { timeout: 10 }, lateResponses: 10 });
  });

  it('per-attempt timeout: abandons a slow attempt, counts it and retries it as a timeout', () => {
    // The service takes 150 ms; each attempt is abandoned after 100 ms; no backoff.
    const { r, c, s } = run({
      retry: { backoff: 'none', perAttemptTimeoutMs: 100 },
      service: { serviceTime: { type: 'constant', valueMs: 150 } },
    });
    expect(s.arrivals).toBe(30);
    expect(r.metrics).toEqual({
      attempts: 30,
      retries: 20,
      attemptTimeouts: 30,
      attemptsExhausted: 10,
    });
    expect(c.failed).toEqual({ timeout: 10 });
    expect(r.latencyMs.mean).toBe(300);
    // Every abandoned attempt's answer came back late and was discarded.
    expect(r.lateResponses).toBe(30);
  });

  it('per-attempt timeout ends attempts lost to a partition too', () => {
    const { r, c } = run({
      retry: { backoff: 'none', perAttemptTimeoutMs: 100, maxAttempts: 2 },
      faults: [{ id: 'cut', type: 'partition', target: 'e1', startMs: 0, durationMs: null }],
    });
    expect(r.metrics).toEqual({
      attempts: 20,
      retries: 10,
      attemptTimeouts: 20,
      attemptsExhausted: 10,
    });
    expect(c.failed).toEqual({ timeout: 10 });
  });
});
