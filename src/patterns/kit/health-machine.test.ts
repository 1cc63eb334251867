import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget } from '../../engine/testing/budget.ts';
import { z } from 'zod';
import {
  healthCheckConfigSchema,
  inRotation,
  initialHealth,
  onProbe,
  type HealthStatus,
  type ProbeResult,
  type TargetHealth,
} from './health-machine.ts';

/** fast-check's default number of runs, named so the budgets below can count it. */
const RUNS = 100;

const cfg = healthCheckConfigSchema.parse({});
const at = (status: HealthStatus, failures = 0, successes = 0): TargetHealth => ({
  status,
  failures,
  successes,
});

describe('health-check config', () => {
  it('defaults: probe every 5 s, 1 s timeout, DOWN after 2 failures, UP after 2 passes', () => {
    expect(cfg).toEqual({
      intervalMs: 5000,
      timeoutMs: 1000,
      unhealthyThreshold: 2,
      healthyThreshold: 2,
      checkDependencies: true,
    });
    expect(() => z.toJSONSchema(healthCheckConfigSchema, { io: 'input' })).not.toThrow();
  });

  it('rejects a zero interval and a zero threshold', () => {
    expect(healthCheckConfigSchema.safeParse({ intervalMs: 0 }).success).toBe(false);
    expect(healthCheckConfigSchema.safeParse({ unhealthyThreshold: 0 }).success).toBe(false);
  });
});

describe('health status machine (every state × probe result)', () => {
  it('starts UP and in rotation', () => {
    expect(initialHealth()).toEqual(at('up'));
    expect(inRotation(initialHealth())).toBe(true);
    expect(inRotation(at('degraded'))).toBe(true);
    expect(inRotation(at('down'))).toBe(false);
  });

  it('UP: pass stays UP; warn → DEGRADED at once; fail counts, the 2nd in a row → DOWN', () => {
    expect(onProbe(cfg, at('up', 1), 'pass')).toEqual({ next: at('up', 0, 1), transition: null });
    expect(onProbe(cfg, at('up'), 'warn')).toEqual({
      next: at('degraded', 0, 1),
      transition: 'degraded',
    });
    const one = onProbe(cfg, at('up', 0, 5), 'fail');
    expect(one).toEqual({ next: at('up', 1, 0), transition: null });
    expect(onProbe(cfg, one.next, 'fail')).toEqual({ next: at('down', 2, 0), transition: 'down' });
  });

  it('DEGRADED: pass → UP; warn stays; fails → DOWN after the threshold', () => {
    expect(onProbe(cfg, at('degraded'), 'pass')).toEqual({
      next: at('up', 0, 1),
      transition: 'up',
    });
    expect(onProbe(cfg, at('degraded', 0, 1), 'warn')).toEqual({
      next: at('degraded', 0, 2),
      transition: null,
    });
    expect(onProbe(cfg, at('degraded'), 'fail').transition).toBeNull();
    expect(onProbe(cfg, at('degraded', 1), 'fail')).toEqual({
      next: at('down', 2, 0),
      transition: 'down',
    });
  });

  it('DOWN: needs 2 non-failing probes in a row; a fail restarts the count', () => {
    const one = onProbe(cfg, at('down', 4), 'pass');
    expect(one).toEqual({ next: at('down', 0, 1), transition: null });
    expect(onProbe(cfg, one.next, 'pass')).toEqual({ next: at('up', 0, 2), transition: 'up' });
    expect(onProbe(cfg, one.next, 'warn')).toEqual({
      next: at('degraded', 0, 2),
      transition: 'degraded',
    });
    expect(onProbe(cfg, one.next, 'fail')).toEqual({ next: at('down', 1, 0), transition: null });
  });

  it('thresholds of 1 react to a single probe', () => {
    const quick = healthCheckConfigSchema.parse({ unhealthyThreshold: 1, healthyThreshold: 1 });
    expect(onProbe(quick, at('up'), 'fail').transition).toBe('down');
    expect(onProbe(quick, at('down'), 'pass').transition).toBe('up');
  });

  it(
    'property: DOWN exactly after k consecutive fails; out of DOWN only after k non-fails',
    budget(RUNS, 2),
    () => {
      const result = fc.constantFrom<ProbeResult>('pass', 'warn', 'fail');
      fc.assert(
        fc.property(
          fc.array(result, { maxLength: 60 }),
          fc.integer({ min: 1, max: 4 }),
          fc.integer({ min: 1, max: 4 }),
          (seq, unhealthy, healthy) => {
            const c = { ...cfg, unhealthyThreshold: unhealthy, healthyThreshold: healthy };
            let h = initialHealth();
            let fails = 0;
            let oks = 0;
            for (const r of seq) {
              const before = h.status;
              h = onProbe(c, h, r).next;
              fails = r === 'fail' ? fails + 1 : 0;
              oks = r === 'fail' ? 0 : oks + 1;
              if (before !== 'down' && h.status === 'down') expect(fails).toBe(unhealthy);
              if (before === 'down' && h.status !== 'down') expect(oks).toBe(healthy);
              // In rotation, the label follows the last probe; a lone fail changes nothing.
              if (h.status !== 'down') {
                const expected = { pass: 'up', warn: 'degraded', fail: before }[r];
                expect(h.status).toBe(expected);
              }
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
  );
});
