import { z } from 'zod';

/**
 * Active health checking of one target (docs/patterns.md, R8), as pure functions over plain data.
 *
 * Every probe ends `pass`, `warn` (only a non-critical dependency failed) or `fail` (the
 * target itself, or a critical dependency, failed). The status follows Envoy / NGINX active
 * checks with Spring-style dependency health:
 *
 * - `up` / `degraded` (in rotation): `unhealthyThreshold` consecutive `fail`s → `down`.
 *   A `pass` makes it `up`, a `warn` makes it `degraded` at once (no threshold: both stay in
 *   rotation, so only the label changes). A single `fail` below the threshold keeps the status.
 * - `down` (out of rotation): `healthyThreshold` consecutive non-failing probes (`pass` or
 *   `warn`) bring it back, as `up` or `degraded` after the last of them; a `fail` restarts
 *   the count.
 *
 * Targets start `up`: they are assumed healthy when the run begins.
 */

export const healthCheckConfigSchema = z.strictObject({
  intervalMs: z.number().positive().default(5000),
  timeoutMs: z.number().positive().default(1000),
  unhealthyThreshold: z.number().int().min(1).max(100).default(2),
  healthyThreshold: z.number().int().min(1).max(100).default(2),
  /** Probe each target's own dependencies too (its outgoing edges; `required` = critical). */
  checkDependencies: z.boolean().default(true),
});
export type HealthCheckConfig = z.infer<typeof healthCheckConfigSchema>;

export type HealthStatus = 'up' | 'degraded' | 'down';
export type ProbeResult = 'pass' | 'warn' | 'fail';

export interface TargetHealth {
  status: HealthStatus;
  /** Consecutive failed probes. */
  failures: number;
  /** Consecutive probes that did not fail. */
  successes: number;
}

export interface HealthOutcome {
  next: TargetHealth;
  /** The status entered, or null when it did not change. */
  transition: HealthStatus | null;
}

export function initialHealth(): TargetHealth {
  return { status: 'up', failures: 0, successes: 0 };
}

export function inRotation(h: TargetHealth): boolean {
  return h.status !== 'down';
}

/** One probe of the target finished with `result`. */
export function onProbe(
  cfg: HealthCheckConfig,
  h: TargetHealth,
  result: ProbeResult,
): HealthOutcome {
  if (result === 'fail') {
    const failures = h.failures + 1;
    if (h.status !== 'down' && failures >= cfg.unhealthyThreshold) {
      return { next: { status: 'down', failures, successes: 0 }, transition: 'down' };
    }
    return { next: { status: h.status, failures, successes: 0 }, transition: null };
  }
  const successes = h.successes + 1;
  const healthy: HealthStatus = result === 'warn' ? 'degraded' : 'up';
  if (h.status === 'down' && successes < cfg.healthyThreshold) {
    return { next: { status: 'down', failures: 0, successes }, transition: null };
  }
  const transition = healthy === h.status ? null : healthy;
  return { next: { status: healthy, failures: 0, successes }, transition };
}
