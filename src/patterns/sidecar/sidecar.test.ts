import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { REGISTRY } from '../registry.ts';
import { sidecarKind } from './sidecar.ts';
import {
  errors,
  failures,
  fault,
  figures,
  labelOf,
  run as runSidecar,
  setup,
} from './sidecar-test-harness.ts';

const NO_OUTLIER = { outlierDetection: null };

/** Runs the harness topology to the end and checks conservation. */
function run(opts: Parameters<typeof runSidecar>[0] = {}) {
  const r = runSidecar(opts);
  expect(r.conserved).toBe(true);
  return r;
}

describe('sidecar kind', () => {
  it('is registered as a router with a JSON-schema-able config', () => {
    expect(REGISTRY.get('sidecar')).toBe(sidecarKind);
    expect(sidecarKind.category).toBe('routing');
    const schema = z.toJSONSchema(sidecarKind.configSchema, { io: 'input' });
    expect(Object.keys(schema.properties ?? {})).toEqual([
      'timeoutMs',
      'maxAttempts',
      'backoffBaseMs',
      'backoffCapMs',
      'retryOn',
      'outlierDetection',
    ]);
  });

  it('weights 2:1:1 split 100 requests 50/25/25, one attempt each', () => {
    const r = run({ weights: [2, 1, 1] });
    expect([r.s1.arrivals, r.s2.arrivals, r.s3.arrivals]).toEqual([50, 25, 25]);
    expect(r.c.ok).toBe(100);
    expect(r.sc.metrics).toMatchObject({ attempts: 100 });
    expect(r.sc.metrics['retries'] ?? 0).toBe(0);
    expect(labelOf(r.sim)).toEqual({ text: '3/3 in rotation', tone: 'ok' });
    expect(r.sc.metrics['state.allInMs']).toBeGreaterThan(9_800);
  });

  it('no outgoing edge: answers no-route', () => {
    const r = run({ targets: [] });
    expect(r.sc.failed).toEqual({ 'no-route': 100 });
    expect(labelOf(r.sim)).toEqual({ text: 'NO INSTANCES', tone: 'bad' });
  });
});

describe('per-attempt timeout and retries', () => {
  it('a hung instance: each attempt there is cut at 200 ms and retried elsewhere; all 100 succeed', () => {
    const r = run({
      sidecar: { ...NO_OUTLIER, timeoutMs: 200 },
      faults: [fault('s2', 0, null, { type: 'hang' })],
    });
    expect(r.c.ok).toBe(100);
    expect(r.s2.arrivals).toBeGreaterThan(25);
    expect(r.sc.metrics).toMatchObject({
      timeouts: r.s2.arrivals,
      retries: r.s2.arrivals,
      succeededAfterRetry: r.s2.arrivals,
      attempts: 100 + r.s2.arrivals,
    });
    // Retried requests took the 200 ms timeout + ≤ 25 ms backoff + 10 ms on another instance.
    expect(r.c.latencyMs.max).toBeGreaterThanOrEqual(210);
    expect(r.c.latencyMs.max).toBeLessThan(240);
    expect(r.events.filter((e) => e.startsWith('sidecar.attempt-timed-out'))).toHaveLength(
      r.s2.arrivals,
    );
  });

  it('the attempt deadline is the request deadline when that comes first (client 150 ms)', () => {
    const r = run({
      client: { timeoutMs: 150 },
      faults: [fault('s2', 0, null, { type: 'hang' })],
      sidecar: NO_OUTLIER,
    });
    const cut = r.events.filter((e) => e.startsWith('sidecar.attempt-timed-out'));
    expect(cut.length).toBe(r.s2.arrivals);
    for (const e of cut) expect(e).toMatch(/after 150 ms$/);
    // No time is left for a retry: the request fails with the client's timeout.
    expect(r.sc.metrics['retries'] ?? 0).toBe(0);
    expect(failures(r.c)).toBe(r.s2.arrivals);
  });

  it('a retry goes to an instance not tried yet: s1 failing every call never sees a retry', () => {
    const r = run({ sidecar: NO_OUTLIER, faults: [errors('s1')] });
    expect(r.c.ok).toBe(100);
    expect(r.s1.failed['error']).toBe(r.s1.arrivals);
    expect(r.sc.metrics).toMatchObject({
      retries: r.s1.arrivals,
      succeededAfterRetry: r.s1.arrivals,
    });
    expect(r.s2.arrivals + r.s3.arrivals).toBe(100);
  });

  it('every instance failing: 3 attempts per request, all 100 fail (amplification 3, error share 1)', () => {
    const all = ['s1', 's2', 's3'].map((s) => errors(s));
    const r = run({ sidecar: NO_OUTLIER, faults: all });
    expect(r.c.failed).toEqual({ error: 100 });
    expect(r.sc.metrics).toMatchObject({ attempts: 300, retries: 200, attemptsExhausted: 100 });
    // Three attempts per request, one on each instance.
    expect([r.s1.arrivals, r.s2.arrivals, r.s3.arrivals]).toEqual([100, 100, 100]);
    const report = sidecarKind.report?.(figures(r.sc, 10_000));
    expect(report).toMatchObject({ amplification: 3, retriesPerRequest: 2, errorShare: 1 });
  });

  it('a cause not in retryOn is passed back without a retry', () => {
    const r = run({ sidecar: { ...NO_OUTLIER, retryOn: ['timeout'] }, faults: [errors('s1')] });
    expect(r.sc.metrics['retries'] ?? 0).toBe(0);
    expect(r.sc.metrics['notRetryable']).toBe(r.s1.arrivals);
    expect(r.c.failed).toEqual({ error: r.s1.arrivals });
  });

  it('a caller gone during a long backoff gets the last failure, no further attempt', () => {
    // A timeout above that does not propagate its 50 ms deadline: the sidecar only sees the
    // caller leave. Backoffs are up to 1 s, so most callers are gone when theirs ends.
    const above = {
      id: 't',
      kind: 'timeout',
      config: { timeoutMs: 50, propagateDeadline: false },
    };
    const all = ['s1', 's2', 's3'].map((s) => errors(s));
    const r = run({
      above,
      faults: all,
      sidecar: { ...NO_OUTLIER, maxAttempts: 2, backoffBaseMs: 1000, backoffCapMs: 1000 },
      durationMs: 12_000,
      client: { arrival: { type: 'constant', ratePerSec: 10 } },
    });
    const gone = r.sc.metrics['callerGone'] ?? 0;
    const exhausted = r.sc.metrics['attemptsExhausted'] ?? 0;
    expect(gone + exhausted).toBe(failures(r.sc));
    expect(r.sc.ok).toBe(0);
    expect(gone).toBeGreaterThan(0.9 * r.sc.arrivals);
    expect(r.sc.metrics['retries']).toBe(exhausted);
  });
});

describe('outlier detection in the sidecar', () => {
  it('5 failures in a row eject s2 for 30 s, re-admitted at a sweep, then ejected for 60 s', () => {
    const r = run({ faults: [errors('s2', 5_000)], durationMs: 60_000 });
    const outlier = r.events.filter((e) => /^sidecar\.(ejected|readmitted)/.test(e));
    expect(outlier.map((e) => e.replace(/@[\d.]+/, ''))).toEqual([
      'sidecar.ejected s2 for 30000 ms',
      'sidecar.readmitted s2',
      'sidecar.ejected s2 for 60000 ms',
    ]);
    expect(outlier[1]).toBe('sidecar.readmitted@40000 s2');
    expect(r.c.ok).toBe(600);
    expect(r.sc.metrics).toMatchObject({ ejections: 2, readmissions: 1, retries: 10 });
    expect(labelOf(r.sim)).toEqual({ text: '2/3 in rotation', tone: 'warn' });
    const m = r.sc.metrics;
    const stateMs = (m['state.allInMs'] ?? 0) + (m['state.someOutMs'] ?? 0);
    expect(stateMs).toBeCloseTo(59_900, -2);
    expect(m['ejectedMs']).toBeCloseTo(m['state.someOutMs'] ?? 0, 6);
  });

  it('timeouts count as failures: a hung s3 is ejected at its 5th timed-out attempt', () => {
    const r = run({
      sidecar: { timeoutMs: 100 },
      faults: [fault('s3', 2_000, null, { type: 'hang' })],
    });
    expect(r.sc.metrics).toMatchObject({ timeouts: 5, ejections: 1 });
    expect(r.events.filter((e) => e.startsWith('sidecar.ejected'))).toHaveLength(1);
    expect(r.c.ok).toBe(100);
  });

  it('only 5xx count: an instance answering 429 (rate-limited) is never ejected', () => {
    // sc → rl (token bucket: 1 token, 1/s) → s2: rl rejects most of the calls it gets.
    const r = run({
      targets: ['s1', 'rl', 's3'],
      extraNodes: [{ id: 'rl', kind: 'rate-limiter', config: { capacity: 1, refillPerSec: 1 } }],
      extraEdges: [{ source: 'rl', target: 's2' }],
    });
    expect(r.conserved).toBe(true);
    expect(r.sc.failed['rate-limited']).toBeGreaterThan(10);
    expect(r.sc.metrics['ejections'] ?? 0).toBe(0);
    expect(r.events.filter((e) => e.startsWith('sidecar.ejected'))).toEqual([]);
  });

  it('at most 50% ejected: with s1 out, s2 failing too is kept (ejection skipped)', () => {
    const r = run({ faults: [errors('s1'), errors('s2', 3_000)] });
    expect(r.sc.metrics['ejections']).toBe(1);
    expect(r.sc.metrics['ejectionsSkipped']).toBeGreaterThanOrEqual(1);
    expect(r.events.some((e) => e.startsWith('sidecar.ejection-skipped'))).toBe(true);
    // A request failing on s2 is retried on s3, the only untried instance in rotation.
    expect(r.c.ok).toBe(100);
  });

  it('outlierDetection null: no ejections, failures keep being retried', () => {
    const r = run({ sidecar: NO_OUTLIER, faults: [errors('s2')], durationMs: 60_000 });
    expect(r.sc.metrics['ejections'] ?? 0).toBe(0);
    expect(r.sc.metrics['retries']).toBe(r.s2.arrivals);
    expect(labelOf(r.sim)).toEqual({ text: '3/3 in rotation', tone: 'ok' });
  });

  it('a live edit switching outlier detection off puts the ejected instance back at once', () => {
    const { sim } = setup({ faults: [errors('s2')], durationMs: 30_000 });
    sim.advanceTo(5_000);
    expect(labelOf(sim)).toEqual({ text: '2/3 in rotation', tone: 'warn' });
    const arrivalsBefore = sim.nodeDetail('s2').arrivals;
    expect(sim.patch({ type: 'node-config', nodeId: 'sc', config: NO_OUTLIER })).toEqual({
      ok: true,
    });
    expect(labelOf(sim)).toEqual({ text: '3/3 in rotation', tone: 'ok' });
    sim.advanceTo(10_000);
    expect(sim.nodeDetail('s2').arrivals - arrivalsBefore).toBeGreaterThan(10);
    // Switched on again: a fresh detector, which ejects s2 anew.
    sim.patch({ type: 'node-config', nodeId: 'sc', config: { outlierDetection: {} } });
    sim.advanceTo(15_000);
    expect(labelOf(sim)).toEqual({ text: '2/3 in rotation', tone: 'warn' });
    sim.runToEnd();
    expect(sim.conservation().ok).toBe(true);
  });
});
