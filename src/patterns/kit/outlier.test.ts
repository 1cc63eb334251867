import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import {
  ejectedCount,
  initialOutlier,
  is5xx,
  mayEject,
  onOutcome,
  onSweep,
  OUTLIER_5XX_CLASSES,
  outlierConfigSchema,
  type OutlierState,
} from './outlier.ts';
import { REGISTRY } from '../registry.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const cfg = outlierConfigSchema.parse({});
const S = 1_000_000;

/** Feeds `k` failures of host i at time t. */
function fail(s: OutlierState, i: number, k: number, t = 0) {
  let r = { next: s, event: null as string | null, ejectionMs: 0 };
  for (let j = 0; j < k; j++) r = onOutcome(cfg, r.next, i, 'error', t, REGISTRY);
  return r;
}

describe('outlier config', () => {
  it('defaults: 5 consecutive 5xx, 30 s base ejection, max 50%, 10 s sweeps', () => {
    expect(cfg).toEqual({
      consecutive5xx: 5,
      baseEjectionMs: 30_000,
      maxEjectionPercent: 50,
      intervalMs: 10_000,
    });
    expect(() => z.toJSONSchema(outlierConfigSchema, { io: 'input' })).not.toThrow();
  });
});

describe('outlier detection (every host state × event)', () => {
  const fresh = initialOutlier(4);

  it('in rotation: a success resets the count; the 5th failure in a row ejects for 30 s', () => {
    const four = fail(fresh, 0, 4);
    expect(four.event).toBeNull();
    expect(four.next.hosts[0]?.consecutive).toBe(4);
    expect(onOutcome(cfg, four.next, 0, null, 0, REGISTRY).next.hosts[0]?.consecutive).toBe(0);
    const r = onOutcome(cfg, four.next, 0, 'error', 7 * S, REGISTRY);
    expect(r).toEqual({
      next: {
        hosts: [
          { consecutive: 0, ejected: true, ejectedUntilUs: 37 * S, multiplier: 1 },
          ...fresh.hosts.slice(1),
        ],
      },
      event: 'ejected',
      ejectionMs: 30_000,
    });
    expect(fresh.hosts[0]?.ejected).toBe(false); // never mutated
  });

  it('only server failures count as 5xx: error, refused, bad-format, timeout, queue-full', () => {
    expect(OUTLIER_5XX_CLASSES).toEqual(['dependency-failure', 'caller-gone', 'overload-refusal']);
    // Over every cause the registry knows: today's list, plus bad-format (an unreadable answer).
    const counted = REGISTRY.causes()
      .map((c) => c.cause)
      .filter((c) => is5xx(c, REGISTRY));
    expect(counted.sort()).toEqual([
      'bad-format',
      'broker-full',
      'broker-unavailable',
      'error',
      'queue-full',
      'refused',
      'timeout',
    ]);
    const OUTLIER_5XX_CAUSES = ['error', 'timeout', 'refused', 'queue-full'];
    for (const c of OUTLIER_5XX_CAUSES) expect(is5xx(c, REGISTRY)).toBe(true);
    const pushBack = ['rate-limited', 'circuit-open', 'bulkhead-full', 'throttled', 'shed'];
    // Causes nobody declares (no class) do not count either.
    for (const c of [null, ...pushBack, 'no-route', 'fallback'])
      expect(is5xx(c, REGISTRY)).toBe(false);
    // Five 5xx of mixed causes eject; each is one more in the run.
    let s = fresh;
    for (const c of OUTLIER_5XX_CAUSES) s = onOutcome(cfg, s, 0, c, 0, REGISTRY).next;
    expect(onOutcome(cfg, s, 0, 'error', 0, REGISTRY).event).toBe('ejected');
  });

  it('a rejection that asks for less traffic (429, circuit-open, …) resets the count, as any non-5xx', () => {
    const four = fail(fresh, 0, 4);
    for (const c of ['rate-limited', 'circuit-open', 'bulkhead-full', 'throttled', 'shed']) {
      const r = onOutcome(cfg, four.next, 0, c, 0, REGISTRY);
      expect(r.event).toBeNull();
      expect(r.next.hosts[0]?.consecutive).toBe(0);
    }
    // A host that only rate-limits is never ejected.
    let s = fresh;
    for (let k = 0; k < 50; k++) {
      const r = onOutcome(cfg, s, 0, 'rate-limited', k * S, REGISTRY);
      expect(r.event).toBeNull();
      s = r.next;
    }
    expect(ejectedCount(s)).toBe(0);
  });

  it('ejected: outcomes are ignored', () => {
    const ejected = fail(fresh, 0, 5).next;
    expect(onOutcome(cfg, ejected, 0, 'error', S, REGISTRY).next).toBe(ejected);
    expect(onOutcome(cfg, ejected, 0, null, S, REGISTRY).next).toBe(ejected);
  });

  it('sweep: re-admits once the ejection is over (fresh count); before that keeps it out', () => {
    const ejected = fail(fresh, 0, 5, 0).next;
    expect(onSweep(ejected, 29 * S).readmitted).toEqual([]);
    const r = onSweep(ejected, 30 * S);
    expect(r.readmitted).toEqual([0]);
    expect(r.next.hosts[0]).toEqual({
      consecutive: 0,
      ejected: false,
      ejectedUntilUs: 30 * S,
      multiplier: 1,
    });
  });

  it('the second ejection lasts twice the base; a sweep in rotation lowers the multiplier', () => {
    const back = onSweep(fail(fresh, 0, 5, 0).next, 30 * S).next;
    const again = fail(back, 0, 5, 31 * S);
    expect(again.ejectionMs).toBe(60_000);
    expect(again.next.hosts[0]?.ejectedUntilUs).toBe(91 * S);
    const calm = onSweep(onSweep(back, 40 * S).next, 50 * S).next;
    expect(calm.hosts[0]?.multiplier).toBe(0);
    expect(fail(calm, 0, 5, 51 * S).ejectionMs).toBe(30_000);
  });

  it('max ejection percent: with 4 hosts and 50%, a 3rd ejection is skipped and the count restarts', () => {
    let s = fail(fresh, 0, 5).next;
    s = fail(s, 1, 5).next;
    expect(ejectedCount(s)).toBe(2);
    const r = fail(s, 2, 5);
    expect(r.event).toBe('ejection-skipped');
    expect(r.next.hosts[2]).toMatchObject({ ejected: false, consecutive: 0 });
  });

  it('the first ejection always goes ahead, whatever the percentage (as Envoy)', () => {
    const none = { ...cfg, maxEjectionPercent: 0 };
    expect(mayEject(none, initialOutlier(3))).toBe(true);
    const one = fail(initialOutlier(3), 0, 5).next;
    expect(mayEject(cfg, one)).toBe(false); // 2 of 3 would be 67% > 50%
  });

  it('property: never more than max(1, ⌊n × max%⌋) hosts ejected at once', budget(RUNS, 2), () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(
          fc.tuple(fc.nat(7), fc.constantFrom(null, 'error', 'timeout', 'shed'), fc.boolean()),
          { maxLength: 200 },
        ),
        (n, pct, steps) => {
          const c = { ...cfg, maxEjectionPercent: pct, consecutive5xx: 2 };
          const cap = Math.max(1, Math.floor((n * pct) / 100));
          let s = initialOutlier(n);
          let t = 0;
          for (const [host, cause, sweep] of steps) {
            t += S;
            s = sweep ? onSweep(s, t).next : onOutcome(c, s, host % n, cause, t, REGISTRY).next;
            expect(ejectedCount(s)).toBeLessThanOrEqual(cap);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
